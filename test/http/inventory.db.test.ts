import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyTrail } from '../../src/app/trail/verify-trail.js';
import { call, countAllRows, uploadViaApi, createBearer, createHarness, createMember, createOrg, type Harness, type TestOrg } from '../support/harness.js';
import { creditEngineAnswers, inventoryCreditEngine } from '../support/inventory-fixtures.js';
import { TEST_DIALECTS } from '../support/test-database.js';

describe.each(TEST_DIALECTS)('AI system inventory on %s', (dialect) => {
  let h: Harness;
  let org: TestOrg;
  let token: string;
  let leadToken: string;

  beforeAll(async () => {
    h = await createHarness(dialect);
    org = await createOrg(h);
    token = await createBearer(h, org, 'system_owner');
    leadToken = await createBearer(h, org, 'governance_lead');
  });
  afterAll(() => h.dispose());

  it('inventories a credit-decision engine, classifies it high-risk under Annex III 5(b) and ranks it into wave 1', async () => {
    const ids = await inventoryCreditEngine(h, { token });
    const classified = await call(h, 'POST', `/api/v1/systems/${ids.systemId}/classifications`, { token, body: { answers: creditEngineAnswers() } });
    expect(classified.status, classified.text).toBe(201);
    expect(classified.json).toMatchObject({ version: 1, result: { complete: true, tier: 'high-risk', annexIIIPoints: ['5(b)'] }, disclaimer: expect.stringMatching(/legal advice/i) });
    expect(classified.json.result.obligations.some((o: { role: string }) => o.role === 'provider')).toBe(true);
    expect(classified.json.result.obligations.some((o: { role: string }) => o.role === 'deployer')).toBe(true);

    const system = await call(h, 'GET', `/api/v1/systems/${ids.systemId}`, { token });
    expect(system.json).toMatchObject({ lifecycleStage: 'deployed', classification: { version: 1, tier: 'high-risk', annexIIIPoints: ['5(b)'] }, ranking: { proposedWave: 1, wave: 1 } });
    expect(system.json.ranking.score).toBeGreaterThan(50);
    expect(system.json.ranking.factors.find((f: { factor: string }) => f.factor === 'complianceExposure').basis).toContain('high-risk');

    const waves = await call(h, 'GET', '/api/v1/waves', { token });
    expect(waves.json.wave1.map((s: { systemId: string }) => s.systemId)).toContain(ids.systemId);
    const ids_ = (path: string) => call(h, 'GET', path, { token }).then((r) => r.json.items.map((s: { id: string }) => s.id));
    expect(await ids_('/api/v1/systems?tier=high-risk&wave=1')).toContain(ids.systemId);
    expect(await ids_('/api/v1/systems?tier=unscreened')).not.toContain(ids.systemId);
    expect(await ids_(`/api/v1/systems?ownerUserId=${system.json.ownerUserId}`)).toContain(ids.systemId);

    const model = await call(h, 'GET', `/api/v1/models/${ids.modelId}`, { token });
    expect(model.json).toMatchObject({ versions: [{ version: '2.3.0', datasetVersionIds: [ids.datasetVersionId] }], systemIds: [ids.systemId] });
    const verify = await verifyTrail(h.deps.db);
    expect(verify.ok, JSON.stringify(verify)).toBe(true);
  });

  it('stores a new classification version only when an answer changes, and lists them newest first', async () => {
    const ids = await inventoryCreditEngine(h, { token }, ' v');
    const answers = creditEngineAnswers();
    const first = await call(h, 'POST', `/api/v1/systems/${ids.systemId}/classifications`, { token, body: { answers } });
    const same = await call(h, 'POST', `/api/v1/systems/${ids.systemId}/classifications`, { token, body: { answers } });
    expect(same.json.id).toBe(first.json.id);
    const changed = await call(h, 'POST', `/api/v1/systems/${ids.systemId}/classifications`, { token, body: { answers: { ...answers, Q_TRANSPARENCY: ['50-1'] } } });
    expect(changed.status, changed.text).toBe(201);
    expect(changed.json.version).toBe(2);
    expect(changed.json.result).toMatchObject({ tier: 'high-risk', transparency: [expect.stringContaining('50(1)')] });
    const history = await call(h, 'GET', `/api/v1/systems/${ids.systemId}/classifications`, { token });
    expect(history.json.items.map((v: { version: number }) => v.version)).toEqual([2, 1]);
    expect(history.json.items[0].answeredBy).toContain('token');
    const before = await countAllRows(h);
    const unfinished = await call(h, 'POST', `/api/v1/systems/${ids.systemId}/classifications`, { token, body: { answers: {} } });
    expect(unfinished.status).toBe(400);
    expect(unfinished.json.error.details.fields).toEqual([{ field: 'answers.Q_SUBJECT', reason: 'is required: the screening is not finished' }]);
    expect(await countAllRows(h)).toEqual(before);
  });

  it('refuses unknown questions and option values, naming answers.<questionId>, and writes nothing', async () => {
    const ids = await inventoryCreditEngine(h, { token }, ' bad answers');
    const before = await countAllRows(h);
    const response = await call(h, 'POST', `/api/v1/systems/${ids.systemId}/classifications`, { token, body: { answers: { ...creditEngineAnswers(), Q_MADE_UP: 'yes', Q_AI_SYSTEM: 'perhaps' } } });
    expect(response.status).toBe(400);
    const fields = response.json.error.details.fields.map((f: { field: string }) => f.field);
    expect(fields).toEqual(expect.arrayContaining(['answers.Q_MADE_UP', 'answers.Q_AI_SYSTEM']));
    expect(await countAllRows(h)).toEqual(before);
  });

  it('serves the questionnaire and previews the next question without storing', async () => {
    const questions = await call(h, 'GET', '/api/v1/classification/questions', { token });
    expect(questions.json.disclaimer).toMatch(/not legal advice/i);
    expect(questions.json.questions[0]).toMatchObject({ id: expect.any(String), options: expect.any(Array) });
    const preview = await call(h, 'POST', '/api/v1/classification/preview', { token, body: { answers: {} } });
    expect(preview.json.next.id).toBe(questions.json.questions[0].id);
    expect(preview.json.result.complete).toBe(false);
  });

  it('enforces the lifecycle: one stage forward, back only with a reason; the error names the field', async () => {
    const created = await call(h, 'POST', '/api/v1/systems', { token, body: { name: 'Chat assistant', purpose: 'Answers customer questions', organizationRoles: ['deployer'] } });
    expect(created.json).toMatchObject({ lifecycleStage: 'planning', ownerUserId: expect.any(String), inAimsScope: true });
    const id = created.json.id;
    const jump = await call(h, 'POST', `/api/v1/systems/${id}/stage`, { token, body: { stage: 'deployed' } });
    expect(jump.status).toBe(400);
    expect(jump.json.error.details.fields).toEqual([{ field: 'stage', reason: expect.stringMatching(/cannot jump from planning to deployed: the next stage is design/) }]);
    expect((await call(h, 'POST', `/api/v1/systems/${id}/stage`, { token, body: { stage: 'design' } })).json.lifecycleStage).toBe('design');
    const back = await call(h, 'POST', `/api/v1/systems/${id}/stage`, { token, body: { stage: 'planning' } });
    expect(back.json.error.details.fields[0].field).toBe('reason');
    const withReason = await call(h, 'POST', `/api/v1/systems/${id}/stage`, { token, body: { stage: 'planning', reason: 'scope changed' } });
    expect(withReason.json).toMatchObject({ lifecycleStage: 'planning', stageReason: 'scope changed' });
    const trail = await call(h, 'GET', `/api/v1/trail?entityType=ai_system&entityId=${id}`, { token });
    expect(trail.json.items.map((e: { action: string }) => e.action)).toEqual(['ai_system.stage_changed', 'ai_system.stage_changed', 'ai_system.registered']);
    expect(trail.json.items[0]).toMatchObject({ before: { lifecycleStage: 'design' }, after: { lifecycleStage: 'planning', stageReason: 'scope changed' } });
  });

  it('names every malformed, out-of-range or unknown field and writes nothing', async () => {
    const before = await countAllRows(h);
    const response = await call(h, 'POST', '/api/v1/systems', {
      token,
      body: { name: 'x'.repeat(201), purpose: '', organizationRoles: ['owner', 'owner'], peopleAffected: -1, decisionsPerMonth: 3e9, autonomyLevel: 'total', colour: 'red' },
    });
    expect(response.status).toBe(400);
    expect(response.json.error.details.fields.map((f: { field: string }) => f.field).sort()).toEqual(['autonomyLevel', 'colour', 'decisionsPerMonth', 'name', 'organizationRoles.0', 'organizationRoles.1', 'peopleAffected', 'purpose'].sort());
    const version = await call(h, 'POST', `/api/v1/models/${(await call(h, 'POST', '/api/v1/models', { token, body: { name: 'validated-model' } })).json.id}/versions`, {
      token,
      body: { version: '1', artifactDigest: 'md5:abc', trainingDate: '2025-13-01', metrics: [{ name: 'AUC', kind: 'accuracy', value: 'high' }] },
    });
    expect(version.json.error.details.fields.map((f: { field: string }) => f.field).sort()).toEqual(['artifactDigest', 'metrics.0.kind', 'metrics.0.value', 'trainingDate']);
    const settings = await call(h, 'PUT', '/api/v1/waves/settings', { token: leadToken, body: { weights: { impactOnPeople: 0, safety: 0, complianceExposure: 0, scale: 0, autonomy: 0 }, wave1Threshold: 101, wave1MaxSize: 0 } });
    expect(settings.json.error.details.fields.map((f: { field: string }) => f.field).sort()).toEqual(['wave1MaxSize', 'wave1Threshold', 'weights']);
    const after = await countAllRows(h);
    // Only the model the version was meant for was written, with its event.
    expect(after).toEqual({ ...before, models: before.models! + 1, trail_events: before.trail_events! + 1 });
    const system = await call(h, 'POST', '/api/v1/systems', { token, body: { name: 'Validated', purpose: 'x', organizationRoles: ['user'] } });
    expect((await call(h, 'PATCH', `/api/v1/systems/${system.json.id}`, { token, body: {} })).json.error.details.fields[0].field).toBe('(body)');
  });

  it('names the owner and unknown models when they are not of this organization', async () => {
    const other = await createOrg(h);
    const response = await call(h, 'POST', '/api/v1/systems', { token, body: { name: 'X', purpose: 'x', organizationRoles: ['user'], ownerUserId: other.admin.userId, modelIds: ['0193b8e2-8c4f-7a51-9a7e-3f1c2b4d5e6f'] } });
    expect(response.status).toBe(400);
    expect(response.json.error.details.fields.map((f: { field: string }) => f.field)).toEqual(['ownerUserId', 'modelIds.0']);
    const member = await createMember(h, org, 'risk_owner');
    const owned = await call(h, 'POST', '/api/v1/systems', { token, body: { name: 'Owned', purpose: 'x', organizationRoles: ['user'], ownerUserId: member.userId } });
    expect(owned.json.ownerUserId).toBe(member.userId);
    const duplicate = await call(h, 'POST', '/api/v1/systems', { token, body: { name: 'Owned', purpose: 'y', organizationRoles: ['user'] } });
    expect(duplicate.status).toBe(409);
  });

  it('refuses a dataset version whose parent is unknown, and raises a review trigger for a new version', async () => {
    const ids = await inventoryCreditEngine(h, { token }, ' review');
    const before = await countAllRows(h);
    const orphan = await call(h, 'POST', `/api/v1/datasets/${ids.datasetId}/versions`, { token, body: { version: '2025', containsPersonalData: true, parentVersionId: '0193b8e2-8c4f-7a51-9a7e-3f1c2b4d5e6f' } });
    expect(orphan.status).toBe(400);
    expect(orphan.json.error.details.fields[0]).toMatchObject({ field: 'parentVersionId', reason: expect.stringMatching(/names no version of dataset/) });
    expect(await countAllRows(h)).toEqual(before);
    const next = await call(h, 'POST', `/api/v1/datasets/${ids.datasetId}/versions`, { token, body: { version: '2025', containsPersonalData: true, parentVersionId: ids.datasetVersionId } });
    expect(next.status, next.text).toBe(201);
    expect(next.json.reviewTrigger).toMatchObject({ sourceType: 'dataset_version', sourceId: next.json.id, systemIds: [ids.systemId], resolvedAt: null });
    const triggers = await call(h, 'GET', '/api/v1/review-triggers?open=true', { token });
    expect(triggers.json.items[0]).toMatchObject({ id: next.json.reviewTrigger.id, systemIds: [ids.systemId] });
    const trail = await call(h, 'GET', `/api/v1/trail?entityType=review_trigger&entityId=${next.json.reviewTrigger.id}`, { token });
    expect(trail.json.items[0]).toMatchObject({ action: 'dataset_version.review_needed', after: { sourceId: next.json.id, systemIds: [ids.systemId] } });
  });

  it('ranks by configurable weights, versions the settings, and overrides a wave only with a reason', async () => {
    const fresh = await createOrg(h);
    const owner = await createBearer(h, fresh, 'system_owner');
    const lead = await createBearer(h, fresh, 'governance_lead');
    const ids = await inventoryCreditEngine(h, { token: owner });
    const small = await call(h, 'POST', '/api/v1/systems', { token: owner, body: { name: 'Spam filter', purpose: 'Filters spam', organizationRoles: ['deployer'], impactOnPeople: 'low', safetyImpact: 'none', autonomyLevel: 'autonomous', humanOversight: 'human_on_the_loop', peopleAffected: 10 } });
    const listed = await call(h, 'GET', '/api/v1/systems', { token: owner });
    expect(listed.json.items.map((s: { id: string }) => s.id)).toEqual([ids.systemId, small.json.id]);
    expect(listed.json.items[1].ranking.proposedWave).toBe(2);

    expect((await call(h, 'PUT', '/api/v1/waves/settings', { token: owner, body: { weights: { impactOnPeople: 1, safety: 1, complianceExposure: 1, scale: 1, autonomy: 5 }, wave1Threshold: 40, wave1MaxSize: 5 } })).status).toBe(403);
    const settings = await call(h, 'PUT', '/api/v1/waves/settings', { token: lead, body: { weights: { impactOnPeople: 0, safety: 0, complianceExposure: 0, scale: 0, autonomy: 1 }, wave1Threshold: 90, wave1MaxSize: 5, reason: 'autonomy first' } });
    expect(settings.json).toMatchObject({ version: 1, wave1Threshold: 90 });
    const reranked = await call(h, 'GET', '/api/v1/waves', { token: owner });
    expect(reranked.json.wave1.map((s: { systemId: string }) => s.systemId)).toEqual([small.json.id]);

    const noReason = await call(h, 'POST', `/api/v1/systems/${ids.systemId}/wave`, { token: lead, body: { wave: 1 } });
    expect(noReason.json.error.details.fields[0].field).toBe('reason');
    const override = await call(h, 'POST', `/api/v1/systems/${ids.systemId}/wave`, { token: lead, body: { wave: 1, reason: 'regulator expects it first' } });
    expect(override.json.waveOverride).toMatchObject({ wave: 1, reason: 'regulator expects it first' });
    const withOverride = await call(h, 'GET', '/api/v1/waves', { token: owner });
    expect(withOverride.json.wave1.find((s: { systemId: string }) => s.systemId === ids.systemId)).toMatchObject({ overridden: true });
    const cleared = await call(h, 'POST', `/api/v1/systems/${ids.systemId}/wave`, { token: lead, body: { wave: null, reason: 'back to the method' } });
    expect(cleared.json.waveOverride).toMatchObject({ wave: null, reason: 'back to the method' });
    const trail = await call(h, 'GET', `/api/v1/trail?entityType=ai_system&entityId=${ids.systemId}`, { token: owner });
    expect(trail.json.items.slice(0, 2).map((e: { action: string }) => e.action)).toEqual(['ai_system.wave_override_cleared', 'ai_system.wave_overridden']);
    expect((await verifyTrail(h.deps.db)).ok).toBe(true);
  });

  it('links evidence to systems, models, model versions, datasets, dataset versions and suppliers', async () => {
    const ids = await inventoryCreditEngine(h, { token }, ' evidence');
    const upload = await uploadViaApi(h, { token }, { title: 'Validation report', kind: 'report' });
    const targets: Array<[string, string]> = [['ai_system', ids.systemId], ['model', ids.modelId], ['model_version', ids.modelVersionId], ['dataset', ids.datasetId], ['dataset_version', ids.datasetVersionId], ['supplier', ids.supplierId]];
    for (const [entityType, entityId] of targets) {
      const link = await call(h, 'POST', `/api/v1/evidence/${upload.json!.id}/links`, { token, body: { entityType, entityId } });
      expect(link.status, `${entityType}: ${link.text}`).toBe(201);
    }
    const other = await createOrg(h);
    const foreign = await call(h, 'POST', `/api/v1/evidence/${upload.json!.id}/links`, { token, body: { entityType: 'ai_system', entityId: (await inventoryCreditEngine(h, { token: await createBearer(h, other, 'admin') })).systemId } });
    expect(foreign.status).toBe(404);
  });

  it("gives 404 for another organization's systems, models, datasets and suppliers", async () => {
    const ids = await inventoryCreditEngine(h, { token: leadToken }, ' tenant');
    const other = await createOrg(h);
    const stranger = await createBearer(h, other, 'admin');
    for (const path of [`/systems/${ids.systemId}`, `/models/${ids.modelId}`, `/datasets/${ids.datasetId}`, `/suppliers/${ids.supplierId}`, `/systems/${ids.systemId}/classifications`, `/systems/${ids.systemId}/mlbom`, `/models/${ids.modelId}/card`]) {
      expect((await call(h, 'GET', `/api/v1${path}`, { token: stranger })).status, path).toBe(404);
    }
    const before = await countAllRows(h);
    expect((await call(h, 'PATCH', `/api/v1/systems/${ids.systemId}`, { token: stranger, body: { name: 'mine' } })).status).toBe(404);
    expect((await call(h, 'POST', `/api/v1/systems/${ids.systemId}/stage`, { token: stranger, body: { stage: 'retired' } })).status).toBe(404);
    expect((await call(h, 'POST', `/api/v1/models/${ids.modelId}/versions`, { token: stranger, body: { version: '9' } })).status).toBe(404);
    expect((await call(h, 'POST', `/api/v1/datasets/${ids.datasetId}/versions`, { token: stranger, body: { version: '9', containsPersonalData: false } })).status).toBe(404);
    // Naming a foreign model from one's own organization is refused the same way as an unknown one.
    const foreignRef = await call(h, 'POST', '/api/v1/systems', { token: stranger, body: { name: 'Mine', purpose: 'x', organizationRoles: ['user'], modelIds: [ids.modelId] } });
    expect(foreignRef.status).toBe(400);
    expect(await countAllRows(h)).toEqual(before);
  });
});
