import { afterEach, describe, expect, it } from 'vitest';
import { call, createHarness, type Harness } from '../support/harness.js';
import { TEST_DIALECTS } from '../support/test-database.js';

const SETUP = { organizationName: 'Acme AI', adminEmail: 'Lead@Acme.example', adminName: 'Lead', adminPassword: 'a long admin password' };

describe.each(TEST_DIALECTS)('first-run setup on %s', (dialect) => {
  let h: Harness;
  afterEach(() => h.dispose());

  it('creates the first organization and admin only with the setup code, then refuses', async () => {
    h = await createHarness(dialect, { setupCode: 'code-123' });
    expect((await call(h, 'GET', '/api/v1/setup')).json).toEqual({ initialized: false });
    const wrong = await call(h, 'POST', '/api/v1/setup', { body: { ...SETUP, setupCode: 'guess' } });
    expect(wrong.status).toBe(403);
    expect(wrong.json.error.details.fields[0].field).toBe('setupCode');
    const ok = await call(h, 'POST', '/api/v1/setup', { body: { ...SETUP, setupCode: 'code-123' } });
    expect(ok.status).toBe(201);
    expect(ok.json.admin).toMatchObject({ email: 'lead@acme.example', role: 'admin' });
    const events = await h.testDb.raw('select action, actor_label from trail_events order by seq');
    expect(events).toEqual([
      { action: 'organization.created', actor_label: 'lead@acme.example' },
      { action: 'user.added', actor_label: 'lead@acme.example' },
    ]);
    expect((await call(h, 'GET', '/api/v1/setup')).json).toEqual({ initialized: true });
    const again = await call(h, 'POST', '/api/v1/setup', { body: { ...SETUP, organizationName: 'Second', adminEmail: 'x@y.example', setupCode: 'code-123' } });
    expect(again.status).toBe(409);
    expect(again.json.error.code).toBe('PRECONDITION_FAILED');
    const login = await call(h, 'POST', '/api/v1/auth/login', { body: { email: 'LEAD@acme.example', password: SETUP.adminPassword } });
    expect(login.status).toBe(200);
  });

  it('has no setup at all when the server started with no code', async () => {
    h = await createHarness(dialect);
    const response = await call(h, 'POST', '/api/v1/setup', { body: { ...SETUP, setupCode: 'anything' } });
    expect(response.status).toBe(403);
    expect((await call(h, 'GET', '/api/v1/setup')).json).toEqual({ initialized: false });
  });

  it('serves health and the OpenAPI 3.1 document without login', async () => {
    h = await createHarness(dialect);
    const health = await call(h, 'GET', '/api/v1/health');
    expect(health.json).toEqual({ status: 'ok' });
    expect(health.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(health.headers.get('x-frame-options')).toBe('SAMEORIGIN');
    const doc = await call(h, 'GET', '/api/v1/openapi.json');
    expect(doc.json.openapi).toBe('3.1.0');
    expect(Object.keys(doc.json.paths)).toEqual(expect.arrayContaining(['/evidence', '/trail', '/tokens', '/users', '/auth/login']));
    const addUser = doc.json.paths['/users'].post;
    expect(addUser.requestBody.content['application/json'].schema).toBeDefined();
    const docs = await h.app.request('/api/docs');
    expect(await docs.text()).toContain('swagger-ui');
  });
});
