import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../../src/domain/access/roles.js';
import { call, countAllRows, createBearer, createHarness, createMember, createOrg, loginHeaders, unique, uploadViaApi, type Harness, type TestOrg } from '../support/harness.js';
import { TEST_DIALECTS } from '../support/test-database.js';

const ALL = ROLES;
const SSO_SETTINGS = { issuer: 'https://idp.example.com', clientId: 'openaims', defaultRole: 'contributor', enabled: false };
const ADMIN: Role[] = ['admin'];
const WRITERS: Role[] = ['admin', 'governance_lead', 'risk_owner', 'system_owner', 'contributor'];
const SOA_TAILORS: Role[] = ['admin', 'governance_lead', 'risk_owner'];
const SOA_APPROVERS: Role[] = ['admin', 'approver'];

interface RouteCase {
  route: string;
  allowed: readonly Role[];
  /** People only: an API token is refused whatever its role. */
  peopleOnly?: true;
  /** Creates what the request needs beyond the common targets (before rows are counted). */
  prepare?: (h: Harness, as: (role: Role) => Auth) => Promise<Record<string, string>>;
  /** Sends the request as the given caller; returns the status. */
  send: (h: Harness, auth: Auth, ids: Ids, prepared: Record<string, string>) => Promise<number>;
}
type Auth = { token?: string; headers?: Record<string, string> };
interface Ids { evidenceId: string; tokenId: string; userId: string; email: string }

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
  { route: 'GET /catalogs', allowed: ALL, send: async (h, a) => (await call(h, 'GET', '/api/v1/catalogs', a)).status },
  { route: 'GET /catalogs/{id}', allowed: ALL, send: async (h, a) => (await call(h, 'GET', '/api/v1/catalogs/iso-iec-42001:2023', a)).status },
  { route: 'GET /crosswalks', allowed: ALL, send: async (h, a) => (await call(h, 'GET', '/api/v1/crosswalks', a)).status },
  { route: 'GET /crosswalks/{id}', allowed: ALL, send: async (h, a) => (await call(h, 'GET', '/api/v1/crosswalks/iso42001-2023_eu-ai-act-2024', a)).status },
  { route: 'GET /crosswalks/{id}/coverage', allowed: ALL, send: async (h, a) => (await call(h, 'GET', '/api/v1/crosswalks/iso42001-2023_eu-ai-act-2024/coverage', a)).status },
  { route: 'GET /soa', allowed: ALL, send: async (h, a) => (await call(h, 'GET', '/api/v1/soa', a)).status },
  { route: 'GET /soa/controls/{controlId}', allowed: ALL, send: async (h, a) => (await call(h, 'GET', '/api/v1/soa/controls/A.6.2.6', a)).status },
  { route: 'PATCH /soa/controls/{controlId}', allowed: SOA_TAILORS, send: async (h, a) => (await call(h, 'PATCH', '/api/v1/soa/controls/A.2.2', { ...a, body: { implementationPlan: unique('plan') } })).status },
  {
    route: 'POST /soa/controls/{controlId}/evidence/{evidenceId}/acceptance',
    allowed: SOA_APPROVERS,
    prepare: (h, as) => linkedToControl(h, as('contributor'), 'A.4.2'),
    send: async (h, a, _ids, p) => (await call(h, 'POST', `/api/v1/soa/controls/A.4.2/evidence/${p.evidenceId}/acceptance`, { ...a, body: {} })).status,
  },
  {
    route: 'DELETE /soa/controls/{controlId}/evidence/{evidenceId}/acceptance',
    allowed: SOA_APPROVERS,
    prepare: async (h, as) => {
      const evidenceId = (await linkedToControl(h, as('contributor'), 'A.4.3')).evidenceId!;
      const accepted = await call(h, 'POST', `/api/v1/soa/controls/A.4.3/evidence/${evidenceId}/acceptance`, { ...as('approver'), body: {} });
      if (accepted.status !== 201) throw new Error(accepted.text);
      return { evidenceId };
    },
    send: async (h, a, _ids, p) => (await call(h, 'DELETE', `/api/v1/soa/controls/A.4.3/evidence/${p.evidenceId}/acceptance`, a)).status,
  },
  { route: 'GET /soa/versions', allowed: ALL, send: async (h, a) => (await call(h, 'GET', '/api/v1/soa/versions', a)).status },
  { route: 'GET /soa/versions/{number}', allowed: ALL, prepare: openDraft, send: async (h, a) => (await call(h, 'GET', '/api/v1/soa/versions/1', a)).status },
  { route: 'POST /soa/issue', allowed: SOA_APPROVERS, prepare: openDraft, send: async (h, a) => (await call(h, 'POST', '/api/v1/soa/issue', { ...a, body: {} })).status },
  { route: 'GET /soa/diff', allowed: ALL, prepare: openDraft, send: async (h, a) => (await call(h, 'GET', '/api/v1/soa/diff?from=1&to=1', a)).status },
  { route: 'GET /soa/export', allowed: ALL, send: async (h, a) => (await call(h, 'GET', '/api/v1/soa/export?format=csv', a)).status },
  {
    route: 'POST /soa/import',
    allowed: SOA_TAILORS,
    send: async (h, a) => (await call(h, 'POST', '/api/v1/soa/import', { ...a, headers: { ...a.headers, 'content-type': 'text/csv' }, body: `control_id,applicability,implementation_plan\nA.2.3,applicable,${unique('plan')}\n` })).status,
  },
  { route: 'GET /jobs/failed', allowed: ADMIN, send: async (h, a) => (await call(h, 'GET', '/api/v1/jobs/failed', a)).status },
  {
    route: 'POST /jobs/failed/{jobId}/retry',
    allowed: ADMIN,
    prepare: async (h, as) => {
      const me = await call(h, 'GET', '/api/v1/me', as('admin'));
      const jobId = randomUUID();
      await h.testDb.raw("insert into job_dead_letters (job_id, name, organization_id, payload_json, attempts, last_error, failed_at) values (?, 'system.echo', ?, '{}', 4, 'failed in the matrix', ?)", [jobId, me.json.organization.id, new Date().toISOString()]);
      return { jobId };
    },
    send: async (h, a, _ids, p) => (await call(h, 'POST', `/api/v1/jobs/failed/${p.jobId}/retry`, a)).status,
  },
  {
    route: 'GET /sso',
    allowed: ADMIN,
    prepare: async (h, as) => {
      const saved = await call(h, 'PUT', '/api/v1/sso', { ...as('admin'), body: SSO_SETTINGS });
      if (saved.status !== 200) throw new Error(saved.text);
      return {};
    },
    send: async (h, a) => (await call(h, 'GET', '/api/v1/sso', a)).status,
  },
  { route: 'PUT /sso', allowed: ADMIN, send: async (h, a) => (await call(h, 'PUT', '/api/v1/sso', { ...a, body: SSO_SETTINGS })).status },
];

