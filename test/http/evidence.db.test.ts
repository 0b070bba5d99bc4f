import { createHash } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createBearer, createHarness, createMember, createOrg, unique, uploadViaApi, type Harness, type TestOrg } from '../support/harness.js';
import { TEST_DIALECTS } from '../support/test-database.js';

describe.each(TEST_DIALECTS)('evidence store on %s', (dialect) => {
  let h: Harness;
  let org: TestOrg;
  let token: string;

  beforeAll(async () => {
    h = await createHarness(dialect);
    org = await createOrg(h);
    token = await createBearer(h, org, 'contributor');
  });
  afterAll(() => h.dispose());

  it('stores the file under its sha256 and gives back the same bytes', async () => {
    const content = `model card ${unique('v')}`;
    const upload = await uploadViaApi(h, { token }, { title: 'Model card v3', kind: 'document', validFrom: '2026-01-01', validUntil: '2026-12-31', description: 'Approved card' }, content, 'card.md');
    expect(upload.status).toBe(201);
    const sha256 = createHash('sha256').update(content).digest('hex');
    expect(upload.json).toMatchObject({ title: 'Model card v3', kind: 'document', sha256, sizeBytes: Buffer.byteLength(content), fileName: 'card.md', validFrom: '2026-01-01', validUntil: '2026-12-31' });
    const download = await h.app.request(`/api/v1/evidence/${upload.json!.id}/content`, { headers: { authorization: `Bearer ${token}` } });
    expect(download.status).toBe(200);
    expect(await download.text()).toBe(content);
    expect(download.headers.get('etag')).toBe(`"${sha256}"`);
    expect(download.headers.get('content-disposition')).toContain('card.md');
    const trail = await call(h, 'GET', `/api/v1/trail?entityType=evidence&entityId=${upload.json!.id}`, { token });
    expect(trail.json.items[0]).toMatchObject({ action: 'evidence.uploaded', after: { sha256, title: 'Model card v3' } });
  });

  it('keeps one copy of identical content, whoever uploads it', async () => {
    const content = `same bytes ${unique('dup')}`;
    const sha256 = createHash('sha256').update(content).digest('hex');
    const other = await createOrg(h);
    const otherToken = await createBearer(h, other, 'contributor');
    const first = await uploadViaApi(h, { token }, { title: 'First', kind: 'record' }, content);
    const second = await uploadViaApi(h, { token }, { title: 'Second', kind: 'record' }, content);
    const third = await uploadViaApi(h, { token: otherToken }, { title: 'Elsewhere', kind: 'record' }, content);
    expect([first.status, second.status, third.status]).toEqual([201, 201, 201]);
    expect(first.json!.id).not.toBe(second.json!.id);
    const files = readdirSync(join(h.deps.blobs.root, sha256.slice(0, 2))).filter((f) => f.startsWith(sha256));
    expect(files).toEqual([sha256]);
  });

  it('links evidence to entities, refuses a duplicate link, and filters the list by entity', async () => {
    const member = await createMember(h, org, 'system_owner');
    const upload = await uploadViaApi(h, { token }, { title: 'Training record', kind: 'certificate' });
    const id = String(upload.json!.id);
    const link = await call(h, 'POST', `/api/v1/evidence/${id}/links`, { token, body: { entityType: 'user', entityId: member.userId } });
    expect(link.status).toBe(201);
    expect(link.json).toMatchObject({ evidenceId: id, entityType: 'user', entityId: member.userId });
    expect((await call(h, 'POST', `/api/v1/evidence/${id}/links`, { token, body: { entityType: 'user', entityId: member.userId } })).status).toBe(409);
    const orgLink = await call(h, 'POST', `/api/v1/evidence/${id}/links`, { token, body: { entityType: 'organization', entityId: org.organizationId } });
    expect(orgLink.status).toBe(201);
    const detail = await call(h, 'GET', `/api/v1/evidence/${id}`, { token });
    expect(detail.json.links.map((l: { entityType: string }) => l.entityType).sort()).toEqual(['organization', 'user']);
    const filtered = await call(h, 'GET', `/api/v1/evidence?entityType=user&entityId=${member.userId}`, { token });
    expect(filtered.json.items.map((e: { id: string }) => e.id)).toEqual([id]);
    const trail = await call(h, 'GET', `/api/v1/trail?entityId=${id}`, { token });
    expect(trail.json.items.map((e: { action: string }) => e.action)).toEqual(['evidence.linked', 'evidence.linked', 'evidence.uploaded']);
  });

  it('pages through the list newest first with a cursor, without repeats or gaps', async () => {
    const other = await createOrg(h);
    const otherToken = await createBearer(h, other, 'contributor');
    const ids: string[] = [];
    for (let i = 0; i < 7; i++) ids.push(String((await uploadViaApi(h, { token: otherToken }, { title: `Item ${i}`, kind: 'log' })).json!.id));
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { json: { items: Array<{ id: string }>; nextCursor: string | null } } = await call(h, 'GET', `/api/v1/evidence?limit=3${cursor ? `&cursor=${cursor}` : ''}`, { token: otherToken });
      seen.push(...page.json.items.map((e) => e.id));
      cursor = page.json.nextCursor;
    } while (cursor);
    expect(seen).toEqual([...ids].reverse());
  });

  it('takes the owner from the uploader unless another member is named', async () => {
    const owner = await createMember(h, org, 'risk_owner');
    const upload = await uploadViaApi(h, { token }, { title: 'Risk memo', kind: 'report', ownerUserId: owner.userId! });
    expect(upload.json!.ownerUserId).toBe(owner.userId);
    const stranger = await uploadViaApi(h, { token }, { title: 'x', kind: 'report', ownerUserId: '01a21f45-c6fe-7c47-83b6-efcace46d7cd' });
    expect(stranger.status).toBe(400);
  });
});
