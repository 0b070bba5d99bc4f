import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RateLimiter } from '../../src/app/shared/rate-limiter.js';
import { createHttpApp } from '../../src/http/app.js';
import { call, createBearer, createHarness, createOrg, uploadViaApi, type Harness, type TestOrg } from '../support/harness.js';
import { TEST_DIALECTS } from '../support/test-database.js';

describe.each(TEST_DIALECTS)('database-backed rate limits on %s', (dialect) => {
  let h: Harness;
  let org: TestOrg;

  beforeAll(async () => {
    h = await createHarness(dialect);
    org = await createOrg(h);
  });
  afterAll(() => h.dispose());

  it('limits intake calls per caller with 429 and Retry-After, and leaves other callers alone', async () => {
    h.deps.intakeLimiter = new RateLimiter('intake', 2, 60_000, (retryAt) => `too many requests to intake endpoints for this caller; try again after ${retryAt.toISOString()}`);
    const first = await createBearer(h, org, 'contributor');
    const second = await createBearer(h, org, 'contributor');
    expect((await uploadViaApi(h, { token: first }, { title: 'One', kind: 'document' })).status).toBe(201);
    expect((await uploadViaApi(h, { token: first }, { title: 'Two', kind: 'document' })).status).toBe(201);
    const refused = await uploadViaApi(h, { token: first }, { title: 'Three', kind: 'document' });
    expect(refused.status).toBe(429);
    expect(refused.json).toMatchObject({ error: { code: 'RATE_LIMITED', details: { retryAt: expect.any(String) } } });
    expect((await uploadViaApi(h, { token: second }, { title: 'Other caller', kind: 'document' })).status).toBe(201);
    const hits = (await h.testDb.raw("select key_hash from rate_limit_hits where bucket = 'intake'")) as Array<{ key_hash: string }>;
    // Keys are stored hashed, never as the token id or email they stand for.
    expect(hits.every((hit) => /^[0-9a-f]{64}$/.test(hit.key_hash))).toBe(true);
    const metrics = await h.deps.metrics.registry.getSingleMetricAsString('aims_rate_limited_total');
    expect(metrics).toContain('aims_rate_limited_total{bucket="intake"} 1');
  });

  it('counts failed logins across two app instances on one database, as two server processes would', async () => {
    const other = createHttpApp(h.deps, { secureCookies: false });
    const attempt = (app: typeof other, password: string) =>
      app.request('/api/v1/auth/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: org.admin.email, password }) });
    for (let i = 0; i < 10; i++) expect((await attempt(i % 2 ? h.app : other, 'a wrong password')).status).toBe(401);
    const refused = await attempt(h.app, 'correct horse battery staple');
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    // Ten minutes on, still refused; after the window the right password works and clears the count.
    await h.testDb.raw("update rate_limit_hits set at = ? where bucket = 'login'", [new Date(Date.now() - 16 * 60_000).toISOString()]);
    expect((await attempt(other, 'correct horse battery staple')).status).toBe(200);
    expect((await h.testDb.raw("select * from rate_limit_hits where bucket = 'login'")).length).toBe(0);
  });

  it('serves request ids and Prometheus metrics', async () => {
    const traced = await call(h, 'GET', '/api/v1/health', { headers: { 'x-request-id': 'trace-123' } });
    expect(traced.headers.get('x-request-id')).toBe('trace-123');
    const made = await call(h, 'GET', '/api/v1/health', { headers: { 'x-request-id': 'not ok; injected' } });
    expect(made.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    const metrics = await call(h, 'GET', '/metrics');
    expect(metrics.status).toBe(200);
    expect(metrics.headers.get('content-type')).toContain('text/plain');
    expect(metrics.text).toMatch(/aims_http_requests_total\{method="GET",route="\/api\/v1\/health",status="200"\} \d+/);
    expect(metrics.text).toContain('aims_http_request_duration_seconds_bucket');
    expect(metrics.text).toContain('aims_jobs_started_total');

    const guarded = createHttpApp(h.deps, { secureCookies: false, metricsToken: 'scrape-secret' });
    expect((await guarded.request('/metrics')).status).toBe(401);
    expect((await guarded.request('/metrics', { headers: { authorization: 'Bearer scrape-secret' } })).status).toBe(200);
  });

  it('answers readiness with the database and migrations, and 503 while draining', async () => {
    const ready = await call(h, 'GET', '/api/v1/ready');
    expect(ready.status).toBe(200);
    expect(ready.json).toMatchObject({ status: 'ready', database: { reachable: true, pendingMigrations: [] }, draining: false, reason: null });
    const draining = createHttpApp(h.deps, { secureCookies: false, isDraining: () => true });
    const response = await draining.request('/api/v1/ready');
    expect(response.status).toBe(503);
    expect(await response.json()).toMatchObject({ status: 'not_ready', draining: true, reason: 'shutting down' });
  });
});
