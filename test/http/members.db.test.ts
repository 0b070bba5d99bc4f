import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyTrail } from '../../src/app/trail/verify-trail.js';
import { call, countAllRows, createHarness, createMember, createOrg, loginHeaders, TEST_PASSWORD, unique, type Harness, type TestOrg } from '../support/harness.js';
import { TEST_DIALECTS } from '../support/test-database.js';

describe.each(TEST_DIALECTS)('changing and removing members on %s', (dialect) => {
  let h: Harness;
  let org: TestOrg;
  let admin: { cookie: string; 'x-csrf-token': string };

  beforeAll(async () => {
    h = await createHarness(dialect);
    org = await createOrg(h);
    admin = await loginHeaders(h, org.admin.email);
  });
  afterAll(() => h.dispose());

  async function tokenFor(email: string, role: string) {
    return (await call(h, 'POST', '/api/v1/tokens', { headers: admin, body: { email, name: unique('t'), role } })).json.token as string;
  }

  it('changes a role at once, for the session and for tokens, and records before and after', async () => {
    const member = await createMember(h, org, 'governance_lead');
    const session = await loginHeaders(h, member.email);
    const token = await tokenFor(member.email, 'governance_lead');
    const changed = await call(h, 'PATCH', `/api/v1/users/${member.userId}`, { headers: admin, body: { role: 'approver' } });
    expect(changed.status).toBe(200);
    expect(changed.json.role).toBe('approver');
    expect((await call(h, 'GET', '/api/v1/me', { headers: session })).json.role).toBe('approver');
    const stale = await call(h, 'GET', '/api/v1/me', { token });
    expect(stale.status).toBe(401);
    expect(stale.json.error.message).toMatch(/now exceeds its owner/);
    const event = await call(h, 'GET', `/api/v1/trail?entityId=${member.userId}&limit=1`, { headers: admin });
    expect(event.json.items[0]).toMatchObject({ action: 'user.changed', before: { role: 'governance_lead' }, after: { role: 'approver' } });
    expect((await verifyTrail(h.deps.db)).ok).toBe(true);
  });

  it('keeps an end date on outside parties and refuses one in the past', async () => {
    const member = await createMember(h, org, 'contributor');
    const noEnd = await call(h, 'PATCH', `/api/v1/users/${member.userId}`, { headers: admin, body: { role: 'external_auditor' } });
    expect(noEnd.status).toBe(400);
    expect(noEnd.json.error.details.fields[0].field).toBe('accessExpiresAt');
    const past = await call(h, 'PATCH', `/api/v1/users/${member.userId}`, { headers: admin, body: { accessExpiresAt: '2020-01-01T00:00:00Z' } });
    expect(past.status).toBe(400);
    const empty = await call(h, 'PATCH', `/api/v1/users/${member.userId}`, { headers: admin, body: {} });
    expect(empty.status).toBe(400);
  });

  it('never leaves the organization without an admin', async () => {
    const solo = await createOrg(h);
    const soloSession = await loginHeaders(h, solo.admin.email);
    const before = await countAllRows(h);
    const demote = await call(h, 'PATCH', `/api/v1/users/${solo.admin.userId}`, { headers: soloSession, body: { role: 'contributor' } });
    expect(demote.status).toBe(409);
    expect(demote.json.error.message).toMatch(/last admin/);
    expect((await call(h, 'DELETE', `/api/v1/users/${solo.admin.userId}`, { headers: soloSession })).status).toBe(409);
    expect(await countAllRows(h)).toEqual(before);
    const second = await call(h, 'POST', '/api/v1/users', { headers: soloSession, body: { email: `${unique('a2')}@example.com`, displayName: 'Second admin', password: TEST_PASSWORD, role: 'admin' } });
    expect((await call(h, 'PATCH', `/api/v1/users/${solo.admin.userId}`, { headers: soloSession, body: { role: 'contributor' } })).status).toBe(200);
    expect(second.status).toBe(201);
  });

  it('removes a member: sessions end, tokens are revoked with their own events, the login cannot enter again', async () => {
    const member = await createMember(h, org, 'risk_owner');
    const session = await loginHeaders(h, member.email);
    const token = await tokenFor(member.email, 'risk_owner');
    const removed = await call(h, 'DELETE', `/api/v1/users/${member.userId}`, { headers: admin });
    expect(removed.status).toBe(204);
    expect((await call(h, 'GET', '/api/v1/me', { headers: session })).status).toBe(401);
    expect((await call(h, 'GET', '/api/v1/me', { token })).status).toBe(401);
    expect((await call(h, 'POST', '/api/v1/auth/login', { body: { email: member.email, password: TEST_PASSWORD } })).status).toBe(401);
    const users = await call(h, 'GET', '/api/v1/users?limit=200', { headers: admin });
    expect(users.json.items.map((u: { id: string }) => u.id)).not.toContain(member.userId);
    const events = await call(h, 'GET', '/api/v1/trail?limit=2', { headers: admin });
    expect(events.json.items.map((e: { action: string }) => e.action)).toEqual(['user.removed', 'api_token.revoked']);
    expect(events.json.items[0]).toMatchObject({ entityId: member.userId, before: { email: member.email }, after: null });
    expect((await call(h, 'DELETE', `/api/v1/users/${member.userId}`, { headers: admin })).status).toBe(404);
    expect((await verifyTrail(h.deps.db)).ok).toBe(true);
  });
});
