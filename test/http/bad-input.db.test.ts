/* eslint-disable @typescript-eslint/no-explicit-any -- response bodies are read loosely in assertions */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, countAllRows, createBearer, createHarness, createOrg, unique, uploadViaApi, type Harness, type TestOrg } from '../support/harness.js';
import { TEST_DIALECTS } from '../support/test-database.js';

const MAX_UPLOAD = 4096;

describe.each(TEST_DIALECTS)('bad input on %s', (dialect) => {
  let h: Harness;
  let org: TestOrg;
  let admin: string;

  beforeAll(async () => {
    h = await createHarness(dialect, { maxUploadBytes: MAX_UPLOAD });
    org = await createOrg(h);
    admin = await createBearer(h, org, 'admin');
  });
  afterAll(() => h.dispose());

  /** Sends the request and checks it wrote nothing at all. */
  async function refused(send: () => Promise<{ status: number; json?: any }>) {
    const before = await countAllRows(h);
    const response = await send();
    expect(await countAllRows(h)).toEqual(before);
    return response;
  }

  const validUser = () => ({ email: `${unique('u')}@example.com`, displayName: 'Valid', password: 'long enough password', role: 'contributor' });

  it.each([
    { name: 'an unknown field', body: { ...validUser(), isAdmin: true }, field: 'isAdmin', reason: 'is not a known field' },
    { name: 'a missing field', body: { ...validUser(), displayName: undefined }, field: 'displayName', reason: 'is required' },
    { name: 'an oversized field', body: { ...validUser(), displayName: 'x'.repeat(121) }, field: 'displayName', reason: 'must be at most 120 characters' },
    { name: 'a wrong type', body: { ...validUser(), role: 42 }, field: 'role', reason: 'must be one of' },
    { name: 'a malformed email', body: { ...validUser(), email: 'not-an-email' }, field: 'email', reason: 'must be an email address' },
    { name: 'a short password', body: { ...validUser(), password: 'short' }, field: 'password', reason: 'at least 12' },
    { name: 'an unknown role', body: { ...validUser(), role: 'superuser' }, field: 'role', reason: 'must be one of' },
    { name: 'an external auditor without an end date', body: { ...validUser(), role: 'external_auditor' }, field: 'accessExpiresAt', reason: 'is required' },
    { name: 'an access end in the past', body: { ...validUser(), role: 'external_auditor', accessExpiresAt: '2020-01-01T00:00:00Z' }, field: 'accessExpiresAt', reason: 'in the future' },
  ])('answers 400 naming the field for $name', async ({ body, field, reason }) => {
    const response = await refused(() => call(h, 'POST', '/api/v1/users', { token: admin, body }));
    expect(response.status).toBe(400);
    expect(response.json.error.code).toBe('VALIDATION_FAILED');
    const issue = response.json.error.details.fields.find((f: { field: string }) => f.field === field);
    expect(issue, JSON.stringify(response.json)).toBeDefined();
    expect(issue.reason).toContain(reason);
    expect(response.json.error.message).toContain(field);
  });

  it('answers 400 for malformed JSON', async () => {
    const response = await refused(() => call(h, 'POST', '/api/v1/users', { token: admin, body: '{"email": "a@b.c", ' }));
    expect(response.status).toBe(400);
    expect(response.json.error.code).toBe('MALFORMED_REQUEST');
  });

  it('answers 400 for a JSON body that is not an object, and for a missing body', async () => {
    expect((await refused(() => call(h, 'POST', '/api/v1/users', { token: admin, body: '[1,2]' }))).status).toBe(400);
    expect((await refused(() => call(h, 'POST', '/api/v1/users', { token: admin }))).status).toBe(400);
  });

  it.each([
    { query: '?limit=0', field: 'limit' },
    { query: '?limit=abc', field: 'limit' },
    { query: '?limit=201', field: 'limit' },
    { query: '?cursor=forged', field: 'cursor' },
    { query: '?sort=name', field: 'sort' },
  ])('answers 400 naming $field for list query $query', async ({ query, field }) => {
    const response = await call(h, 'GET', `/api/v1/users${query}`, { token: admin });
    expect(response.status).toBe(400);
    expect(response.json.error.details.fields.map((f: { field: string }) => f.field)).toContain(field);
  });

  it('answers 400 naming the id when a path id is not a UUID', async () => {
    const response = await call(h, 'GET', '/api/v1/evidence/not-a-uuid', { token: admin });
    expect(response.status).toBe(400);
    expect(response.json.error.details.fields[0].field).toBe('id');
  });

  it('answers 404 for an id that does not exist', async () => {
    const response = await call(h, 'GET', '/api/v1/evidence/01a21f45-c6fe-7c47-83b6-efcace46d7cd', { token: admin });
    expect(response.status).toBe(404);
    expect(response.json.error.code).toBe('NOT_FOUND');
  });

  it.each([
    { name: 'a wrong token', authorization: 'Bearer aims_not-a-real-token' },
    { name: 'a malformed Authorization header', authorization: 'Basic abc' },
    { name: 'an empty bearer', authorization: 'Bearer ' },
  ])('answers 401 for $name', async ({ authorization }) => {
    const response = await call(h, 'GET', '/api/v1/me', { headers: { authorization } });
    expect(response.status).toBe(401);
    expect(response.json.error.code).toBe('UNAUTHENTICATED');
  });

  it('answers 413 for an oversized upload, and stores neither the file nor a record', async () => {
    const blobsBefore = listBlobs(h);
    const response = await refused(() => uploadViaApi(h, { token: admin }, { title: 'Too big', kind: 'log' }, 'x'.repeat(MAX_UPLOAD + 1)));
    expect(response.status).toBe(413);
    expect((response.json as any).error.code).toBe('PAYLOAD_TOO_LARGE');
    expect(listBlobs(h)).toEqual(blobsBefore);
  });

  it('answers 413 for an oversized JSON body', async () => {
    const response = await refused(() => call(h, 'POST', '/api/v1/users', { token: admin, body: { ...validUser(), displayName: 'x'.repeat(1_100_000) } }));
    expect(response.status).toBe(413);
  });

  it('answers 400 naming the field for bad upload metadata, and stores no record', async () => {
    const noFile = await refused(async () => {
      const form = new FormData();
      form.set('title', 'No file');
      form.set('kind', 'document');
      const r = await h.app.request('/api/v1/evidence', { method: 'POST', body: form, headers: { authorization: `Bearer ${admin}` } });
      return { status: r.status, json: await r.json() };
    });
    expect(noFile.status).toBe(400);
    expect(noFile.json.error.details.fields[0].field).toBe('file');
    const badKind = await refused(() => uploadViaApi(h, { token: admin }, { title: 'x', kind: 'selfie' }));
    expect(badKind.status).toBe(400);
    expect((badKind.json as any).error.details.fields[0].field).toBe('kind');
    const badDates = await refused(() => uploadViaApi(h, { token: admin }, { title: 'x', kind: 'report', validFrom: '2026-05-01', validUntil: '2026-01-01' }));
    expect(badDates.status).toBe(400);
    expect((badDates.json as any).error.details.fields[0].field).toBe('validUntil');
    const notMultipart = await refused(() => call(h, 'POST', '/api/v1/evidence', { token: admin, body: { title: 'x' } }));
    expect(notMultipart.status).toBe(415);
  });

  it('answers 409 for duplicate unique values, and writes nothing', async () => {
    const user = validUser();
    expect((await call(h, 'POST', '/api/v1/users', { token: admin, body: user })).status).toBe(201);
    const dupUser = await refused(() => call(h, 'POST', '/api/v1/users', { token: admin, body: { ...user, email: user.email.toUpperCase() } }));
    expect(dupUser.status).toBe(409);
    expect(dupUser.json.error.details.fields[0].field).toBe('email');

    const tokenBody = { email: user.email, name: unique('pipeline'), role: 'contributor' };
    expect((await call(h, 'POST', '/api/v1/tokens', { token: admin, body: tokenBody })).status).toBe(201);
    const dupToken = await refused(() => call(h, 'POST', '/api/v1/tokens', { token: admin, body: tokenBody }));
    expect(dupToken.status).toBe(409);
    expect(dupToken.json.error.details.fields[0].field).toBe('name');
  });

  it('refuses a token with more power than its owner', async () => {
    const user = validUser();
    await call(h, 'POST', '/api/v1/users', { token: admin, body: user });
    const response = await refused(() => call(h, 'POST', '/api/v1/tokens', { token: admin, body: { email: user.email, name: unique('t'), role: 'admin' } }));
    expect(response.status).toBe(400);
    expect(response.json.error.details.fields[0].field).toBe('role');
  });

  it('answers a JSON 404 for an unknown API route', async () => {
    const response = await call(h, 'GET', '/api/v1/nothing-here', { token: admin });
    expect(response.status).toBe(404);
    expect(response.json.error.code).toBe('NOT_FOUND');
  });
});

function listBlobs(h: Harness): string[] {
  const root = h.deps.blobs.root;
  try {
    return readdirSync(root).flatMap((dir) => readdirSync(join(root, dir)));
  } catch {
    return [];
  }
}
