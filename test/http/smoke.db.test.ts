import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createBearer, createHarness, createOrg, loginHeaders, type Harness, type TestOrg } from '../support/harness.js';
import { TEST_DIALECTS } from '../support/test-database.js';

describe.each(TEST_DIALECTS)('smoke on %s', (dialect) => {
  let h: Harness;
  let org: TestOrg;
  beforeAll(async () => {
    h = await createHarness(dialect);
    org = await createOrg(h);
  });
  afterAll(() => h.dispose());

  it('serves health and an authenticated list', async () => {
    expect((await call(h, 'GET', '/api/v1/health')).json).toEqual({ status: 'ok' });
    const token = await createBearer(h, org, 'contributor');
    const me = await call(h, 'GET', '/api/v1/me', { token });
    expect(me.status).toBe(200);
    expect(me.json.role).toBe('contributor');
    const headers = await loginHeaders(h, org.admin.email);
    const users = await call(h, 'GET', '/api/v1/users', { headers });
    expect(users.status).toBe(200);
    expect(users.json.items.length).toBe(2);
    const bad = await call(h, 'POST', '/api/v1/users', { headers, body: { email: 'x', extra: 1 } });
    expect(bad.status).toBe(400);
    console.log(JSON.stringify(bad.json));
    const trail = await call(h, 'GET', '/api/v1/trail', { headers });
    console.log(trail.json.items.map((e: { action: string }) => e.action));
    const doc = await call(h, 'GET', '/api/v1/openapi.json');
    expect(doc.status).toBe(200);
  });
});
