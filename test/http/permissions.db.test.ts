import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../../src/domain/access/roles.js';
import { call, countAllRows, createBearer, createHarness, createMember, createOrg, loginHeaders, unique, uploadViaApi, type Harness, type TestOrg } from '../support/harness.js';
import { TEST_DIALECTS } from '../support/test-database.js';
import { creditEngineAnswers, inventoryCreditEngine, type CreditEngine } from '../support/inventory-fixtures.js';

const ALL = ROLES;
const ADMIN: Role[] = ['admin'];
const WRITERS: Role[] = ['admin', 'governance_lead', 'risk_owner', 'system_owner', 'contributor'];
const RANKERS: Role[] = ['admin', 'governance_lead'];

interface RouteCase {
  route: string;
  allowed: readonly Role[];
  /** People only: an API token is refused whatever its role. */
  peopleOnly?: true;
  /** Sends the request as the given caller; returns the status. */
  send: (h: Harness, auth: Auth, ids: Ids) => Promise<number>;
}
type Auth = { token?: string; headers?: Record<string, string> };
interface Ids { evidenceId: string; tokenId: string; userId: string; email: string; systemId: string; inventory: CreditEngine }

/**
 * The expected permission matrix, written out by hand on purpose: it must not be derived from
 * ROLE_PERMISSIONS, or a wrong entry there would pass its own test.
 */
