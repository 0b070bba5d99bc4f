import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { startServer, type RunningServer } from '../../src/http/server.js';
import { composeApp } from '../../src/main.js';
import type { AppDeps } from '../../src/app/shared/context.js';
import { aims, freshDataDir } from './cli-helpers.js';

/** `aims monitor ingest` against a real server on loopback, as a scoring pipeline would run it. */
describe('aims monitor ingest (remote, over HTTP)', () => {
  let dataDir: string;
  let deps: AppDeps;
  let server: RunningServer;
  let remote: Record<string, string>;
  let systemId: string;

  beforeAll(async () => {
    dataDir = freshDataDir();
    const env = { AIMS_DATA_DIR: dataDir, AIMS_ADMIN_PASSWORD: 'a long admin password', AIMS_ADMIN_EMAIL: 'lead@acme.example' };
    await aims(['init', '--org', 'Acme AI', '--admin-email', 'lead@acme.example', '--json'], env);
    await aims(['user', 'add', '--email', 'ci@acme.example', '--role', 'contributor'], { ...env, AIMS_USER_PASSWORD: 'pipeline password' });
    const token = await aims(['token', 'create', '--email', 'ci@acme.example', '--role', 'contributor', '--name', 'ci', '--json'], env);
    deps = await composeApp(loadConfig({ AIMS_DATA_DIR: dataDir, AIMS_LOG_LEVEL: 'silent' }));
    server = await startServer(deps, { port: 0, host: '127.0.0.1' });
    remote = { AIMS_URL: server.url, AIMS_TOKEN: (token.json as { token: string }).token };
    const created = await fetch(new URL('/api/v1/systems', server.url), { method: 'POST', headers: { authorization: `Bearer ${remote.AIMS_TOKEN}`, 'content-type': 'application/json' }, body: JSON.stringify({ name: 'Scorer', purpose: 'Scores loans', organizationRoles: ['deployer'] }) });
    systemId = ((await created.json()) as { id: string }).id;
  });
  afterAll(async () => {
    await server.close();
    await deps.db.close();
  });

  it('streams a CSV log, stores a retry once, then joins labels from JSON lines', async () => {
    const dir = freshDataDir();
    const log = join(dir, 'day1.csv');
    writeFileSync(log, 'prediction_id,timestamp,prediction,income\np1,2026-05-01T00:00:00Z,1,10\np2,2026-05-01T01:00:00Z,0,20\n');
    const first = await aims(['monitor', 'ingest', '--system', systemId, '--file', log, '--json'], remote);
    expect(first.exitCode, first.stderr).toBe(0);
    expect(first.json).toMatchObject({ kind: 'predictions', rowCount: 2, batchId: expect.stringMatching(/^sha256-/) });
    const retry = await aims(['monitor', 'ingest', '--system', systemId, '--file', log, '--json'], remote);
    expect(retry.json).toEqual(first.json);
    const labels = join(dir, 'labels.jsonl');
    writeFileSync(labels, '{"predictionId":"p1","label":"1"}\n');
    const joined = await aims(['monitor', 'ingest', '--system', systemId, '--file', labels, '--labels', '--batch-id', 'labels-1'], remote);
    expect(joined.exitCode, joined.stderr).toBe(0);
    expect(joined.stdout).toContain('1 labels joined');
    const bad = join(dir, 'bad.csv');
    writeFileSync(bad, 'prediction_id,timestamp,prediction\np9,yesterday,1\n');
    const refused = await aims(['monitor', 'ingest', '--system', systemId, '--file', bad, '--json'], remote);
    expect(refused.exitCode).not.toBe(0);
    expect(JSON.stringify(refused.json)).toContain('line 2, timestamp');
  });
});
