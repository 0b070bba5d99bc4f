import { BACKUP_TABLES } from '../../src/storage/repositories/backup.repository.js';
import type { Role } from '../../src/domain/access/roles.js';
import { createOrganizationWithAdmin } from '../../src/app/identity/create-organization-with-admin.js';
import { addUser } from '../../src/app/identity/add-user.js';
import { createApiToken } from '../../src/app/identity/create-api-token.js';
import type { Actor, AppDeps } from '../../src/app/shared/context.js';
import { hashPassword } from '../../src/app/shared/secrets.js';
import { loadConfig } from '../../src/config.js';
import { createHttpApp } from '../../src/http/app.js';
import { composeApp } from '../../src/main.js';
import { inTransaction } from '../../src/storage/transaction.js';
import { createTestDatabase, type TestDatabase, type TestDialect } from './test-database.js';

/** Cheap scrypt for tests only; the product's cost is tested in the secrets unit test. */
export const TEST_HASH_COST = { N: 1024 };
export const TEST_PASSWORD = 'correct horse battery staple';

export interface Harness {
  dialect: TestDialect;
  testDb: TestDatabase;
  deps: AppDeps;
  app: ReturnType<typeof createHttpApp>;
  setupCode: string | undefined;
  dispose(): Promise<void>;
}

let counter = 0;
/** A name no other test in the run uses, so tests can share one database per file. */
export function unique(prefix: string): string {
  counter += 1;
  return `${prefix}-${process.pid}-${Date.now().toString(36)}-${counter}`;
}

export async function createHarness(dialect: TestDialect, options: { maxUploadBytes?: number; setupCode?: string } = {}): Promise<Harness> {
  const testDb = await createTestDatabase(dialect);
  // The intake limit is tested on its own (rate-limits.db.test.ts); suites that upload a lot must not hit it.
  const config = { ...loadConfig({ AIMS_DATA_DIR: testDb.dataDir, AIMS_LOG_LEVEL: 'silent', AIMS_INTAKE_RATE_LIMIT: '1000000' }) };
  const deps = await composeApp(config, { db: testDb.db, migrate: false });
  deps.settings.passwordHashCost = TEST_HASH_COST;
  if (options.maxUploadBytes) deps.settings.maxUploadBytes = options.maxUploadBytes;
  const app = createHttpApp(deps, { secureCookies: false, setupCode: () => options.setupCode });
  return { dialect, testDb, deps, app, setupCode: options.setupCode, dispose: () => testDb.dispose() };
}

export interface TestOrg {
  organizationId: string;
  name: string;
  admin: Actor & { email: string };
}

/** A new organization with its admin, written the way the product writes it (trail included). */
export async function createOrg(h: Harness, name = unique('Org')): Promise<TestOrg> {
  const email = `${unique('admin')}@example.com`.toLowerCase();
  const passwordHash = await hashPassword(TEST_PASSWORD, TEST_HASH_COST);
  const { organization, admin } = await inTransaction(h.deps.db, (tx) =>
    createOrganizationWithAdmin(tx, h.deps, name, { email, displayName: 'Admin', passwordHash }, email),
  );
  return {
    organizationId: organization.id,
    name,
    admin: { type: 'user', organizationId: organization.id, userId: admin.id, tokenId: null, role: 'admin', label: email, email },
  };
}

/** A member of the organization with the given role, returned as the actor use cases take. */
export async function createMember(h: Harness, org: TestOrg, role: Role): Promise<Actor & { email: string }> {
  const email = `${unique(role)}@example.com`.toLowerCase();
  const accessExpiresAt = role === 'external_auditor' ? new Date(Date.now() + 7 * 86_400_000).toISOString() : undefined;
  const user = await addUser(h.deps, org.admin, { email, displayName: role, password: TEST_PASSWORD, role, accessExpiresAt });
  return { type: 'user', organizationId: org.organizationId, userId: user.id, tokenId: null, role, label: email, email };
}

/** An API token for a new member with that role: what a pipeline would hold. */
export async function createBearer(h: Harness, org: TestOrg, role: Role): Promise<string> {
  const member = role === 'admin' ? org.admin : await createMember(h, org, role);
  const created = await createApiToken(h.deps, org.admin, { email: member.email, name: unique('token'), role });
  return created.token;
}

/** Logs in over HTTP; returns the headers a browser would send on later requests. */
export async function loginHeaders(h: Harness, email: string, password = TEST_PASSWORD): Promise<{ cookie: string; 'x-csrf-token': string }> {
  const response = await h.app.request('/api/v1/auth/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (response.status !== 200) throw new Error(`login failed: ${response.status} ${await response.text()}`);
  const cookie = (response.headers.get('set-cookie') ?? '').split(';')[0]!;
  const body = (await response.json()) as { csrfToken: string };
  return { cookie, 'x-csrf-token': body.csrfToken };
}

/** JSON request helper for app.request(). */
export async function call(h: Harness, method: string, path: string, options: { token?: string; headers?: Record<string, string>; body?: unknown } = {}) {
  const headers: Record<string, string> = { ...(options.headers ?? {}) };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  let body: string | undefined;
  if (options.body !== undefined) {
    headers['content-type'] ??= 'application/json';
    body = typeof options.body === 'string' ? options.body : JSON.stringify(options.body);
  }
  const response = await h.app.request(path, { method, headers, body });
  const text = await response.text();
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read response bodies loosely
  let json: any;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  return { status: response.status, json, text, headers: response.headers };
}

/** Uploads an evidence file through the API as multipart/form-data. */
export async function uploadViaApi(
  h: Harness,
  auth: { token?: string; headers?: Record<string, string> },
  fields: Record<string, string>,
  content: string | Uint8Array<ArrayBuffer> = `evidence ${unique('content')}`,
  fileName = 'evidence.txt',
) {
  const form = new FormData();
  form.set('file', new File([content], fileName, { type: 'text/plain' }));
  for (const [key, value] of Object.entries(fields)) form.set(key, value);
  const headers: Record<string, string> = { ...(auth.headers ?? {}) };
  if (auth.token) headers.authorization = `Bearer ${auth.token}`;
  const response = await h.app.request('/api/v1/evidence', { method: 'POST', body: form, headers });
  const text = await response.text();
  return { status: response.status, json: text ? (JSON.parse(text) as Record<string, unknown>) : undefined };
}

/** Row counts of every table (each backed-up table, and sessions): a failed request must leave them all unchanged. */
export async function countAllRows(h: Harness): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of ['sessions' as const, ...BACKUP_TABLES.map((t) => t.table)]) {
    const row = await h.deps.db.kysely.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    counts[table] = Number(row.n);
  }
  return counts;
}
