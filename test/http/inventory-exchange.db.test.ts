import { readFileSync } from 'node:fs';
import { Spec, Validation } from '@cyclonedx/cyclonedx-library';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyTrail } from '../../src/app/trail/verify-trail.js';
import { call, countAllRows, createBearer, createHarness, createOrg, type Harness, type TestOrg } from '../support/harness.js';
import { creditEngineAnswers, inventoryCreditEngine, type CreditEngine } from '../support/inventory-fixtures.js';
import { TEST_DIALECTS } from '../support/test-database.js';

const validator = new Validation.JsonStrictValidator(Spec.Version.v1dot6);

describe.each(TEST_DIALECTS)('model cards, ML-BOM and CSV on %s', (dialect) => {
  let h: Harness;
  let org: TestOrg;
  let token: string;
  let ids: CreditEngine;

  beforeAll(async () => {
    h = await createHarness(dialect);
    org = await createOrg(h);
    token = await createBearer(h, org, 'system_owner');
    ids = await inventoryCreditEngine(h, { token });
    await call(h, 'POST', `/api/v1/systems/${ids.systemId}/classifications`, { token, body: { answers: creditEngineAnswers() } });
  });
  afterAll(() => h.dispose());

  it('generates the model card from the records, with completeness per section', async () => {
    const card = await call(h, 'GET', `/api/v1/models/${ids.modelId}/card`, { token });
    expect(card.status, card.text).toBe(200);
    expect(card.json).toMatchObject({ name: 'credit-risk-xgb', version: '2.3.0' });
    const sections = Object.fromEntries(card.json.sections.map((s: { id: string; completeness: { score: number } }) => [s.id, s]));
    expect(sections.intended_use.items).toEqual(['Credit decision engine: Creditworthiness assessment of natural persons applying for consumer loans']);
    expect(sections.out_of_scope_use.items[0]).toContain('employment screening');
    expect(sections.fairness.table.rows[0]).toEqual(['demographic parity difference', '0.03', 'age', '']);
    expect(sections.datasets.completeness).toEqual({ score: 1, missing: [] });
    expect(card.json.completeness).toBe(1);

    const markdown = await h.app.request(`/api/v1/models/${ids.modelId}/card?format=markdown`, { headers: { authorization: `Bearer ${token}` } });
    expect(markdown.headers.get('content-type')).toContain('text/markdown');
    const text = await markdown.text();
    expect(text).toMatch(/^---\nmodel_name: "credit-risk-xgb"\nmodel_version: "2\.3\.0"\n/);
    expect(text).toContain('## Training data');
    const html = await h.app.request(`/api/v1/models/${ids.modelId}/card?format=html`, { headers: { authorization: `Bearer ${token}` } });
    expect(html.headers.get('content-type')).toContain('text/html');
    expect(await html.text()).toContain('<h2>Fairness results</h2>');
    expect((await call(h, 'GET', `/api/v1/models/${ids.modelId}/card?version=9.9`, { token })).json.error.details.fields[0].field).toBe('version');
  });

  it('exports a system as a CycloneDX 1.6 ML-BOM that the CycloneDX validator accepts', async () => {
    const response = await h.app.request(`/api/v1/systems/${ids.systemId}/mlbom`, { headers: { authorization: `Bearer ${token}` } });
    expect(response.headers.get('content-type')).toContain('application/vnd.cyclonedx+json');
    const text = await response.text();
    expect(await validator.validate(text)).toBeNull();
    const bom = JSON.parse(text);
    expect(bom).toMatchObject({ bomFormat: 'CycloneDX', specVersion: '1.6', metadata: { component: { type: 'application', name: 'Credit decision engine' } } });
    const model = bom.components.find((c: { type: string }) => c.type === 'machine-learning-model');
    expect(model).toMatchObject({ name: 'credit-risk-xgb', version: '2.3.0', hashes: [{ alg: 'SHA-256', content: 'ab'.repeat(32) }], modelCard: { modelParameters: { approach: { type: 'supervised' }, datasets: [{ ref: `dataset-version:${ids.datasetVersionId}` }] } } });
    const data = bom.components.find((c: { type: string }) => c.type === 'data');
    expect(data).toMatchObject({ name: 'loan-history', version: '2019-2024', supplier: { name: 'Bureau Data GmbH' }, data: [{ type: 'dataset', sensitiveData: ['personal data'] }] });
    expect(bom.components.some((c: { name: string; supplier?: { name: string } }) => c.name === 'Credit bureau feed' && c.supplier?.name === 'Bureau Data GmbH')).toBe(true);
    expect(bom.dependencies.find((d: { ref: string }) => d.ref === `system:${ids.systemId}`).dependsOn).toEqual([model['bom-ref'], `supplier:${ids.supplierId}:0`]);
    expect(bom.metadata.component.properties).toEqual(expect.arrayContaining([{ name: 'openaims:euAiActTier', value: 'high-risk' }, { name: 'openaims:annexIIIPoints', value: '5(b)' }, { name: 'openaims:wave', value: '1' }]));
  });

  it('exports the whole inventory, also valid', async () => {
    await call(h, 'POST', '/api/v1/systems', { token, body: { name: 'Chatbot', purpose: 'Answers questions', organizationRoles: ['deployer'] } });
    const response = await call(h, 'GET', '/api/v1/mlbom', { token });
    expect(await validator.validate(response.text)).toBeNull();
    expect(response.json.metadata.component['bom-ref']).toBe('inventory');
    expect(response.json.components.filter((c: { type: string; name: string }) => c.type === 'application' && c.name !== 'Credit bureau feed').map((c: { name: string }) => c.name).sort()).toEqual(['Chatbot', 'Credit decision engine']);
  });

  it('imports its own ML-BOM into another organization, and a second import changes nothing', async () => {
    const bom = (await call(h, 'GET', `/api/v1/systems/${ids.systemId}/mlbom`, { token })).json;
    const other = await createOrg(h);
    const otherToken = await createBearer(h, other, 'contributor');
    const first = await call(h, 'POST', '/api/v1/mlbom/import', { token: otherToken, body: bom });
    expect(first.status, first.text).toBe(200);
    expect(first.json.created).toMatchObject({ ai_system: 1, model: 1, model_version: 1, dataset: 1, dataset_version: 1, supplier: 1 });
    const systems = await call(h, 'GET', '/api/v1/systems', { token: otherToken });
    expect(systems.json.items[0]).toMatchObject({ name: 'Credit decision engine', lifecycleStage: 'deployed', organizationRoles: ['developer', 'provider', 'deployer'], modelIds: [expect.any(String)] });
    const model = await call(h, 'GET', `/api/v1/models/${systems.json.items[0].modelIds[0]}`, { token: otherToken });
    expect(model.json.versions[0]).toMatchObject({ version: '2.3.0', artifactDigest: `sha256:${'ab'.repeat(32)}`, datasetVersionIds: [expect.any(String)] });
    expect(model.json.versions[0].metrics.find((m: { name: string }) => m.name === 'demographic parity difference').kind).toBe('fairness');
    const suppliers = await call(h, 'GET', '/api/v1/suppliers', { token: otherToken });
    expect(suppliers.json.items[0]).toMatchObject({ name: 'Bureau Data GmbH', components: [{ name: 'Credit bureau feed' }], systemIds: [systems.json.items[0].id] });
    const before = await countAllRows(h);
    const again = await call(h, 'POST', '/api/v1/mlbom/import', { token: otherToken, body: bom });
    expect(again.json.created).toEqual({ ai_system: 0, model: 0, model_version: 0, dataset: 0, dataset_version: 0, supplier: 0 });
    expect(await countAllRows(h)).toEqual(before);
    expect((await verifyTrail(h.deps.db)).ok).toBe(true);
  });

  it('imports the reference ML-BOM shape (a third-party BOM) as new inventory entries', async () => {
    const bom = JSON.parse(readFileSync(new URL('../fixtures/cyclonedx-1.6-mlbom.json', import.meta.url), 'utf8'));
    const other = await createOrg(h);
    const otherToken = await createBearer(h, other, 'contributor');
    const result = await call(h, 'POST', '/api/v1/mlbom/import', { token: otherToken, body: bom });
    expect(result.status, result.text).toBe(200);
    expect(result.json.created).toMatchObject({ ai_system: 1, model: 1, model_version: 1, dataset: 1, dataset_version: 1 });
    const system = (await call(h, 'GET', '/api/v1/systems', { token: otherToken })).json.items[0];
    expect(system).toMatchObject({ name: 'loan-scoring-service', modelIds: [expect.any(String)] });
  });

  it('refuses an ML-BOM that fails the schema, saying where, and writes nothing', async () => {
    const bom = (await call(h, 'GET', `/api/v1/systems/${ids.systemId}/mlbom`, { token })).json;
    const before = await countAllRows(h);
    const robot = structuredClone(bom);
    robot.components[0].type = 'robot';
    const response = await call(h, 'POST', '/api/v1/mlbom/import', { token, body: robot });
    expect(response.status).toBe(400);
    expect(response.json.error.message).toMatch(/does not match the CycloneDX 1\.6 schema at \/components\/0\/type: must be equal to one of the allowed values: application, /);
    expect(response.json.error.details.fields[0]).toMatchObject({ field: 'components.0.type' });
    const nameless = structuredClone(bom);
    delete nameless.components[1].name;
    const missing = await call(h, 'POST', '/api/v1/mlbom/import', { token, body: nameless });
    expect(missing.json.error.details.fields[0]).toEqual({ field: 'components.1', reason: 'misses the required property name' });
    expect(await countAllRows(h)).toEqual(before);
    const wrongVersion = await call(h, 'POST', '/api/v1/mlbom/import', { token, body: { ...bom, specVersion: '1.2' } });
    expect(wrongVersion.json.error.details.fields[0].field).toBe('specVersion');
    expect((await call(h, 'POST', '/api/v1/mlbom/import', { token, body: '{not json' })).status).toBe(400);
  });

  it('imports systems from CSV, and a CSV with bad rows reports every one and changes nothing', async () => {
    const fresh = await createOrg(h);
    const freshToken = await createBearer(h, fresh, 'contributor');
    const bad = [
      'name,purpose,organizationRoles,lifecycleStage,ownerEmail,peopleAffected,inAimsScope',
      'Fraud detector,Flags card fraud,deployer,deployed,,5000,yes',
      ',No name,deployer,planning,,,',
      'Pricing engine,Prices policies,insurer,launch,,many,maybe',
      'Fraud detector,Duplicate,deployer,planning,nobody@example.com,,',
    ].join('\n');
    const before = await countAllRows(h);
    const refused = await call(h, 'POST', '/api/v1/systems/import', { token: freshToken, headers: { 'content-type': 'text/csv' }, body: bad });
    expect(refused.status).toBe(400);
    const rows = refused.json.error.details.rows as Array<{ row: number; column: string }>;
    expect(rows.map((r) => `${r.row}:${r.column}`).sort()).toEqual(['3:name', '4:inAimsScope', '4:lifecycleStage', '4:organizationRoles', '4:peopleAffected', '5:name', '5:ownerEmail'].sort());
    expect(refused.json.error.message).toMatch(/3 row\(s\) of the CSV are invalid; nothing was imported/);
    expect(await countAllRows(h)).toEqual(before);

    const good = 'name,purpose,organizationRoles,regions,lifecycleStage,impactOnPeople\nFraud detector,Flags card fraud,deployer;user,EU;UK,deployed,medium\nPricing engine,Prices policies,provider,,design,\n';
    const imported = await call(h, 'POST', '/api/v1/systems/import', { token: freshToken, headers: { 'content-type': 'text/csv' }, body: good });
    expect(imported.status, imported.text).toBe(201);
    expect(imported.json.created.map((s: { name: string; lifecycleStage: string }) => [s.name, s.lifecycleStage])).toEqual([['Fraud detector', 'deployed'], ['Pricing engine', 'design']]);
    expect(imported.json.created[0]).toMatchObject({ organizationRoles: ['deployer', 'user'], regions: ['EU', 'UK'], impactOnPeople: 'medium' });
    const unknownColumn = await call(h, 'POST', '/api/v1/systems/import', { token: freshToken, headers: { 'content-type': 'text/csv' }, body: 'name,purpose,colour\nA,B,red\n' });
    expect(unknownColumn.json.error.details.rows).toEqual([{ row: 1, column: 'colour', reason: 'is not a known column' }]);
    expect((await call(h, 'POST', '/api/v1/systems/import', { token: freshToken, body: { csv: 'x' } })).status).toBe(415);
  });
});
