import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBackup } from '../../src/app/backup/create-backup.js';
import { restoreBackup } from '../../src/app/backup/restore-backup.js';
import { listTrailEvents } from '../../src/app/trail/list-trail-events.js';
import { verifyTrail } from '../../src/app/trail/verify-trail.js';
import { call, countAllRows, createBearer, createHarness, createMember, createOrg, uploadViaApi, type Harness, type TestOrg } from '../support/harness.js';
import { TEST_DIALECTS } from '../support/test-database.js';

describe.each(TEST_DIALECTS)('backup from %s', (source) => {
  let h: Harness;
  let org: TestOrg;
  let file: string;
  const content = 'the signed AI policy, version 4';

  beforeAll(async () => {
    h = await createHarness(source);
    org = await createOrg(h);
    await createMember(h, org, 'risk_owner');
    const token = await createBearer(h, org, 'contributor');
    const policy = await uploadViaApi(h, { token }, { title: 'AI policy', kind: 'document' }, content, 'policy.txt');
    // A tailored SoA control with accepted evidence, so the SoA tables travel too.
    const lead = await createBearer(h, org, 'governance_lead');
    await call(h, 'PATCH', '/api/v1/soa/controls/A.2.2', { token: lead, body: { applicability: 'applicable', justification: 'We build AI', implementationPlan: 'Board approval' } });
    await call(h, 'POST', `/api/v1/evidence/${policy.json!.id}/links`, { token, body: { entityType: 'soa_control', entityId: 'A.2.2' } });
    const accepted = await call(h, 'POST', `/api/v1/soa/controls/A.2.2/evidence/${policy.json!.id}/acceptance`, { token: await createBearer(h, org, 'approver'), body: {} });
    expect(accepted.status).toBe(201);
    // A prediction log with a late label, so the monitoring tables travel too.
    const system = await call(h, 'POST', '/api/v1/systems', { token, body: { name: 'Scorer', purpose: 'Scores loans', organizationRoles: ['deployer'] } });
    const log = await call(h, 'POST', `/api/v1/systems/${system.json.id}/predictions?batchId=b1`, { token, headers: { 'content-type': 'text/csv' }, body: 'prediction_id,timestamp,prediction,x\np1,2026-05-01T00:00:00Z,1,2\np2,2026-05-01T00:00:00Z,0,3\n' });
    expect(log.status).toBe(201);
    expect((await call(h, 'POST', `/api/v1/systems/${system.json.id}/labels?batchId=l1`, { token, headers: { 'content-type': 'text/csv' }, body: 'prediction_id,label\np1,1\n' })).status).toBe(201);
    await createOrg(h);
    file = join(h.testDb.dataDir, 'backup.aimsbak');
    const summary = await createBackup(h.deps, file);
    expect(summary.rows.organizations).toBe(2);
    expect(summary.blobs).toBe(1);
  });
  afterAll(() => h.dispose());

  it.each(TEST_DIALECTS)('restores into an empty %s database with data, files and a verified trail', async (target) => {
    const restored = await createHarness(target);
    try {
      const summary = await restoreBackup(restored.deps, file);
      expect(summary.rows.trail_events).toBeGreaterThan(0);
      expect(summary.rows).toMatchObject({ soa_controls: 1, soa_versions: 1, soa_evidence_acceptances: 1, prediction_batches: 2, prediction_records: 2 });
      const sourceCounts = await countAllRows(h);
      const targetCounts = await countAllRows(restored);
      expect({ ...targetCounts, sessions: 0, trail_events: 0 }).toEqual({ ...sourceCounts, sessions: 0, trail_events: 0 });
      // Each organization's chain gained one event: the restore itself.
      expect(targetCounts.trail_events).toBe(sourceCounts.trail_events! + 2);
      expect((await verifyTrail(restored.deps.db)).ok).toBe(true);
      const events = await listTrailEvents(restored.deps, org.admin, { limit: 1 });
      expect(events.items[0]).toMatchObject({ action: 'backup.restored', actorType: 'system' });
      // The admin can log in again (sessions are not carried over) and download the file.
      const login = await call(restored, 'POST', '/api/v1/auth/login', { body: { email: org.admin.email, password: 'correct horse battery staple' } });
      expect(login.status).toBe(200);
      const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;
      const list = await call(restored, 'GET', '/api/v1/evidence', { headers: { cookie } });
      const download = await restored.app.request(`/api/v1/evidence/${list.json.items[0].id}/content`, { headers: { cookie } });
      expect(await download.text()).toBe(content);
    } finally {
      await restored.dispose();
    }
  });

  it('refuses a backup whose trail was tampered with, and writes nothing', async () => {
    const lines = gunzipSync(readFileSync(file)).toString('utf8').split('\n');
    // Promote the risk owner to admin in the trail's record of their addition.
    const index = lines.findIndex((l) => l.includes('"table":"trail_events"') && l.includes('risk_owner'));
    const original = lines[index]!;
    lines[index] = original.replace('risk_owner', 'admin');
    expect(lines[index]).not.toBe(original);
    const tampered = join(h.testDb.dataDir, 'tampered.aimsbak');
    writeFileSync(tampered, gzipSync(lines.join('\n')));
    const target = await createHarness(source);
    try {
      await expect(restoreBackup(target.deps, tampered)).rejects.toMatchObject({ code: 'INTEGRITY_FAILED', message: expect.stringMatching(/trail does not verify/) });
      const counts = await countAllRows(target);
      expect(Object.values(counts).every((n) => n === 0)).toBe(true);
    } finally {
      await target.dispose();
    }
  });

  it('refuses a backup whose tables were edited to disagree with the trail', async () => {
    const lines = gunzipSync(readFileSync(file)).toString('utf8').split('\n');
    const index = lines.findIndex((l) => l.includes('"table":"memberships"') && l.includes('risk_owner'));
    lines[index] = lines[index]!.replace('risk_owner', 'admin');
    const edited = join(h.testDb.dataDir, 'edited.aimsbak');
    writeFileSync(edited, gzipSync(lines.join('\n')));
    const target = await createHarness(source);
    try {
      await expect(restoreBackup(target.deps, edited)).rejects.toMatchObject({ code: 'INTEGRITY_FAILED', message: expect.stringMatching(/changed outside OpenAIMS/) });
      expect((await countAllRows(target)).organizations).toBe(0);
    } finally {
      await target.dispose();
    }
  });

  it('refuses a truncated backup and a file that is not a backup', async () => {
    const lines = gunzipSync(readFileSync(file)).toString('utf8').trimEnd().split('\n');
    const truncated = join(h.testDb.dataDir, 'truncated.aimsbak');
    writeFileSync(truncated, gzipSync(lines.slice(0, -1).join('\n')));
    const notBackup = join(h.testDb.dataDir, 'not-a-backup.aimsbak');
    writeFileSync(notBackup, gzipSync('{"kind":"manifest","format":"something-else"}\n'));
    const target = await createHarness(source);
    try {
      await expect(restoreBackup(target.deps, truncated)).rejects.toMatchObject({ code: 'INTEGRITY_FAILED' });
      await expect(restoreBackup(target.deps, notBackup)).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
      const badRows = join(h.testDb.dataDir, 'bad-rows.aimsbak');
      writeFileSync(badRows, gzipSync(lines.slice(0, 2).join('\n').replace(/"row":\{/, '"row":{"no_such_column":1,') + '\n{"kind":"end","rows":{},"blobs":0}\n'));
      await expect(restoreBackup(target.deps, badRows)).rejects.toMatchObject({ code: 'INTEGRITY_FAILED', message: expect.stringMatching(/could not be loaded/) });
      const plainText = join(h.testDb.dataDir, 'notes.txt');
      writeFileSync(plainText, 'just some notes, not gzip');
      await expect(restoreBackup(target.deps, plainText)).rejects.toMatchObject({ code: 'VALIDATION_FAILED', message: expect.stringMatching(/^file: /) });
      await expect(restoreBackup(target.deps, join(h.testDb.dataDir, 'missing.aimsbak'))).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
      expect((await countAllRows(target)).organizations).toBe(0);
    } finally {
      await target.dispose();
    }
  });

  it('refuses to back up an altered evidence file, even when forced', async () => {
    const damaged = await createHarness(source);
    try {
      const damagedOrg = await createOrg(damaged);
      const token = await createBearer(damaged, damagedOrg, 'contributor');
      const upload = await uploadViaApi(damaged, { token }, { title: 'Report', kind: 'report' }, 'original bytes');
      writeFileSync(damaged.deps.blobs.pathOf(String(upload.json!.sha256)), 'other bytes');
      const out = join(damaged.testDb.dataDir, 'b.aimsbak');
      await expect(createBackup(damaged.deps, out, { force: true })).rejects.toMatchObject({ code: 'INTEGRITY_FAILED', message: expect.stringMatching(/put the original file back/) });
    } finally {
      await damaged.dispose();
    }
  });

  it('refuses to restore over existing data', async () => {
    await expect(restoreBackup(h.deps, file)).rejects.toMatchObject({ code: 'PRECONDITION_FAILED' });
  });
});