const MATRIX: RouteCase[] = [
  { route: 'GET /me', allowed: ALL, send: async (h, a) => (await call(h, 'GET', '/api/v1/me', a)).status },
  { route: 'GET /me/organizations', allowed: ALL, send: async (h, a) => (await call(h, 'GET', '/api/v1/me/organizations', a)).status },
  { route: 'GET /users', allowed: ALL, send: async (h, a) => (await call(h, 'GET', '/api/v1/users', a)).status },
  { route: 'POST /users', allowed: ADMIN, send: async (h, a) => (await call(h, 'POST', '/api/v1/users', { ...a, body: { email: `${unique('u')}@example.com`, displayName: 'New', password: 'long enough password', role: 'contributor' } })).status },
  { route: 'PATCH /users/{id}', allowed: ADMIN, send: async (h, a, ids) => (await call(h, 'PATCH', `/api/v1/users/${ids.userId}`, { ...a, body: { role: 'risk_owner' } })).status },
  { route: 'DELETE /users/{id}', allowed: ADMIN, send: async (h, a, ids) => (await call(h, 'DELETE', `/api/v1/users/${ids.userId}`, a)).status },
  { route: 'GET /tokens', allowed: ADMIN, send: async (h, a) => (await call(h, 'GET', '/api/v1/tokens', a)).status },
  { route: 'POST /tokens', allowed: ADMIN, send: async (h, a, ids) => (await call(h, 'POST', '/api/v1/tokens', { ...a, body: { email: ids.email, name: unique('t'), role: 'contributor' } })).status },
  { route: 'POST /tokens/{id}/revoke', allowed: ADMIN, send: async (h, a, ids) => (await call(h, 'POST', `/api/v1/tokens/${ids.tokenId}/revoke`, a)).status },
  { route: 'POST /organizations', allowed: ADMIN, peopleOnly: true, send: async (h, a) => (await call(h, 'POST', '/api/v1/organizations', { ...a, body: { name: unique('Org') } })).status },
  { route: 'GET /trail', allowed: ALL, send: async (h, a) => (await call(h, 'GET', '/api/v1/trail', a)).status },
  { route: 'GET /trail/verify', allowed: ALL, send: async (h, a) => (await call(h, 'GET', '/api/v1/trail/verify', a)).status },
  { route: 'GET /evidence', allowed: ALL, send: async (h, a) => (await call(h, 'GET', '/api/v1/evidence', a)).status },
  { route: 'POST /evidence', allowed: WRITERS, send: async (h, a) => (await uploadViaApi(h, a, { title: 'Policy', kind: 'document' })).status },
  { route: 'GET /evidence/{id}', allowed: ALL, send: async (h, a, ids) => (await call(h, 'GET', `/api/v1/evidence/${ids.evidenceId}`, a)).status },
  { route: 'GET /evidence/{id}/content', allowed: ALL, send: async (h, a, ids) => (await call(h, 'GET', `/api/v1/evidence/${ids.evidenceId}/content`, a)).status },
  { route: 'POST /evidence/{id}/links', allowed: WRITERS, send: async (h, a, ids) => (await call(h, 'POST', `/api/v1/evidence/${ids.evidenceId}/links`, { ...a, body: { entityType: 'user', entityId: ids.userId } })).status },
  { route: 'GET /systems', allowed: ALL, send: async (h, a) => (await call(h, 'GET', '/api/v1/systems', a)).status },
  { route: 'POST /systems', allowed: WRITERS, send: async (h, a) => (await call(h, 'POST', '/api/v1/systems', { ...a, body: { name: unique('System'), purpose: 'Test', organizationRoles: ['deployer'] } })).status },
  { route: 'GET /systems/{id}', allowed: ALL, send: async (h, a, ids) => (await call(h, 'GET', `/api/v1/systems/${ids.systemId}`, a)).status },
  { route: 'PATCH /systems/{id}', allowed: WRITERS, send: async (h, a, ids) => (await call(h, 'PATCH', `/api/v1/systems/${ids.systemId}`, { ...a, body: { businessUnit: unique('Unit') } })).status },
  { route: 'POST /systems/{id}/stage', allowed: WRITERS, send: async (h, a, ids) => (await call(h, 'POST', `/api/v1/systems/${ids.systemId}/stage`, { ...a, body: { stage: 'design' } })).status },
  { route: 'POST /systems/{id}/wave', allowed: RANKERS, send: async (h, a, ids) => (await call(h, 'POST', `/api/v1/systems/${ids.systemId}/wave`, { ...a, body: { wave: 1, reason: 'first' } })).status },
  { route: 'POST /systems/{id}/classifications', allowed: WRITERS, send: async (h, a, ids) => (await call(h, 'POST', `/api/v1/systems/${ids.systemId}/classifications`, { ...a, body: { answers: creditEngineAnswers() } })).status },
  { route: 'GET /systems/{id}/classifications', allowed: ALL, send: async (h, a, ids) => (await call(h, 'GET', `/api/v1/systems/${ids.systemId}/classifications`, a)).status },
  { route: 'GET /classification/questions', allowed: ALL, send: async (h, a) => (await call(h, 'GET', '/api/v1/classification/questions', a)).status },
  { route: 'POST /classification/preview', allowed: ALL, send: async (h, a) => (await call(h, 'POST', '/api/v1/classification/preview', { ...a, body: { answers: {} } })).status },
  { route: 'GET /waves', allowed: ALL, send: async (h, a) => (await call(h, 'GET', '/api/v1/waves', a)).status },
  { route: 'GET /waves/settings', allowed: ALL, send: async (h, a) => (await call(h, 'GET', '/api/v1/waves/settings', a)).status },
  { route: 'PUT /waves/settings', allowed: RANKERS, send: async (h, a) => (await call(h, 'PUT', '/api/v1/waves/settings', { ...a, body: { weights: { impactOnPeople: 3, safety: 3, complianceExposure: 2, scale: 1, autonomy: 1 }, wave1Threshold: 50, wave1MaxSize: 10 } })).status },
  { route: 'GET /review-triggers', allowed: ALL, send: async (h, a) => (await call(h, 'GET', '/api/v1/review-triggers', a)).status },
  { route: 'GET /models', allowed: ALL, send: async (h, a) => (await call(h, 'GET', '/api/v1/models', a)).status },
  { route: 'POST /models', allowed: WRITERS, send: async (h, a) => (await call(h, 'POST', '/api/v1/models', { ...a, body: { name: unique('model') } })).status },
  { route: 'GET /models/{id}', allowed: ALL, send: async (h, a, ids) => (await call(h, 'GET', `/api/v1/models/${ids.inventory.modelId}`, a)).status },
  { route: 'PATCH /models/{id}', allowed: WRITERS, send: async (h, a, ids) => (await call(h, 'PATCH', `/api/v1/models/${ids.inventory.modelId}`, { ...a, body: { description: unique('d') } })).status },
  { route: 'POST /models/{id}/versions', allowed: WRITERS, send: async (h, a, ids) => (await call(h, 'POST', `/api/v1/models/${ids.inventory.modelId}/versions`, { ...a, body: { version: unique('v') } })).status },
  { route: 'GET /models/{id}/card', allowed: ALL, send: async (h, a, ids) => (await call(h, 'GET', `/api/v1/models/${ids.inventory.modelId}/card`, a)).status },
  { route: 'GET /datasets', allowed: ALL, send: async (h, a) => (await call(h, 'GET', '/api/v1/datasets', a)).status },
  { route: 'POST /datasets', allowed: WRITERS, send: async (h, a) => (await call(h, 'POST', '/api/v1/datasets', { ...a, body: { name: unique('data') } })).status },
  { route: 'GET /datasets/{id}', allowed: ALL, send: async (h, a, ids) => (await call(h, 'GET', `/api/v1/datasets/${ids.inventory.datasetId}`, a)).status },
  { route: 'PATCH /datasets/{id}', allowed: WRITERS, send: async (h, a, ids) => (await call(h, 'PATCH', `/api/v1/datasets/${ids.inventory.datasetId}`, { ...a, body: { description: unique('d') } })).status },
  { route: 'POST /datasets/{id}/versions', allowed: WRITERS, send: async (h, a, ids) => (await call(h, 'POST', `/api/v1/datasets/${ids.inventory.datasetId}/versions`, { ...a, body: { version: unique('v'), containsPersonalData: false } })).status },
  { route: 'GET /suppliers', allowed: ALL, send: async (h, a) => (await call(h, 'GET', '/api/v1/suppliers', a)).status },
  { route: 'POST /suppliers', allowed: WRITERS, send: async (h, a) => (await call(h, 'POST', '/api/v1/suppliers', { ...a, body: { name: unique('Supplier'), kind: 'other' } })).status },
  { route: 'GET /suppliers/{id}', allowed: ALL, send: async (h, a, ids) => (await call(h, 'GET', `/api/v1/suppliers/${ids.inventory.supplierId}`, a)).status },
  { route: 'PATCH /suppliers/{id}', allowed: WRITERS, send: async (h, a, ids) => (await call(h, 'PATCH', `/api/v1/suppliers/${ids.inventory.supplierId}`, { ...a, body: { contractReference: unique('c') } })).status },
  { route: 'GET /mlbom', allowed: ALL, send: async (h, a) => (await call(h, 'GET', '/api/v1/mlbom', a)).status },
  { route: 'GET /systems/{id}/mlbom', allowed: ALL, send: async (h, a, ids) => (await call(h, 'GET', `/api/v1/systems/${ids.systemId}/mlbom`, a)).status },
  {
    route: 'POST /mlbom/import', allowed: WRITERS,
    send: async (h, a) => (await call(h, 'POST', '/api/v1/mlbom/import', { ...a, body: { bomFormat: 'CycloneDX', specVersion: '1.6', version: 1, components: [{ type: 'machine-learning-model', name: unique('imported'), version: '1' }] } })).status,
  },
  { route: 'POST /systems/import', allowed: WRITERS, send: async (h, a) => (await call(h, 'POST', '/api/v1/systems/import', { ...a, headers: { ...a.headers, 'content-type': 'text/csv' }, body: `name,purpose,organizationRoles\n${unique('Csv')},Test,user\n` })).status },
];

