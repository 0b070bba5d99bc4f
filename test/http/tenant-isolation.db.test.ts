import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, countAllRows, createBearer, createHarness, createMember, createOrg, loginHeaders, uploadViaApi, type Harness, type TestOrg } from '../support/harness.js';
import { TEST_DIALECTS } from '../support/test-database.js';

describe.each(TEST_DIALECTS)('tenant isolation on %s', (dialect) => {
  let h: Harness;
  let mine: TestOrg;
  let theirs: TestOrg;
  let myToken: string;
  let theirEvidenceId: string;
  let theirTokenId: string;
  let theirUserId: string;
  let myEvidenceId: string;

  beforeAll(async () => {
    h = await createHarness(dialect);
    mine = await createOrg(h);
    theirs = await createOrg(h);
    myToken = await createBearer(h, mine, 'admin');
    const theirToken = await createBearer(h, theirs, 'admin');
    theirEvidenceId = String((await uploadViaApi(h, { token: theirToken }, { title: 'Their secret DPIA', kind: 'report' }, 'their confidential content')).json!.id);
    myEvidenceId = String((await uploadViaApi(h, { token: myToken }, { title: 'Mine', kind: 'report' })).json!.id);
    const theirMember = await createMember(h, theirs, 'contributor');
    theirUserId = theirMember.userId!;
    theirTokenId = (await call(h, 'GET', '/api/v1/tokens', { token: theirToken })).json.items[0].id;
  });
  afterAll(() => h.dispose());

  it("answers 404 for another organization's evidence, without its data", async () => {
    for (const path of [`/api/v1/evidence/${theirEvidenceId}`, `/api/v1/evidence/${theirEvidenceId}/content`]) {
      const response = await call(h, 'GET', path, { token: myToken });
      expect(response.status, path).toBe(404);
      expect(response.text).not.toContain('Their secret');
      expect(response.text).not.toContain('confidential');
    }
  });

  it("cannot link to, revoke or read another organization's entities, and writes nothing trying", async () => {
    const before = await countAllRows(h);
    const linkTheirs = await call(h, 'POST', `/api/v1/evidence/${theirEvidenceId}/links`, { token: myToken, body: { entityType: 'organization', entityId: mine.organizationId } });
    expect(linkTheirs.status).toBe(404);
    const linkToTheirUser = await call(h, 'POST', `/api/v1/evidence/${myEvidenceId}/links`, { token: myToken, body: { entityType: 'user', entityId: theirUserId } });
    expect(linkToTheirUser.status).toBe(404);
    expect(linkToTheirUser.json.error.details.fields[0].field).toBe('entityId');
    const linkToTheirOrg = await call(h, 'POST', `/api/v1/evidence/${myEvidenceId}/links`, { token: myToken, body: { entityType: 'organization', entityId: theirs.organizationId } });
    expect(linkToTheirOrg.status).toBe(404);
    const revoke = await call(h, 'POST', `/api/v1/tokens/${theirTokenId}/revoke`, { token: myToken });
    expect(revoke.status).toBe(404);
    expect((await call(h, 'PATCH', `/api/v1/users/${theirUserId}`, { token: myToken, body: { role: 'admin' } })).status).toBe(404);
    expect((await call(h, 'DELETE', `/api/v1/users/${theirUserId}`, { token: myToken })).status).toBe(404);
    expect(await countAllRows(h)).toEqual(before);
  });

  it('lists only its own evidence, users, tokens and trail', async () => {
    const evidence = await call(h, 'GET', '/api/v1/evidence', { token: myToken });
    expect(evidence.json.items.map((e: { id: string }) => e.id)).toEqual([myEvidenceId]);
    const users = await call(h, 'GET', '/api/v1/users', { token: myToken });
    expect(users.json.items.map((u: { id: string }) => u.id)).not.toContain(theirUserId);
    const tokens = await call(h, 'GET', '/api/v1/tokens', { token: myToken });
    expect(tokens.json.items.map((t: { id: string }) => t.id)).not.toContain(theirTokenId);
    const trail = await call(h, 'GET', `/api/v1/trail?entityId=${theirEvidenceId}`, { token: myToken });
    expect(trail.json.items).toEqual([]);
    const all = await call(h, 'GET', '/api/v1/trail?limit=200', { token: myToken });
    expect(all.json.items.every((e: { organizationId: string }) => e.organizationId === mine.organizationId)).toBe(true);
    const filtered = await call(h, 'GET', `/api/v1/evidence?entityType=organization&entityId=${theirs.organizationId}`, { token: myToken });
    expect(filtered.json.items).toEqual([]);
  });

  it('logs a member of two organizations into the one asked for, and keeps the sessions apart', async () => {
    const session = await loginHeaders(h, mine.admin.email);
    const created = await call(h, 'POST', '/api/v1/organizations', { headers: session, body: { name: 'Second org of mine' } });
    expect(created.status).toBe(201);
    const login = await call(h, 'POST', '/api/v1/auth/login', { body: { email: mine.admin.email, password: 'correct horse battery staple', organizationId: created.json.id } });
    expect(login.status).toBe(200);
    expect(login.json.organization.id).toBe(created.json.id);
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;
    const evidence = await call(h, 'GET', '/api/v1/evidence', { headers: { cookie } });
    expect(evidence.json.items).toEqual([]);
    const mine2 = await call(h, 'GET', '/api/v1/me/organizations', { headers: { cookie } });
    expect(mine2.json.map((o: { name: string; current: boolean }) => [o.name, o.current])).toEqual([[mine.name, false], ['Second org of mine', true]]);
    // Switching within one's own organizations works; to another tenant's it is a 404, and the session stays put.
    const back = await call(h, 'POST', '/api/v1/auth/switch', { headers: { cookie, 'x-csrf-token': login.json.csrfToken }, body: { organizationId: mine.organizationId } });
    expect(back.status).toBe(200);
    expect(back.json.organization.id).toBe(mine.organizationId);
    const backCookie = (back.headers.get('set-cookie') ?? '').split(';')[0]!;
    expect((await call(h, 'GET', '/api/v1/me', { headers: { cookie } })).status).toBe(401);
    const intoTheirs = await call(h, 'POST', '/api/v1/auth/switch', { headers: { cookie: backCookie, 'x-csrf-token': back.json.csrfToken }, body: { organizationId: theirs.organizationId } });
    expect(intoTheirs.status).toBe(404);
    expect((await call(h, 'GET', '/api/v1/me', { headers: { cookie: backCookie } })).json.organization.id).toBe(mine.organizationId);
    const notMember = await call(h, 'POST', '/api/v1/auth/login', { body: { email: mine.admin.email, password: 'correct horse battery staple', organizationId: theirs.organizationId } });
    expect(notMember.status).toBe(401);
  });
});
