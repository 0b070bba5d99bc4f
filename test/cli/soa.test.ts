import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { ANNEX_A_CONTROL_IDS } from '../../src/domain/catalog/index.js';
import { startServer, type RunningServer } from '../../src/http/server.js';
import { composeApp } from '../../src/main.js';
import type { AppDeps } from '../../src/app/shared/context.js';
import { aims, freshDataDir } from './cli-helpers.js';

/** `aims soa …` against a real server on loopback: tailor from a spreadsheet, issue, export. */
describe('aims soa (remote, over HTTP)', () => {
  let deps: AppDeps;
  let server: RunningServer;
  let lead: Record<string, string>;
  let approver: Record<string, string>;

  beforeAll(async () => {
    const dataDir = freshDataDir();
    const env = { AIMS_DATA_DIR: dataDir, AIMS_ADMIN_PASSWORD: 'a long admin password', AIMS_ADMIN_EMAIL: 'admin@acme.example' };
    await aims(['init', '--org', 'Acme AI', '--admin-email', 'admin@acme.example'], env);
    const tokens: Record<string, string> = {};
    for (const [email, role] of [['lead@acme.example', 'governance_lead'], ['approver@acme.example', 'approver']] as const) {
      await aims(['user', 'add', '--email', email, '--role', role], { ...env, AIMS_USER_PASSWORD: 'a long user password' });
      tokens[role] = ((await aims(['token', 'create', '--email', email, '--role', role, '--name', role, '--json'], env)).json as { token: string }).token;
    }
    deps = await composeApp(loadConfig({ AIMS_DATA_DIR: dataDir, AIMS_LOG_LEVEL: 'silent' }));
    server = await startServer(deps, { port: 0, host: '127.0.0.1' });
    lead = { AIMS_URL: server.url, AIMS_TOKEN: tokens.governance_lead! };
    approver = { AIMS_URL: server.url, AIMS_TOKEN: tokens.approver! };
  });
  afterAll(async () => {
    await server.close();
    await deps.db.close();
  });

  it('tailors all 38 controls from a CSV, issues version 1 and exports it as CSV, HTML and OSCAL files', async () => {
    const dir = freshDataDir();
    const rows = ANNEX_A_CONTROL_IDS.map((id) => (id === 'A.10.4' ? `${id},excluded,"We have no AI customers",,` : `${id},applicable,In scope,lead@acme.example,"Write it, then run it"`));
    const csv = join(dir, 'soa.csv');
    writeFileSync(csv, ['control_id,applicability,justification,owner_email,implementation_plan', ...rows].join('\n'));
    const imported = await aims(['soa', 'import', '--file', csv], lead);
    expect(imported.exitCode, imported.stderr).toBe(0);
    expect(imported.stdout).toBe('Read 38 row(s): 38 control(s) changed, 0 unchanged.');

    const show = await aims(['soa', 'show', '--status', 'planned'], lead);
    expect(show.stdout.split('\n')).toHaveLength(1 + 37);
    expect(show.stdout).toMatch(/^SoA version 1 \(draft\) of Acme AI/);

    const issued = await aims(['soa', 'issue', '--note', 'First issue', '--json'], approver);
    expect(issued.exitCode, issued.stderr).toBe(0);
    expect(issued.json).toMatchObject({ number: 1, state: 'issued', issueNote: 'First issue' });

    const exportedCsv = await aims(['soa', 'export', '--format', 'csv', '--issued', '1'], lead);
    expect(exportedCsv.stdout.split('\n')).toHaveLength(39);
    const html = join(dir, 'soa.html');
    expect((await aims(['soa', 'export', '--format', 'html', '--out', html], lead)).exitCode).toBe(0);
    expect(readFileSync(html, 'utf8')).toContain('Statement of Applicability');

    const oscalDir = join(dir, 'oscal');
    const oscal = await aims(['soa', 'export', '--format', 'oscal', '--issued', '1', '--out', oscalDir], lead);
    expect(oscal.exitCode, oscal.stderr).toBe(0);
    const profile = JSON.parse(readFileSync(join(oscalDir, 'oscal-profile.json'), 'utf8'));
    expect(profile.profile.imports[0]['include-controls'][0]['with-ids']).toHaveLength(37);
    const catalog = JSON.parse(readFileSync(join(oscalDir, 'oscal-catalog.json'), 'utf8'));
    expect(catalog.catalog.metadata.title).toMatch(/42001/);
    expect(JSON.parse(readFileSync(join(oscalDir, 'oscal-component-definition.json'), 'utf8'))).toHaveProperty('component-definition');
  });

  it('reports every bad CSV row with exit code 2 and imports nothing; an approver cannot tailor', async () => {
    const csv = join(freshDataDir(), 'bad.csv');
    writeFileSync(csv, 'control_id,applicability,justification\nA.5.1,applicable,x\nA.2.2,excluded,\n');
    const refused = await aims(['soa', 'import', '--file', csv, '--json'], lead);
    expect(refused.exitCode).toBe(2);
    expect((refused.json as { error: { details: { fields: Array<{ field: string }> } } }).error.details.fields.map((f) => f.field)).toEqual(['row 2.control_id', 'row 3.justification']);
    const forbidden = await aims(['soa', 'import', '--file', csv], approver);
    expect(forbidden.exitCode).toBe(2);
    expect(forbidden.stderr).toMatch(/may not tailor the Statement of Applicability/);
    const badFormat = await aims(['soa', 'export', '--format', 'pdf'], lead);
    expect(badFormat.exitCode).toBe(2);
    expect(badFormat.stderr).toMatch(/format/);
  });
});
