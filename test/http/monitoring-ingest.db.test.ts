import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, countAllRows, createBearer, createHarness, createOrg, unique, type Harness, type TestOrg } from '../support/harness.js';
import { TEST_DIALECTS } from '../support/test-database.js';
import { verifyTrail } from '../../src/app/trail/verify-trail.js';

const CSV = { 'content-type': 'text/csv' };
const JSONL = { 'content-type': 'application/x-ndjson' };

function csvBody(ids: string[], extra = ''): string {
  return `prediction_id,timestamp,model_version,prediction,income,region,sensitive.gender${extra ? ',label' : ''}\n` + ids.map((id, i) => `${id},2026-03-0${1 + (i % 9)}T10:00:00Z,v1,${i % 2},${1000 + i},north,${i % 2 ? 'f' : 'm'}${extra ? `,${extra}` : ''}`).join('\n') + '\n';
}

describe.each(TEST_DIALECTS)('prediction-log ingestion on %s', (dialect) => {
  let h: Harness;
  let org: TestOrg;
  let token: string;
  let systemId: string;

  async function newSystem(): Promise<string> {
    const system = await call(h, 'POST', '/api/v1/systems', { token, body: { name: unique('Scorer'), purpose: 'Scores loans', organizationRoles: ['deployer'] } });
    expect(system.status).toBe(201);
    return system.json.id;
  }

  beforeAll(async () => {
    h = await createHarness(dialect);
    org = await createOrg(h);
    token = await createBearer(h, org, 'contributor');
    systemId = await newSystem();
  });
  afterAll(() => h.dispose());

  it('stores a CSV batch once: a resend with the same batch id returns the first result with 200', async () => {
    const ids = Array.from({ length: 1203 }, (_, i) => unique(`p${i}`));
    const body = csvBody(ids);
    const first = await call(h, 'POST', `/api/v1/systems/${systemId}/predictions?batchId=day-1`, { token, headers: CSV, body });
    expect(first.status).toBe(201);
    expect(first.json).toMatchObject({ kind: 'predictions', batchId: 'day-1', format: 'csv', rowCount: 1203, labelledCount: 0, sha256: createHash('sha256').update(body).digest('hex'), sizeBytes: Buffer.byteLength(body), firstTimestamp: '2026-03-01T10:00:00.000Z', lastTimestamp: '2026-03-09T10:00:00.000Z' });
    const before = await countAllRows(h);
    const again = await call(h, 'POST', `/api/v1/systems/${systemId}/predictions?batchId=day-1`, { token, headers: CSV, body });
    expect(again.status).toBe(200);
    expect(again.json).toEqual(first.json);
    expect(await countAllRows(h)).toEqual(before);
    const stored = await h.deps.db.kysely.selectFrom('prediction_records').selectAll().where('prediction_id', '=', ids[1]!).executeTakeFirstOrThrow();
    expect(JSON.parse(stored.features_json)).toEqual({ income: 1001, region: 'north' });
    expect(JSON.parse(stored.sensitive_json)).toEqual({ gender: 'f' });
    expect(stored).toMatchObject({ model_version: 'v1', prediction: '1', label: null });
    const trail = await call(h, 'GET', `/api/v1/trail?entityType=prediction_batch&entityId=${first.json.id}`, { token: await createBearer(h, org, 'admin') });
    expect(trail.json.items).toHaveLength(1);
    expect(trail.json.items[0]).toMatchObject({ action: 'prediction_batch.ingested', after: { rowCount: 1203, sha256: first.json.sha256 } });
  });

  it('leaves nothing behind when a row is bad, and names its line and column', async () => {
    const ids = Array.from({ length: 700 }, (_, i) => unique(`bad${i}`));
    const lines = csvBody(ids).split('\n');
    lines[651] = lines[651]!.replace('2026-03-', 'March ');
    const before = await countAllRows(h);
    const response = await call(h, 'POST', `/api/v1/systems/${systemId}/predictions?batchId=${unique('b')}`, { token, headers: CSV, body: lines.join('\n') });
    expect(response.status).toBe(400);
    expect(response.json.error.message).toContain('line 652, timestamp');
    expect(await countAllRows(h)).toEqual(before);

    const json = `${JSON.stringify({ predictionId: 'j1', timestamp: '2026-03-01T00:00:00Z', prediction: 0.7, features: { x: 1 } })}\n{"predictionId":"j2","timestamp":"2026-03-01T00:00:00Z","prediction":0.2,"features":{"x":[1]}}\n`;
    const bad = await call(h, 'POST', `/api/v1/systems/${systemId}/predictions?batchId=${unique('b')}`, { token, headers: JSONL, body: json });
    expect(bad.status).toBe(400);
    expect(bad.json.error.details.fields[0].field).toBe('line 2, features.x');
    expect(await countAllRows(h)).toEqual(before);

    const missing = await call(h, 'POST', `/api/v1/systems/${systemId}/predictions?batchId=${unique('b')}`, { token, headers: CSV, body: 'prediction_id,prediction\np,1\n' });
    expect(missing.json.error.details.fields[0]).toEqual({ field: 'line 1, timestamp', reason: 'is missing from the header' });
    const twice = await call(h, 'POST', `/api/v1/systems/${systemId}/predictions?batchId=${unique('b')}`, { token, headers: JSONL, body: `${JSON.stringify({ predictionId: 'same', timestamp: '2026-03-01T00:00:00Z', prediction: 1 })}\n`.repeat(2) });
    expect(twice.json.error.message).toContain('line 2, prediction id');
    const noType = await call(h, 'POST', `/api/v1/systems/${systemId}/predictions?batchId=${unique('b')}`, { token, headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(noType.status).toBe(415);
    const noBatch = await call(h, 'POST', `/api/v1/systems/${systemId}/predictions`, { token, headers: CSV, body: csvBody(['x']) });
    expect(noBatch.status).toBe(400);
    expect(noBatch.json.error.details.fields[0].field).toBe('batchId');
    expect(await countAllRows(h)).toEqual(before);
  });

  it('refuses a prediction id already stored by another batch', async () => {
    const id = unique('dup');
    expect((await call(h, 'POST', `/api/v1/systems/${systemId}/predictions?batchId=${unique('b')}`, { token, headers: CSV, body: csvBody([id]) })).status).toBe(201);
    const before = await countAllRows(h);
    const again = await call(h, 'POST', `/api/v1/systems/${systemId}/predictions?batchId=${unique('b')}`, { token, headers: CSV, body: csvBody([unique('new'), id]) });
    expect(again.status).toBe(400);
    expect(again.json.error.message).toContain('line 3, prediction id');
    expect(await countAllRows(h)).toEqual(before);
  });

  it('joins labels sent later by prediction id and reports the labelled share', async () => {
    const system = await newSystem();
    const ids = ['a1', 'a2', 'a3', 'a4'];
    const jsonl = ids.map((id, i) => JSON.stringify({ predictionId: id, timestamp: `2026-04-0${i + 1}T00:00:00+02:00`, modelVersion: 'v2', prediction: i % 2, features: { score: i / 10 }, sensitive: { age_band: 'young' }, ...(i === 0 ? { label: '0' } : {}) })).join('\n');
    const sent = await call(h, 'POST', `/api/v1/systems/${system}/predictions?batchId=b1`, { token, headers: JSONL, body: jsonl });
    expect(sent.status).toBe(201);
    expect(sent.json).toMatchObject({ rowCount: 4, labelledCount: 1, firstTimestamp: '2026-03-31T22:00:00.000Z' });
    const labels = await call(h, 'POST', `/api/v1/systems/${system}/labels?batchId=l1`, { token, headers: CSV, body: 'prediction_id,label\na2,1\na3,0\n' });
    expect(labels.status).toBe(201);
    expect(labels.json).toMatchObject({ kind: 'labels', rowCount: 2, labelledCount: 2 });
    expect((await call(h, 'POST', `/api/v1/systems/${system}/labels?batchId=l1`, { token, headers: CSV, body: 'prediction_id,label\na2,1\na3,0\n' })).status).toBe(200);
    const summary = await call(h, 'GET', `/api/v1/systems/${system}/predictions/summary`, { token });
    expect(summary.json).toEqual({ systemId: system, rows: 4, labelled: 3, labelledShare: 0.75, firstTimestamp: '2026-03-31T22:00:00.000Z', lastTimestamp: '2026-04-03T22:00:00.000Z' });

    const before = await countAllRows(h);
    const unknown = await call(h, 'POST', `/api/v1/systems/${system}/labels?batchId=l2`, { token, headers: CSV, body: 'prediction_id,label\na4,1\nzz,1\n' });
    expect(unknown.status).toBe(400);
    expect(unknown.json.error.message).toContain('line 3, prediction_id');
    expect(await countAllRows(h)).toEqual(before);
    expect((await call(h, 'GET', `/api/v1/systems/${system}/predictions/summary`, { token })).json.labelled).toBe(3);
  });

  it('refuses a body over the ingestion limit and leaves nothing behind', async () => {
    const previous = h.deps.settings.maxIngestBytes;
    h.deps.settings.maxIngestBytes = 2048;
    try {
      const before = await countAllRows(h);
      const big = await call(h, 'POST', `/api/v1/systems/${systemId}/predictions?batchId=${unique('big')}`, { token, headers: CSV, body: csvBody(Array.from({ length: 100 }, (_, i) => unique(`big${i}`))) });
      expect(big.status).toBe(413);
      expect(await countAllRows(h)).toEqual(before);
    } finally {
      h.deps.settings.maxIngestBytes = previous;
    }
  });

  it('keeps the trail verifiable, and a batch edited in the database is caught', async () => {
    expect((await verifyTrail(h.deps.db)).ok).toBe(true);
    await h.testDb.raw("update prediction_batches set row_count = row_count + 1 where batch_id = 'day-1'", []);
    const result = await verifyTrail(h.deps.db);
    expect(result.ok).toBe(false);
    expect(result.state.firstMismatch).toMatchObject({ entityType: 'prediction_batch' });
    await h.testDb.raw("update prediction_batches set row_count = row_count - 1 where batch_id = 'day-1'", []);
    expect((await verifyTrail(h.deps.db)).ok).toBe(true);
  });

  it("gives 404 for another organization's system and keeps summaries apart", async () => {
    const other = await createOrg(h);
    const otherToken = await createBearer(h, other, 'admin');
    const send = await call(h, 'POST', `/api/v1/systems/${systemId}/predictions?batchId=${unique('x')}`, { token: otherToken, headers: CSV, body: csvBody([unique('x')]) });
    expect(send.status).toBe(404);
    expect((await call(h, 'POST', `/api/v1/systems/${systemId}/labels?batchId=${unique('x')}`, { token: otherToken, headers: CSV, body: 'prediction_id,label\na,1\n' })).status).toBe(404);
    expect((await call(h, 'GET', `/api/v1/systems/${systemId}/predictions/summary`, { token: otherToken })).status).toBe(404);
  });

  it('lets auditors read the summary but not ingest', async () => {
    const auditor = await createBearer(h, org, 'internal_auditor');
    expect((await call(h, 'POST', `/api/v1/systems/${systemId}/predictions?batchId=${unique('x')}`, { token: auditor, headers: CSV, body: csvBody([unique('x')]) })).status).toBe(403);
    expect((await call(h, 'GET', `/api/v1/systems/${systemId}/predictions/summary`, { token: auditor })).status).toBe(200);
  });
});
