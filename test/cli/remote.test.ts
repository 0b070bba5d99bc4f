import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { startServer, type RunningServer } from '../../src/http/server.js';
import { composeApp } from '../../src/main.js';
import type { AppDeps } from '../../src/app/shared/context.js';
import { aims, freshDataDir } from './cli-helpers.js';

/** Pipeline commands against a real server on loopback, as a CI job on another machine would run them. */
describe('aims evidence (remote, over HTTP)', () => {
  let dataDir: string;
  let deps: AppDeps;
  let server: RunningServer;
  let remote: Record<string, string>;
  let organizationId: string;

  beforeAll(async () => {
    dataDir = freshDataDir();
    const env = { AIMS_DATA_DIR: dataDir, AIMS_ADMIN_PASSWORD: 'a long admin password', AIMS_ADMIN_EMAIL: 'lead@acme.example' };
    const init = await aims(['init', '--org', 'Acme AI', '--admin-email', 'lead@acme.example', '--json'], env);
    organizationId = (init.json as { organization: { id: string } }).organization.id;
    await aims(['user', 'add', '--email', 'ci@acme.example', '--role', 'contributor'], { ...env, AIMS_USER_PASSWORD: 'pipeline password' });
    const token = await aims(['token', 'create', '--email', 'ci@acme.example', '--role', 'contributor', '--name', 'ci', '--json'], env);
    deps = await composeApp(loadConfig({ AIMS_DATA_DIR: dataDir, AIMS_LOG_LEVEL: 'silent', AIMS_MAX_UPLOAD_MB: '1' }));
    server = await startServer(deps, { port: 0, host: '127.0.0.1' });
    remote = { AIMS_URL: server.url, AIMS_TOKEN: (token.json as { token: string }).token };
  });
  afterAll(async () => {
    await server.close();
    await deps.db.close();
  });

  it('uploads a file with its metadata and links, then lists it', async () => {
    const file = join(freshDataDir(), 'bias-report.json');
    writeFileSync(file, JSON.stringify({ metric: 'demographic parity', gap: 0.03 }));
    const upload = await aims(['evidence', 'upload', file, '--kind', 'test_result', '--title', 'Bias report, release 42', '--valid-until', '2027-06-30', '--link', `organization:${organizationId}`, '--json'], remote);
    expect(upload.exitCode, upload.stderr).toBe(0);
    expect(upload.json).toMatchObject({ title: 'Bias report, release 42', kind: 'test_result', fileName: 'bias-report.json', validUntil: '2027-06-30', links: [{ entityType: 'organization', entityId: organizationId }], createdBy: expect.stringContaining('token ci') });
    const list = await aims(['evidence', 'list'], remote);
    expect(list.exitCode).toBe(0);
    expect(list.stdout).toContain('Bias report, release 42');
  });

  it("turns the server's refusals into the same exit codes and messages", async () => {
    const file = join(freshDataDir(), 'x.txt');
    writeFileSync(file, 'x');
    const badToken = await aims(['evidence', 'list', '--json'], { ...remote, AIMS_TOKEN: 'aims_wrong' });
    expect(badToken.exitCode).toBe(2);
    expect(badToken.json).toMatchObject({ error: { code: 'UNAUTHENTICATED' } });
    const badKind = await aims(['evidence', 'upload', file, '--kind', 'selfie'], remote);
    expect(badKind.exitCode).toBe(2);
    expect(badKind.stderr).toMatch(/kind/);
    const big = join(freshDataDir(), 'big.bin');
    writeFileSync(big, Buffer.alloc(1024 * 1024 + 1));
    const tooBig = await aims(['evidence', 'upload', big, '--json'], remote);
    expect(tooBig.exitCode).toBe(2);
    expect(tooBig.json).toMatchObject({ error: { code: 'PAYLOAD_TOO_LARGE' } });
    const badLink = await aims(['evidence', 'upload', file, '--link', 'planet:earth'], remote);
    expect(badLink.exitCode).toBe(2);
    expect(badLink.stderr).toMatch(/link: "planet:earth" must be TYPE:ID/);
  });

  it('names what is missing when no server or token is given, and exits 3 when the server is down', async () => {
    const noUrl = await aims(['evidence', 'list'], { AIMS_TOKEN: 'x' });
    expect(noUrl.exitCode).toBe(2);
    expect(noUrl.stderr).toMatch(/url: give --url or set AIMS_URL/);
    const noToken = await aims(['evidence', 'list', '--url', server.url], {});
    expect(noToken.stderr).toMatch(/token: give --token or set AIMS_TOKEN/);
    const down = await aims(['evidence', 'list', '--url', 'http://127.0.0.1:1', '--token', 'x'], {});
    expect(down.exitCode).toBe(3);
    expect(down.stderr).toMatch(/cannot reach/);
  });
});
