import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Spec, Validation } from '@cyclonedx/cyclonedx-library';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppDeps } from '../../src/app/shared/context.js';
import { loadConfig } from '../../src/config.js';
import { startServer, type RunningServer } from '../../src/http/server.js';
import { composeApp } from '../../src/main.js';
import { creditEngineAnswers } from '../support/inventory-fixtures.js';
import { aims, freshDataDir } from './cli-helpers.js';

/** The Done-when scenario from a terminal: `aims system|model|dataset|supplier|export|import` against a real server. */
describe('aims inventory commands (over HTTP)', () => {
  let deps: AppDeps;
  let server: RunningServer;
  let remote: Record<string, string>;
  let work: string;
  let local: Record<string, string>;
  const json = <T>(result: { json: unknown }) => result.json as T;

  beforeAll(async () => {
    const dataDir = freshDataDir();
    work = freshDataDir();
    const env = { AIMS_DATA_DIR: dataDir, AIMS_ADMIN_PASSWORD: 'a long admin password', AIMS_ADMIN_EMAIL: 'lead@acme.example' };
    local = env;
    await aims(['init', '--org', 'Acme Bank', '--admin-email', 'lead@acme.example'], env);
    await aims(['user', 'add', '--email', 'gov@acme.example', '--role', 'governance_lead'], { ...env, AIMS_USER_PASSWORD: 'governance password' });
    const token = await aims(['token', 'create', '--email', 'gov@acme.example', '--role', 'governance_lead', '--name', 'inventory', '--json'], env);
    deps = await composeApp(loadConfig({ AIMS_DATA_DIR: dataDir, AIMS_LOG_LEVEL: 'silent' }));
    server = await startServer(deps, { port: 0, host: '127.0.0.1' });
    remote = { AIMS_URL: server.url, AIMS_TOKEN: json<{ token: string }>(token).token };
  });
  afterAll(async () => {
    await server.close();
    await deps.db.close();
  });

  it('inventories, classifies, ranks and exports a credit-decision engine', async () => {
    const supplier = await aims(['supplier', 'add', '--name', 'Bureau Data GmbH', '--kind', 'data_vendor', '--contract', 'MSA-2025-017', '--json'], remote);
    expect(supplier.exitCode, supplier.stderr).toBe(0);
    const dataset = await aims(['dataset', 'add', '--name', 'loan-history', '--supplier', json<{ id: string }>(supplier).id, '--json'], remote);
    const versionFile = join(work, 'dataset-version.json');
    writeFileSync(versionFile, JSON.stringify({ version: '2019-2024', source: 'core banking', licence: 'internal', consentBasis: 'GDPR Art. 6(1)(b)', containsPersonalData: true, preprocessingSteps: ['drop minors'] }));
    const datasetVersion = await aims(['dataset', 'version', json<{ id: string }>(dataset).id, '--file', versionFile, '--json'], remote);
    expect(datasetVersion.exitCode, datasetVersion.stderr).toBe(0);
    const model = await aims(['model', 'add', '--name', 'credit-risk-xgb', '--task', 'classification', '--approach', 'supervised', '--architecture', 'XGBoost', '--json'], remote);
    const modelId = json<{ id: string }>(model).id;
    const modelVersionFile = join(work, 'model-version.json');
    writeFileSync(modelVersionFile, JSON.stringify({ version: '2.3.0', datasetVersionIds: [json<{ id: string }>(datasetVersion).id], metrics: [{ name: 'AUC', kind: 'performance', value: 0.87 }, { name: 'demographic parity difference', kind: 'fairness', value: 0.03 }], limitations: ['not for SMEs'] }));
    expect((await aims(['model', 'version', modelId, '--file', modelVersionFile, '--digest', `sha256:${'cd'.repeat(32)}`], remote)).exitCode).toBe(0);

    const system = await aims(
      ['system', 'add', '--name', 'Credit decision engine', '--purpose', 'Consumer loan decisions', '--roles', 'provider,deployer', '--stage', 'deployed', '--intended-use', 'Creditworthiness of consumers', '--misuse', 'Employment screening', '--impact', 'high', '--safety', 'low', '--people', '100000', '--autonomy', 'human_approved', '--models', modelId, '--json'],
      remote,
    );
    expect(system.exitCode, system.stderr).toBe(0);
    const systemId = json<{ id: string }>(system).id;
    const answers = join(work, 'answers.json');
    writeFileSync(answers, JSON.stringify(creditEngineAnswers()));
    const classified = await aims(['system', 'classify', systemId, '--answers', answers], remote);
    expect(classified.exitCode, classified.stderr).toBe(0);
    expect(classified.stdout).toMatch(/Classification version 1: high-risk, Annex III 5\(b\)/);
    expect(classified.stdout).toMatch(/not legal advice/i);

    const ranked = await aims(['system', 'rank'], remote);
    expect(ranked.stdout).toMatch(/Wave 1 [^\n]*:\n\s+[\d.]+\s+Credit decision engine/);
    const shown = await aims(['system', 'show', systemId], remote);
    expect(shown.stdout).toMatch(/EU AI Act screening v1: high-risk, Annex III 5\(b\)/);
    expect(shown.stdout).toMatch(/proposed wave 1, wave 1/);
    const override = await aims(['system', 'rank', '--override', systemId, '--wave', '2', '--reason', 'auditor capacity'], remote);
    expect(override.stdout).toContain('wave 2 (auditor capacity)');

    const cardFile = join(work, 'card.md');
    expect((await aims(['model', 'card', modelId, '--out', cardFile], remote)).exitCode).toBe(0);
    expect(readFileSync(cardFile, 'utf8')).toMatch(/^---\nmodel_name: "credit-risk-xgb"/);
    const html = await aims(['model', 'card', modelId, '--format', 'html'], remote);
    expect(html.stdout).toContain('<h2>Fairness results</h2>');

    const bomFile = join(work, 'bom.json');
    const exported = await aims(['export', 'mlbom', '--system', systemId, '--out', bomFile], remote);
    expect(exported.exitCode, exported.stderr).toBe(0);
    expect(await new Validation.JsonStrictValidator(Spec.Version.v1dot6).validate(readFileSync(bomFile, 'utf8'))).toBeNull();
    const offline = await aims(['export', 'mlbom', '--json'], local);
    expect(offline.exitCode, offline.stderr).toBe(0);
    expect(await new Validation.JsonStrictValidator(Spec.Version.v1dot6).validate(offline.stdout)).toBeNull();
    expect(offline.stdout).toContain('"name": "Credit decision engine"');
    const reimport = await aims(['import', 'mlbom', '--file', bomFile], remote);
    expect(reimport.stdout).toBe('Imported: created nothing; updated nothing.');
  });

  it('refuses bad input with exit code 2 and names the flag or the row', async () => {
    const jump = await aims(['system', 'add', '--name', 'Chatbot', '--purpose', 'Answers', '--roles', 'deployer', '--json'], remote);
    const id = json<{ id: string }>(jump).id;
    const skipped = await aims(['system', 'stage', id, '--to', 'deployed'], remote);
    expect(skipped.exitCode).toBe(2);
    expect(skipped.stderr).toMatch(/stage: cannot jump from planning to deployed/);
    const badRole = await aims(['system', 'add', '--name', 'X', '--purpose', 'Y', '--roles', 'owner'], remote);
    expect(badRole.exitCode).toBe(2);
    expect(badRole.stderr).toMatch(/--roles entry 1 must be one of: developer, provider, deployer, user/);
    const csv = join(work, 'systems.csv');
    writeFileSync(csv, 'name,purpose,organizationRoles\nGood,Fine,user\nBad,,nobody\n,Nameless,user\n');
    const imported = await aims(['import', 'systems', '--file', csv], remote);
    expect(imported.exitCode).toBe(2);
    expect(imported.stderr).toMatch(/row 3, purpose/);
    expect(imported.stderr).toMatch(/row 3, organizationRoles/);
    expect(imported.stderr).toMatch(/row 4, name/);
    const list = await aims(['system', 'list', '--json'], remote);
    expect(json<{ items: Array<{ name: string }> }>(list).items.map((s) => s.name)).not.toContain('Good');
    const badBom = join(work, 'bad-bom.json');
    writeFileSync(badBom, JSON.stringify({ bomFormat: 'CycloneDX', specVersion: '1.6', components: [{ type: 'robot', name: 'x' }] }));
    const refused = await aims(['import', 'mlbom', '--file', badBom, '--json'], remote);
    expect(refused.exitCode).toBe(2);
    expect(refused.json).toMatchObject({ error: { code: 'VALIDATION_FAILED', details: { fields: [{ field: 'components.0.type' }] } } });
  });
});