/** Evidence uploaded by someone other than the approvers (segregation of duties) and linked to a control. */
async function linkedToControl(h: Harness, uploader: Auth, controlId: string): Promise<Record<string, string>> {
  const upload = await uploadViaApi(h, uploader, { title: 'Control proof', kind: 'record' });
  const evidenceId = String(upload.json!.id);
  const linked = await call(h, 'POST', `/api/v1/evidence/${evidenceId}/links`, { ...uploader, body: { entityType: 'soa_control', entityId: controlId } });
  if (linked.status !== 201) throw new Error(linked.text);
  return { evidenceId };
}

/** Every control decided and owned once, then a change, so an issuable draft is open. */
async function openDraft(h: Harness, as: (role: Role) => Auth): Promise<Record<string, string>> {
  const admin = as('admin');
  const soa = await call(h, 'GET', '/api/v1/soa', admin);
  const me = await call(h, 'GET', '/api/v1/me', admin);
  for (const control of soa.json.controls as Array<{ controlId: string; applicability: string; ownerUserId: string | null; justification: string | null }>) {
    if (control.applicability !== 'undecided' && control.ownerUserId && control.justification) continue;
    await call(h, 'PATCH', `/api/v1/soa/controls/${control.controlId}`, { ...admin, body: { applicability: 'applicable', justification: 'In scope', ownerUserId: me.json.user.id } });
  }
  const changed = await call(h, 'PATCH', '/api/v1/soa/controls/A.9.2', { ...admin, body: { implementationPlan: unique('plan') } });
  if (changed.status !== 200) throw new Error(changed.text);
  return {};
}

const SUCCESS = new Set([200, 201, 204]);

describe.each(TEST_DIALECTS)('permission matrix on %s', (dialect) => {
  let h: Harness;
  let org: TestOrg;
  const sessions = new Map<Role, Auth>();
  const tokens = new Map<Role, Auth>();

  beforeAll(async () => {
    h = await createHarness(dialect);
    org = await createOrg(h);
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
    return { evidenceId: String(upload.json!.id), tokenId: token.json.id, userId: member.userId!, email: member.email };
  }

  it('covers every route the API documents', async () => {
    const doc = await call(h, 'GET', '/api/v1/openapi.json');
    const documented = Object.entries(doc.json.paths as Record<string, Record<string, { security?: unknown[] }>>)
      .flatMap(([path, methods]) => Object.entries(methods).filter(([, op]) => op.security).map(([method]) => `${method.toUpperCase()} ${path}`))
      .filter((route) => !route.startsWith('POST /auth/'));
    expect(documented.sort()).toEqual(MATRIX.map((c) => c.route).sort());
  });

  for (const mode of ['token', 'session'] as const) {
    it.each(MATRIX)(`lets exactly the right roles use $route (${mode})`, async ({ allowed, peopleOnly, prepare, send }) => {
      for (const role of ROLES) {
        const auth = (mode === 'token' ? tokens : sessions).get(role)!;
        const ids = await targets();
        const prepared = prepare ? await prepare(h, (r) => tokens.get(r)!) : {};
        const before = await countAllRows(h);
        const status = await send(h, auth, ids, prepared);
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
