import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listTrailEvents } from '../../src/app/trail/list-trail-events.js';
import { verifyTrail } from '../../src/app/trail/verify-trail.js';
import { addUser } from '../../src/app/identity/add-user.js';
import { writeFileSync } from 'node:fs';
import { call, createBearer, createHarness, createMember, createOrg, TEST_PASSWORD, unique, uploadViaApi, type Harness } from '../support/harness.js';
import { TEST_DIALECTS } from '../support/test-database.js';

describe.each(TEST_DIALECTS)('trail on %s', (dialect) => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness(dialect);
  });
  afterAll(() => h.dispose());

  /** A fresh database state per tamper case: a new harness, one org, a handful of events. */
  async function freshTrail() {
    const fresh = await createHarness(dialect);
    const org = await createOrg(fresh);
    for (let i = 0; i < 3; i++) await createMember(fresh, org, 'contributor');
    return { fresh, org };
  }

  it('records who did what, to which entity, with before and after', async () => {
    const org = await createOrg(h);
    const email = `${unique('lead')}@example.com`;
    const user = await addUser(h.deps, org.admin, { email, displayName: 'Lead', password: TEST_PASSWORD, role: 'governance_lead' });
    const page = await listTrailEvents(h.deps, org.admin, { limit: 10, entityType: 'user', entityId: user.id });
    expect(page.items).toHaveLength(1);
    const event = page.items[0]!;
    expect(event).toMatchObject({
      organizationId: org.organizationId,
      actorType: 'user',
      actorId: org.admin.userId,
      actorLabel: org.admin.email,
      action: 'user.added',
      entityType: 'user',
      entityId: user.id,
      before: null,
      after: { id: user.id, email, role: 'governance_lead' },
    });
    expect(event.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(event.prevHash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(event)).not.toContain('password');
  });

  it('filters by actor and time and pages newest first', async () => {
    const org = await createOrg(h);
    const members = [];
    for (let i = 0; i < 5; i++) members.push(await createMember(h, org, 'contributor'));
    const first = await listTrailEvents(h.deps, org.admin, { limit: 2, actorId: org.admin.userId! });
    expect(first.items.map((e) => e.seq)).toEqual([7, 6]);
    const second = await listTrailEvents(h.deps, org.admin, { limit: 10, actorId: org.admin.userId!, cursor: first.nextCursor! });
    expect(second.items.map((e) => e.seq)).toEqual([5, 4, 3, 2, 1]);
    expect(second.nextCursor).toBeNull();
    const future = await listTrailEvents(h.deps, org.admin, { limit: 10, from: new Date(Date.now() + 60_000).toISOString() });
    expect(future.items).toEqual([]);
  });

  it('keeps one chain per organization and verifies all of them', async () => {
    const a = await createOrg(h);
    const b = await createOrg(h);
    await createMember(h, a, 'risk_owner');
    await createMember(h, b, 'risk_owner');
    const aEvents = await listTrailEvents(h.deps, a.admin, { limit: 50 });
    expect(aEvents.items.every((e) => e.organizationId === a.organizationId)).toBe(true);
    expect(aEvents.items.map((e) => e.seq)).toEqual([3, 2, 1]);
    const result = await verifyTrail(h.deps.db);
    expect(result.ok).toBe(true);
    expect(result.eventsChecked).toBeGreaterThanOrEqual(6);
  });

  const tamperCases: Array<{ name: string; sql: string | string[]; seq: number; reason: string }> = [
    { name: 'an edited after value', sql: `update trail_events set after_json = '{"role":"admin"}' where seq = 3`, seq: 3, reason: 'hash_mismatch' },
    { name: 'an edited actor', sql: `update trail_events set actor_label = 'someone@else.com' where seq = 2`, seq: 2, reason: 'hash_mismatch' },
    { name: 'an edited time', sql: `update trail_events set at = '2020-01-01T00:00:00.000Z' where seq = 4`, seq: 4, reason: 'hash_mismatch' },
    { name: 'a deleted middle event', sql: `delete from trail_events where seq = 2`, seq: 3, reason: 'sequence_gap' },
    { name: 'a deleted last event', sql: `delete from trail_events where seq = 5`, seq: 5, reason: 'head_mismatch' },
    { name: 'reordered events', sql: ['update trail_events set seq = 1000 where seq = 2', 'update trail_events set seq = 2 where seq = 3', 'update trail_events set seq = 3 where seq = 1000'], seq: 2, reason: 'prev_hash_mismatch' },
    { name: 'a rewritten head', sql: `update trail_heads set hash = '${'f'.repeat(64)}'`, seq: 6, reason: 'head_mismatch' },
  ];

  it.each(tamperCases)('fails verification on $name and names the first broken event', async ({ sql, seq, reason }) => {
    const { fresh, org } = await freshTrail();
    try {
      expect((await verifyTrail(fresh.deps.db)).ok).toBe(true);
      for (const statement of [sql].flat()) await fresh.testDb.raw(statement);
      const result = await verifyTrail(fresh.deps.db);
      expect(result.ok).toBe(false);
      expect(result.firstBreak).toMatchObject({ organizationId: org.organizationId, seq, reason });
    } finally {
      await fresh.dispose();
    }
  });

  /** A fresh database with records of every kind the state check covers. */
  async function freshRecords() {
    const fresh = await createHarness(dialect);
    const org = await createOrg(fresh);
    const auditor = await createMember(fresh, org, 'external_auditor');
    const token = await createBearer(fresh, org, 'contributor');
    const upload = await uploadViaApi(fresh, { token }, { title: 'Policy', kind: 'document', validUntil: '2027-01-01' }, 'signed policy');
    const evidenceId = String(upload.json!.id);
    await call(fresh, 'POST', `/api/v1/evidence/${evidenceId}/links`, { token, body: { entityType: 'organization', entityId: org.organizationId } });
    return { fresh, org, auditor, evidenceId, sha256: String(upload.json!.sha256) };
  }

  const stateTamperCases: Array<{ name: string; sql: (ids: { auditor: string; evidence: string }) => string; entityType: string; message: RegExp }> = [
    { name: 'a role raised in the table', sql: ({ auditor }) => `update memberships set role = 'admin', access_expires_at = null where user_id = '${auditor}'`, entityType: 'user', message: /differs from the state the trail last recorded/ },
    { name: 'a validity date moved', sql: ({ evidence }) => `update evidence_items set valid_until = '2099-12-31' where id = '${evidence}'`, entityType: 'evidence', message: /changed outside OpenAIMS/ },
    { name: 'a token un-revoked or re-roled', sql: () => `update api_tokens set role = 'admin'`, entityType: 'api_token', message: /changed outside OpenAIMS/ },
    { name: 'a member deleted', sql: ({ auditor }) => `delete from memberships where user_id = '${auditor}'`, entityType: 'user', message: /deleted outside OpenAIMS/ },
    { name: 'an evidence link deleted', sql: () => `delete from evidence_links`, entityType: 'evidence_link', message: /deleted outside OpenAIMS/ },
    {
      name: 'a record inserted without the application',
      sql: () => `insert into evidence_items (id, organization_id, title, kind, sha256, size_bytes, media_type, file_name, created_at, created_by) select '01a2208a-0000-7000-8000-000000000001', id, 'Backdated approval', 'record', '${'0'.repeat(64)}', 1, 'text/plain', 'x.txt', '2026-01-01T00:00:00.000Z', 'nobody' from organizations`,
      entityType: 'evidence',
      message: /never recorded it/,
    },
  ];

  it.each(stateTamperCases)('fails verification on $name, though the chain itself is intact', async ({ sql, entityType, message }) => {
    const { fresh, auditor, evidenceId } = await freshRecords();
    try {
      expect((await verifyTrail(fresh.deps.db, { blobs: fresh.deps.blobs })).ok).toBe(true);
      await fresh.testDb.raw(sql({ auditor: auditor.userId!, evidence: evidenceId }));
      const result = await verifyTrail(fresh.deps.db, { blobs: fresh.deps.blobs });
      expect(result.ok).toBe(false);
      expect(result.firstBreak).toBeNull();
      expect(result.state.firstMismatch).toMatchObject({ entityType, message: expect.stringMatching(message) });
    } finally {
      await fresh.dispose();
    }
  });

  it("ignores a token's last use, which changes without an event by design", async () => {
    const { fresh } = await freshRecords();
    try {
      await fresh.testDb.raw(`update api_tokens set last_used_at = '2026-11-27T00:00:00.000Z'`);
      expect((await verifyTrail(fresh.deps.db)).ok).toBe(true);
    } finally {
      await fresh.dispose();
    }
  });

  it('fails verification, and refuses the download, when an evidence file is altered on disk', async () => {
    const { fresh, org, evidenceId, sha256 } = await freshRecords();
    try {
      writeFileSync(fresh.deps.blobs.pathOf(sha256), 'forged policy');
      const result = await verifyTrail(fresh.deps.db, { blobs: fresh.deps.blobs });
      expect(result.ok).toBe(false);
      expect(result.files?.firstMismatch).toMatchObject({ evidenceId, sha256, message: expect.stringMatching(/no longer matches/) });
      const token = await createBearer(fresh, org, 'internal_auditor');
      const download = await call(fresh, 'GET', `/api/v1/evidence/${evidenceId}/content`, { token });
      expect(download.status).toBe(500);
      expect(download.json.error.code).toBe('INTEGRITY_FAILED');
      expect(download.text).not.toContain('forged');
    } finally {
      await fresh.dispose();
    }
  });

  it('writes nothing, trail included, when the change fails', async () => {
    const org = await createOrg(h);
    const member = await createMember(h, org, 'contributor');
    const before = await listTrailEvents(h.deps, org.admin, { limit: 200 });
    await expect(addUser(h.deps, org.admin, { email: member.email, displayName: 'dup', password: TEST_PASSWORD, role: 'contributor' })).rejects.toMatchObject({ code: 'CONFLICT' });
    const after = await listTrailEvents(h.deps, org.admin, { limit: 200 });
    expect(after.items.length).toBe(before.items.length);
  });
});
