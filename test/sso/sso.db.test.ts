import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyTrail } from '../../src/app/trail/verify-trail.js';
import { call, createHarness, createMember, createOrg, loginHeaders, TEST_PASSWORD, type Harness, type TestOrg } from '../support/harness.js';
import { TEST_DIALECTS } from '../support/test-database.js';
import { authorizeAtProvider, startTestProvider } from './oidc-test-provider.js';

// app.request() URLs have the origin http://localhost: that is the redirect URI OpenAIMS sends.
const REDIRECT_URI = 'http://localhost/api/v1/auth/sso/callback';
const CLIENT = { clientId: 'openaims', clientSecret: 'a client secret the test shares with the provider' };

describe.each(TEST_DIALECTS)('single sign-on with OpenID Connect on %s', (dialect) => {
  let h: Harness;
  let org: TestOrg;
  let admin: Record<string, string>;
  let idp: Awaited<ReturnType<typeof startTestProvider>>;

  const settings = (overrides: Record<string, unknown> = {}) => ({
    issuer: idp.issuer, clientId: CLIENT.clientId, clientSecret: CLIENT.clientSecret, scopes: ['openid', 'email', 'profile', 'groups'],
    roleClaim: 'groups', roleMap: { 'aims-admins': 'admin', governance: 'governance_lead', staff: 'contributor' }, defaultRole: 'internal_auditor', enabled: true, ...overrides,
  });
  /** Start at OpenAIMS, log in at the provider as `login`, come back to the callback; returns the callback response. */
  const ssoLogin = async (login: string, organizationId = org.organizationId) => {
    idp.state.nextLogin = login;
    const start = await h.app.request(`/api/v1/auth/sso/${organizationId}/start?returnTo=/evidence`);
    if (start.status !== 302) return { start, callback: undefined };
    const back = await authorizeAtProvider(start.headers.get('location')!, REDIRECT_URI);
    const callback = await h.app.request(`${back.pathname}${back.search}`);
    return { start, callback, back };
  };

  beforeAll(async () => {
    h = await createHarness(dialect);
    h.deps.settings.secretsKey = randomBytes(32).toString('base64');
    org = await createOrg(h);
    admin = await loginHeaders(h, org.admin.email);
    idp = await startTestProvider({ ...CLIENT, redirectUri: REDIRECT_URI });
    idp.accounts.set('alice', { email: 'Alice@Example.com', email_verified: true, name: 'Alice', groups: ['staff', 'governance'] });
    idp.accounts.set('bob', { email: 'bob@example.com', email_verified: true, groups: ['visitors'] });
    idp.accounts.set('eve', { email: 'eve@example.com', email_verified: false, groups: ['aims-admins'] });
  });
  afterAll(async () => {
    await idp?.close();
    await h?.dispose();
  });

  it('lets an admin configure the provider; the secret is stored encrypted and never returned; bad settings name their field', async () => {
    const saved = await call(h, 'PUT', '/api/v1/sso', { headers: admin, body: settings() });
    expect(saved.status).toBe(200);
    expect(saved.json).toMatchObject({ issuer: idp.issuer, hasClientSecret: true, enabled: true, localLoginDisabled: false, loginUrl: `/api/v1/auth/sso/${org.organizationId}/start` });
    expect(saved.text).not.toContain(CLIENT.clientSecret);
    expect((await call(h, 'GET', '/api/v1/sso', { headers: admin })).text).not.toContain(CLIENT.clientSecret);
    const [row] = (await h.testDb.raw('select client_secret_enc from sso_settings where organization_id = ?', [org.organizationId])) as Array<{ client_secret_enc: string }>;
    expect(row!.client_secret_enc).toMatch(/^v1\./);
    expect(row!.client_secret_enc).not.toContain(CLIENT.clientSecret);

    const bad = async (body: Record<string, unknown>) => (await call(h, 'PUT', '/api/v1/sso', { headers: admin, body })).json.error.details.fields.map((f: { field: string }) => f.field);
    expect(await bad(settings({ issuer: 'ftp://idp.example.com' }))).toEqual(['issuer']);
    expect(await bad(settings({ issuer: 'http://idp.example.com' }))).toEqual(['issuer']); // plain http off loopback
    expect(await bad(settings({ enabled: false, localLoginDisabled: true }))).toEqual(['localLoginDisabled']);
    expect(await bad(settings({ roleMap: { staff: 'external_auditor' } }))).toEqual(['roleMap.staff']);
    expect(await bad(settings({ roleClaim: null }))).toEqual(['roleClaim']);
    h.deps.settings.secretsKey = undefined;
    expect(await bad(settings())).toEqual(['clientSecret']);
    h.deps.settings.secretsKey = randomBytes(32).toString('base64');
    // A new key cannot read the old secret: set it again under the key the test keeps from here on.
    expect((await call(h, 'PUT', '/api/v1/sso', { headers: admin, body: settings() })).status).toBe(200);

    const contributor = await createMember(h, org, 'contributor');
    expect((await call(h, 'PUT', '/api/v1/sso', { headers: await loginHeaders(h, contributor.email), body: settings() })).status).toBe(403);
  });

  it('logs a new person in with PKCE, provisions them just in time with the role their groups map to, and knows them next time', async () => {
    const { start, callback, back } = await ssoLogin('alice');
    const authorize = new URL(start.headers.get('location')!);
    expect(authorize.searchParams.get('code_challenge_method')).toBe('S256');
    expect(authorize.searchParams.get('code_challenge')).toMatch(/^[\w-]{43}$/);
    expect(callback!.status).toBe(302);
    expect(callback!.headers.get('location')).toBe('/evidence');
    const cookie = callback!.headers.get('set-cookie')!.split(';')[0]!;
    const me = await call(h, 'GET', '/api/v1/me', { headers: { cookie } });
    expect(me.json).toMatchObject({ user: { email: 'alice@example.com', displayName: 'Alice' }, role: 'governance_lead', organization: { id: org.organizationId } });

    // The same code cannot be replayed: the pending login was used up.
    expect((await h.app.request(`${back!.pathname}${back!.search}`)).status).toBe(401);

    const again = await ssoLogin('alice');
    expect(again.callback!.status).toBe(302);
    const users = (await h.testDb.raw('select count(*) as n from users where email = ?', ['alice@example.com'])) as Array<{ n: number | string }>;
    expect(Number(users[0]!.n)).toBe(1);

    // No mapped group: the default role.
    const bob = await ssoLogin('bob');
    const bobMe = await call(h, 'GET', '/api/v1/me', { headers: { cookie: bob.callback!.headers.get('set-cookie')!.split(';')[0]! } });
    expect(bobMe.json.role).toBe('internal_auditor');

    const events = (await h.testDb.raw("select action, entity_type from trail_events where organization_id = ? and action in ('user.added', 'sso_identity.linked', 'sso.configured') order by seq", [org.organizationId])) as Array<{ action: string }>;
    expect(events.filter((e) => e.action === 'sso_identity.linked')).toHaveLength(2);
    expect((await verifyTrail(h.deps.db)).ok).toBe(true);
  });

  it('refuses an unverified email, and nobody is created', async () => {
    const { callback } = await ssoLogin('eve');
    expect(callback!.status).toBe(401);
    expect(((await callback!.json()) as { error: { details: { reason: string } } }).error.details.reason).toBe('email_unverified');
    expect((await h.testDb.raw('select * from users where email = ?', ['eve@example.com'])).length).toBe(0);
  });

  it('refuses an ID token altered on its way (signature), and creates nothing', async () => {
    idp.accounts.set('mallory', { email: 'mallory-real@example.com', email_verified: true, groups: ['staff'] });
    idp.state.tamper = true;
    try {
      const before = (await h.testDb.raw('select count(*) as n from users')) as Array<{ n: number | string }>;
      const { callback } = await ssoLogin('mallory');
      expect(callback!.status).toBe(401);
      const body = (await callback!.json()) as { error: { code: string; message: string } };
      expect(body.error.code).toBe('UNAUTHENTICATED');
      expect(body.error.message).toMatch(/single sign-on failed/);
      expect(callback!.headers.get('set-cookie')).toBeNull();
      const after = (await h.testDb.raw('select count(*) as n from users')) as Array<{ n: number | string }>;
      expect(Number(after[0]!.n)).toBe(Number(before[0]!.n));
    } finally {
      idp.state.tamper = false;
    }
  });

  it('refuses a provider whose metadata names another issuer than the configured one', async () => {
    const other = await createOrg(h);
    const otherAdmin = await loginHeaders(h, other.admin.email);
    // The same provider reached at another URL: its discovery document names a different issuer.
    expect((await call(h, 'PUT', '/api/v1/sso', { headers: otherAdmin, body: settings({ issuer: idp.upstreamIssuerUrl }) })).status).toBe(200);
    const { start } = await ssoLogin('alice', other.organizationId);
    expect(start.status).toBe(401);
    expect(((await start.json()) as { error: { message: string } }).error.message).toMatch(/answered in a way OpenAIMS does not accept/);
    // An organization without SSO: not found, naming the field.
    const plain = await createOrg(h);
    const none = await h.app.request(`/api/v1/auth/sso/${plain.organizationId}/start`);
    expect(none.status).toBe(404);
  });

  it('turns password login off for the organization, and keeps it for the CLI-free API only through SSO', async () => {
    expect((await call(h, 'PUT', '/api/v1/sso', { headers: admin, body: settings({ localLoginDisabled: true, clientSecret: undefined }) })).json).toMatchObject({ localLoginDisabled: true, hasClientSecret: true });
    const refused = await call(h, 'POST', '/api/v1/auth/login', { body: { email: org.admin.email, password: TEST_PASSWORD } });
    expect(refused.status).toBe(401);
    expect(refused.json.error.details.reason).toBe('sso_only');
    expect((await ssoLogin('alice')).callback!.status).toBe(302);
  });

  it('says clearly when the identity provider is down', async () => {
    await idp.down();
    const start = await h.app.request(`/api/v1/auth/sso/${org.organizationId}/start`);
    expect(start.status).toBe(503);
    const body = (await start.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('UNAVAILABLE');
    expect(body.error.message).toContain(`the identity provider ${idp.issuer} is not reachable`);
    expect(start.headers.get('retry-after')).toBe('30');
  });
});