const SUCCESS = new Set([200, 201, 204]);

describe.each(TEST_DIALECTS)('permission matrix on %s', (dialect) => {
  let h: Harness;
  let org: TestOrg;
  const sessions = new Map<Role, Auth>();
  const tokens = new Map<Role, Auth>();
  let inventory: CreditEngine;

  beforeAll(async () => {
    h = await createHarness(dialect);
    org = await createOrg(h);
    inventory = await inventoryCreditEngine(h, { token: await createBearer(h, org, 'admin') });
    for (const role of ROLES) {
      const member = role === 'admin' ? org.admin : await createMember(h, org, role);
      sessions.set(role, { headers: await loginHeaders(h, member.email) });
      tokens.set(role, { token: await createBearer(h, org, role) });
    }
  });
  afterAll(() => h.dispose());

  /** Fresh targets per request, so one role revoking or linking does not change the next role's outcome. */
  async function targets(): Promise<Ids> {
    const upload = await uploadViaApi(h, tokens.get('admin')!, { title: 'Target', kind: 'record' });
    const member = await createMember(h, org, 'contributor');
    const token = await call(h, 'POST', '/api/v1/tokens', { ...tokens.get('admin')!, body: { email: member.email, name: unique('target'), role: 'contributor' } });
    const system = await call(h, 'POST', '/api/v1/systems', { ...tokens.get('admin')!, body: { name: unique('Target system'), purpose: 'Target', organizationRoles: ['deployer'] } });
    return { evidenceId: String(upload.json!.id), tokenId: token.json.id, userId: member.userId!, email: member.email, systemId: system.json.id, inventory };
  }

  it('covers every route the API documents', async () => {
    const doc = await call(h, 'GET', '/api/v1/openapi.json');
    const documented = Object.entries(doc.json.paths as Record<string, Record<string, { security?: unknown[] }>>)
      .flatMap(([path, methods]) => Object.entries(methods).filter(([, op]) => op.security).map(([method]) => `${method.toUpperCase()} ${path}`))
      .filter((route) => !route.startsWith('POST /auth/'));
    expect(documented.sort()).toEqual(MATRIX.map((c) => c.route).sort());
  });

  for (const mode of ['token', 'session'] as const) {
    it.each(MATRIX)(`lets exactly the right roles use $route (${mode})`, async ({ allowed, peopleOnly, send }) => {
      for (const role of ROLES) {
        const auth = (mode === 'token' ? tokens : sessions).get(role)!;
        const ids = await targets();
        const before = await countAllRows(h);
        const status = await send(h, auth, ids);
        const expectAllowed = allowed.includes(role) && !(peopleOnly && mode === 'token');
        if (expectAllowed) {
          expect(SUCCESS.has(status), `${role} got ${status}`).toBe(true);
        } else {
          expect(status, `${role} must be refused`).toBe(403);
          expect(await countAllRows(h), `${role}'s refused request wrote nothing`).toEqual(before);
        }
      }
    });
  }

  it('refuses API tokens for creating organizations, even an admin token', async () => {
    const response = await call(h, 'POST', '/api/v1/organizations', { ...tokens.get('admin')!, body: { name: unique('Org') } });
    expect(response.status).toBe(403);
  });

  it('refuses a cookie-authenticated write without the CSRF token', async () => {
    const { cookie } = sessions.get('admin')!.headers as { cookie: string };
    const before = await countAllRows(h);
    const response = await call(h, 'POST', '/api/v1/users', { headers: { cookie }, body: { email: `${unique('u')}@example.com`, displayName: 'X', password: 'long enough password', role: 'contributor' } });
    expect(response.status).toBe(403);
    expect(response.json.error.details.reason).toBe('csrf');
    expect(await countAllRows(h)).toEqual(before);
  });

  it('answers 401, not 403, when there is no caller at all', async () => {
    for (const { route } of MATRIX) {
      const [method, path] = route.split(' ') as [string, string];
      const response = await call(h, method, `/api/v1${path.replace('{id}', '00000000-0000-7000-8000-000000000000')}`);
      expect(response.status, route).toBe(401);
      expect(response.json.error.code).toBe('UNAUTHENTICATED');
    }
  });
});
