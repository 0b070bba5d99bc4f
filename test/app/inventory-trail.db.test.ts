import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBackup } from '../../src/app/backup/create-backup.js';
import { restoreBackup } from '../../src/app/backup/restore-backup.js';
import { verifyTrail } from '../../src/app/trail/verify-trail.js';
import { call, countAllRows, createBearer, createHarness, createOrg, type Harness } from '../support/harness.js';
import { creditEngineAnswers, inventoryCreditEngine, type CreditEngine } from '../support/inventory-fixtures.js';
import { TEST_DIALECTS } from '../support/test-database.js';

/** An organization with every kind of inventory record: the Done-when scenario plus settings and an override. */
async function inventoried(h: Harness): Promise<CreditEngine> {
  const org = await createOrg(h);
  const token = await createBearer(h, org, 'governance_lead');
  const ids = await inventoryCreditEngine(h, { token });
  await call(h, 'POST', `/api/v1/systems/${ids.systemId}/classifications`, { token, body: { answers: creditEngineAnswers() } });
  await call(h, 'PUT', '/api/v1/waves/settings', { token, body: { weights: { impactOnPeople: 3, safety: 3, complianceExposure: 3, scale: 1, autonomy: 1 }, wave1Threshold: 55, wave1MaxSize: 3 } });
  await call(h, 'POST', `/api/v1/systems/${ids.systemId}/wave`, { token, body: { wave: 1, reason: 'supervisor asked' } });
  return ids;
}

describe.each(TEST_DIALECTS)('inventory records and the trail on %s', (dialect) => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness(dialect);
  });
  afterAll(() => h.dispose());

  it('records every inventory write as a trail event whose after is the presented record, and verifies', async () => {
    const ids = await inventoried(h);
    const result = await verifyTrail(h.deps.db);
    expect(result.ok, JSON.stringify(result.state.firstMismatch)).toBe(true);
    // Nine kinds of inventory record are compared with the trail, on top of the organization, member and token.
    expect(result.state.recordsChecked).toBeGreaterThanOrEqual(12);
    const events = await h.deps.db.kysely.selectFrom('trail_events').select(['action', 'entity_id']).where('entity_id', 'in', Object.values(ids)).execute();
    expect(new Set(events.map((e) => e.action))).toEqual(
      new Set(['supplier.registered', 'supplier.changed', 'dataset.registered', 'dataset_version.added', 'model.registered', 'model_version.added', 'ai_system.registered', 'ai_system.wave_overridden']),
    );
  });

  const tamperCases: Array<{ name: string; sql: (ids: CreditEngine) => string; entityType: string; message: RegExp }> = [
    { name: 'a lifecycle stage set back', sql: (ids) => `update ai_systems set lifecycle_stage = 'planning' where id = '${ids.systemId}'`, entityType: 'ai_system', message: /changed outside OpenAIMS/ },
    { name: 'a wave override removed', sql: (ids) => `update ai_systems set wave_override = null, wave_override_reason = null where id = '${ids.systemId}'`, entityType: 'ai_system', message: /changed outside OpenAIMS/ },
    { name: 'a classification result edited', sql: () => `update ai_system_classifications set result_json = replace(result_json, 'high-risk', 'minimal')`, entityType: 'ai_system_classification', message: /changed outside OpenAIMS/ },
    { name: 'a model metric improved', sql: (ids) => `update model_versions set metrics_json = replace(metrics_json, '0.87', '0.97') where id = '${ids.modelVersionId}'`, entityType: 'model_version', message: /changed outside OpenAIMS/ },
    { name: 'a dataset version losing its personal data flag', sql: (ids) => `update dataset_versions set personal_data = 'no' where id = '${ids.datasetVersionId}'`, entityType: 'dataset_version', message: /changed outside OpenAIMS/ },
    { name: 'a supplier unlinked from its systems', sql: (ids) => `update suppliers set system_ids_json = '[]' where id = '${ids.supplierId}'`, entityType: 'supplier', message: /changed outside OpenAIMS/ },
    { name: 'the ranking weights changed', sql: () => `update wave_ranking_settings set wave1_threshold = 0`, entityType: 'wave_settings', message: /changed outside OpenAIMS/ },
    { name: 'a review trigger deleted', sql: () => `delete from review_triggers`, entityType: 'review_trigger', message: /deleted outside OpenAIMS/ },
    { name: 'a model renamed', sql: (ids) => `update models set name = 'other' where id = '${ids.modelId}'`, entityType: 'model', message: /changed outside OpenAIMS/ },
    { name: 'a dataset renamed', sql: (ids) => `update datasets set name = 'other' where id = '${ids.datasetId}'`, entityType: 'dataset', message: /changed outside OpenAIMS/ },
  ];

  it.each(tamperCases)('detects $name made in the database', async ({ sql, entityType, message }) => {
    const fresh = await createHarness(dialect);
    try {
      const ids = await inventoried(fresh);
      expect((await verifyTrail(fresh.deps.db)).ok).toBe(true);
      await fresh.testDb.raw(sql(ids));
      const result = await verifyTrail(fresh.deps.db);
      expect(result.ok).toBe(false);
      expect(result.firstBreak).toBeNull();
      expect(result.state.firstMismatch).toMatchObject({ entityType, message: expect.stringMatching(message) });
    } finally {
      await fresh.dispose();
    }
  });

  it.each(TEST_DIALECTS)('backs up and restores the inventory into an empty %s database', async (target) => {
    const source = await createHarness(dialect);
    const restored = await createHarness(target);
    try {
      const ids = await inventoried(source);
      const file = join(source.testDb.dataDir, 'inventory.aimsbak');
      await createBackup(source.deps, file);
      await restoreBackup(restored.deps, file);
      const before = await countAllRows(source);
      const after = await countAllRows(restored);
      for (const table of ['ai_systems', 'suppliers', 'models', 'model_versions', 'datasets', 'dataset_versions', 'ai_system_classifications', 'wave_ranking_settings', 'review_triggers']) {
        expect(after[table], table).toBe(before[table]);
        expect(after[table], table).toBeGreaterThan(0);
      }
      expect((await verifyTrail(restored.deps.db)).ok).toBe(true);
      const row = await restored.deps.db.kysely.selectFrom('ai_systems').select(['name', 'wave_override']).where('id', '=', ids.systemId).executeTakeFirstOrThrow();
      expect(row).toMatchObject({ name: 'Credit decision engine', wave_override: 1 });
    } finally {
      await restored.dispose();
      await source.dispose();
    }
  });
});
