import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/domain/shared/clock.js';
import { call, createHarness, createMember, createOrg, loginHeaders, TEST_PASSWORD, unique, type Harness, type TestOrg } from '../support/harness.js';
import { TEST_DIALECTS } from '../support/test-database.js';

describe.each(TEST_DIALECTS)('sessions and API tokens on %s', (dialect) => {
  let h: Harness;
  let org: TestOrg;
  const clock = fixedClock(new Date('2026-11-27T12:00:00Z'));

  beforeAll(async () => {
    h = await createHarness(dialect);
    h.deps.clock = clock;
    org = await createOrg(h);
  });
  afterAll(() => h.dispose());

  it('sets an httpOnly, SameSite session cookie and records the login', async () => {
    const response = await call(h, 'POST', '/api/v1/auth/login', { body: { email: org.admin.email, password: TEST_PASSWORD } });
    expect(response.status).toBe(200);
    const cookie = response.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^aims_session=/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(response.json).toMatchObject({ role: 'admin', via: 'session', organization: { id: org.organizationId } });
    expect(response.json.csrfToken).toMatch(/^[\w-]{20,}$/);
    const trail = await call(h, 'GET', '/api/v1/trail?limit=1', { headers: { cookie: cookie.split(';')[0]! } });
    expect(trail.json.items[0]).toMatchObject({ action: 'session.opened', actorLabel: org.admin.email });
  });

  it('refuses a wrong password and an unknown email with the same answer', async () => {
    const wrong = await call(h, 'POST', '/api/v1/auth/login', { body: { email: org.admin.email, password: 'not the password' } });
    const unknown = await call(h, 'POST', '/api/v1/auth/login', { body: { email: 'nobody@example.com', password: 'not the password' } });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.json.error.message).toBe(unknown.json.error.message);
  });

  it('refuses further guesses after ten wrong passwords, then allows the right one once the window passes', async () => {
    const member = await createMember(h, org, 'contributor');
    for (let i = 0; i < 10; i++) {
      expect((await call(h, 'POST', '/api/v1/auth/login', { body: { email: member.email, password: `guess number ${i}` } })).status).toBe(401);
    }
    const blocked = await call(h, 'POST', '/api/v1/auth/login', { body: { email: member.email, password: TEST_PASSWORD } });
    expect(blocked.status).toBe(429);
    expect(blocked.json.error).toMatchObject({ code: 'RATE_LIMITED', details: { retryAt: expect.any(String) } });
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
    // Other accounts are unaffected.
    expect((await call(h, 'POST', '/api/v1/auth/login', { body: { email: org.admin.email, password: TEST_PASSWORD } })).status).toBe(200);
    clock.advance(15 * 60_000 + 1000);
    expect((await call(h, 'POST', '/api/v1/auth/login', { body: { email: member.email, password: TEST_PASSWORD } })).status).toBe(200);
  });

  it('ends the session on logout and at its expiry', async () => {
    const headers = await loginHeaders(h, org.admin.email);
    expect((await call(h, 'POST', '/api/v1/auth/logout', { headers })).status).toBe(200);
    expect((await call(h, 'GET', '/api/v1/me', { headers })).status).toBe(401);
    const audit = await loginHeaders(h, org.admin.email);
    const events = await call(h, 'GET', '/api/v1/trail?limit=2', { headers: audit });
    expect(events.json.items.map((e: { action: string }) => e.action)).toEqual(['session.opened', 'session.closed']);

    const later = await loginHeaders(h, org.admin.email);
    clock.advance(h.deps.settings.sessionTtlMs + 1000);
    const expired = await call(h, 'GET', '/api/v1/me', { headers: later });
    expect(expired.status).toBe(401);
    expect(expired.json.error.message).toMatch(/session has ended/);
  });

  it('shows a token secret once, stores only its hash, and never lists it', async () => {
    const session = await loginHeaders(h, org.admin.email);
    const member = await createMember(h, org, 'system_owner');
    const created = await call(h, 'POST', '/api/v1/tokens', { headers: session, body: { email: member.email, name: unique('ci'), role: 'contributor', expiresInDays: 30 } });
    expect(created.status).toBe(201);
    const secret: string = created.json.token;
    expect(secret).toMatch(/^aims_/);
    const listed = await call(h, 'GET', '/api/v1/tokens', { headers: session });
    expect(JSON.stringify(listed.json)).not.toContain(secret);
    const rows = await h.testDb.raw('select token_hash from api_tokens where id = ?', [created.json.id]);
    expect(JSON.stringify(rows)).not.toContain(secret);
    const trail = await call(h, 'GET', `/api/v1/trail?entityId=${created.json.id}`, { headers: session });
    expect(trail.json.items[0]).toMatchObject({ action: 'api_token.created', actorId: org.admin.userId, after: { name: created.json.name, role: 'contributor' } });
    expect(JSON.stringify(trail.json)).not.toContain(secret);
    const me = await call(h, 'GET', '/api/v1/me', { token: secret });
    expect(me.json).toMatchObject({ role: 'contributor', via: 'token', user: { email: member.email } });
  });

  it('stops a token at revocation and at expiry', async () => {
    const session = await loginHeaders(h, org.admin.email);
    const member = await createMember(h, org, 'contributor');
    const revoked = await call(h, 'POST', '/api/v1/tokens', { headers: session, body: { email: member.email, name: unique('r'), role: 'contributor' } });
    expect((await call(h, 'GET', '/api/v1/me', { token: revoked.json.token })).status).toBe(200);
    const revoke = await call(h, 'POST', `/api/v1/tokens/${revoked.json.id}/revoke`, { headers: session });
    expect(revoke.json.revokedAt).toBeTruthy();
    const revokedEvent = await call(h, 'GET', `/api/v1/trail?entityId=${revoked.json.id}&limit=1`, { headers: session });
    expect(revokedEvent.json.items[0]).toMatchObject({ action: 'api_token.revoked', before: { revokedAt: null }, after: { revokedAt: revoke.json.revokedAt } });
    const after = await call(h, 'GET', '/api/v1/me', { token: revoked.json.token });
    expect(after.status).toBe(401);
    expect(after.json.error.message).toMatch(/revoked/);
    expect((await call(h, 'POST', `/api/v1/tokens/${revoked.json.id}/revoke`, { headers: session })).status).toBe(409);

    const expiring = await call(h, 'POST', '/api/v1/tokens', { headers: session, body: { email: member.email, name: unique('e'), role: 'contributor', expiresInDays: 1 } });
    clock.advance(86_400_000 + 1000);
    const expired = await call(h, 'GET', '/api/v1/me', { token: expiring.json.token });
    expect(expired.status).toBe(401);
    expect(expired.json.error.message).toMatch(/expired/);
  });

  it('lets an admin create another organization, whose own chain records it', async () => {
    const session = await loginHeaders(h, org.admin.email);
    const created = await call(h, 'POST', '/api/v1/organizations', { headers: session, body: { name: unique('Subsidiary') } });
    expect(created.status).toBe(201);
    const duplicate = await call(h, 'POST', '/api/v1/organizations', { headers: session, body: { name: `  ${created.json.name.toUpperCase()} ` } });
    expect(duplicate.status).toBe(409);
    const login = await call(h, 'POST', '/api/v1/auth/login', { body: { email: org.admin.email, password: TEST_PASSWORD, organizationId: created.json.id } });
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;
    const trail = await call(h, 'GET', '/api/v1/trail', { headers: { cookie } });
    expect(trail.json.items.map((e: { action: string }) => e.action)).toEqual(['session.opened', 'user.added', 'organization.created']);
    expect(trail.json.items[2]).toMatchObject({ organizationId: created.json.id, actorId: org.admin.userId, after: { name: created.json.name } });
  });

  it("ends an external auditor's access, and their tokens, at the end date", async () => {
    const session = await loginHeaders(h, org.admin.email);
    const email = `${unique('auditor')}@certbody.example`;
    const end = new Date(clock.now().getTime() + 3 * 86_400_000).toISOString();
    const added = await call(h, 'POST', '/api/v1/users', { headers: session, body: { email, displayName: 'Auditor', password: TEST_PASSWORD, role: 'external_auditor', accessExpiresAt: end } });
    expect(added.status).toBe(201);
    const token = await call(h, 'POST', '/api/v1/tokens', { headers: session, body: { email, name: unique('audit'), role: 'external_auditor', expiresInDays: 90 } });
    expect(token.json.expiresAt).toBe(end);
    const auditor = await loginHeaders(h, email);
    expect((await call(h, 'GET', '/api/v1/evidence', { headers: auditor })).status).toBe(200);
    expect((await call(h, 'GET', '/api/v1/evidence', { token: token.json.token })).status).toBe(200);
    clock.advance(3 * 86_400_000 + 1000);
    expect((await call(h, 'GET', '/api/v1/evidence', { headers: auditor })).status).toBe(401);
    expect((await call(h, 'GET', '/api/v1/evidence', { token: token.json.token })).status).toBe(401);
    expect((await call(h, 'POST', '/api/v1/auth/login', { body: { email, password: TEST_PASSWORD } })).status).toBe(401);
  });
});
