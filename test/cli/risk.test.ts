import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { startServer, type RunningServer } from '../../src/http/server.js';
import { composeApp } from '../../src/main.js';
import type { AppDeps } from '../../src/app/shared/context.js';
import { aims, freshDataDir } from './cli-helpers.js';

/** `aims risk …` against a real server on loopback, after an assessment approved over the API. */
describe('aims risk (remote, over HTTP)', () => {
  let deps: AppDeps;
  let server: RunningServer;
  let owner: Record<string, string>;

  beforeAll(async () => {
    const dataDir = freshDataDir();
    const env = { AIMS_DATA_DIR: dataDir, AIMS_ADMIN_PASSWORD: 'a long admin password', AIMS_ADMIN_EMAIL: 'admin@acme.example' };
    await aims(['init', '--org', 'Acme AI', '--admin-email', 'admin@acme.example'], env);
    const tokens: Record<string, string> = {};
    for (const [email, role] of [['owner@acme.example', 'risk_owner'], ['approver@acme.example', 'approver']] as const) {
      await aims(['user', 'add', '--email', email, '--role', role], { ...env, AIMS_USER_PASSWORD: 'a long user password' });
      tokens[role] = ((await aims(['token', 'create', '--email', email, '--role', role, '--name', role, '--json'], env)).json as { token: string }).token;
    }
    deps = await composeApp(loadConfig({ AIMS_DATA_DIR: dataDir, AIMS_LOG_LEVEL: 'silent' }));
    server = await startServer(deps, { port: 0, host: '127.0.0.1' });
    owner = { AIMS_URL: server.url, AIMS_TOKEN: tokens.risk_owner! };
    const api = async (token: string, method: string, path: string, body?: unknown) => {
      const response = await fetch(`${server.url}/api/v1${path}`, { method, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
      if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
      return response.json() as Promise<{ id: string }>;
    };
    const system = await api(tokens.risk_owner!, 'POST', '/systems', { name: 'Chat assistant', purpose: 'Answers customer questions', organizationRoles: ['deployer'] });
    const content = {
      purpose: 'Answer customer questions',
      intendedUse: 'First-line support with hand-over to staff',
      foreseeableMisuse: 'Giving financial advice',
      stakeholders: [{ group: 'Customers', vulnerable: false }],
      impacts: [{ kind: 'harm', description: 'Wrong answers about fees', affects: 'individuals', severity: 2, likelihood: 3 }],
      mitigations: ['Hand-over to staff'],
      humanOversight: 'Staff review flagged conversations',
    };
    const assessment = await api(tokens.risk_owner!, 'POST', `/systems/${system.id}/impact-assessments`, { content });
    await api(tokens.risk_owner!, 'POST', `/impact-assessments/${assessment.id}/submit`);
    await api(tokens.approver!, 'POST', `/impact-assessments/${assessment.id}/decision`, { decision: 'approve' });
  });
  afterAll(async () => {
    await server.close();
    await deps.db.close();
  });

  it('imports risks from CSV, lists them scored by the server, exports the register and shows the review queue', async () => {
    const dir = freshDataDir();
    const csv = join(dir, 'risks.csv');
    writeFileSync(csv, 'system,title,owner_email,likelihood,severity,stakeholder_impact\nChat assistant,Hallucinated fees,owner@acme.example,4,3,4\nChat assistant,Prompt injection,owner@acme.example,2,4,2\n');
    const imported = await aims(['risk', 'import', '--file', csv], owner);
    expect(imported.exitCode, imported.stderr).toBe(0);
    expect(imported.stdout).toBe('Registered 2 risk(s).');

    const list = await aims(['risk', 'list'], owner);
    expect(list.stdout.split('\n')).toEqual([
      ' 16 high     open                Chat assistant — Hallucinated fees  [inherent level is high but no Annex A control is linked]',
      '  8 medium   open                Chat assistant — Prompt injection',
    ]);
    const out = join(dir, 'register.html');
    expect((await aims(['risk', 'export', '--format', 'html', '--out', out], owner)).exitCode).toBe(0);
    expect(readFileSync(out, 'utf8')).toContain('Hallucinated fees');
    expect((await aims(['risk', 'reviews'], owner)).stdout).toBe('Nothing is due for review.');

    const bad = join(dir, 'bad.csv');
    writeFileSync(bad, 'system,title,owner_email,likelihood,severity,stakeholder_impact\nNope,X,owner@acme.example,1,1,1\n');
    const refused = await aims(['risk', 'import', '--file', bad], owner);
    expect(refused.exitCode).toBe(2);
    expect(refused.stderr).toMatch(/row 2\.system/);
  });
});
