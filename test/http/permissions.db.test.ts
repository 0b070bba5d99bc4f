import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../../src/domain/access/roles.js';
import { call, countAllRows, createBearer, createHarness, createMember, createOrg, loginHeaders, unique, uploadViaApi, type Harness, type TestOrg } from '../support/harness.js';
import { TEST_DIALECTS } from '../support/test-database.js';
import { creditEngineAnswers, inventoryCreditEngine, type CreditEngine } from '../support/inventory-fixtures.js';

const ALL = ROLES;
const SSO_SETTINGS = { issuer: 'https://idp.example.com', clientId: 'openaims', defaultRole: 'contributor', enabled: false };
const ADMIN: Role[] = ['admin'];
const WRITERS: Role[] = ['admin', 'governance_lead', 'risk_owner', 'system_owner', 'contributor'];
const SOA_TAILORS: Role[] = ['admin', 'governance_lead', 'risk_owner'];
const SOA_APPROVERS: Role[] = ['admin', 'approver'];
const IMPACT_WRITERS: Role[] = WRITERS;
const IMPACT_APPROVERS: Role[] = ['admin', 'approver'];
const RISK_WRITERS: Role[] = ['admin', 'governance_lead', 'risk_owner', 'system_owner'];
const RISK_CONFIGURERS: Role[] = ['admin', 'governance_lead'];
const RISK_ACCEPTERS: Role[] = ['approver'];
const RANKERS: Role[] = ['admin', 'governance_lead'];

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
  {
    route: 'PUT /soa/controls/{controlId}/responsibilities/{supplierId}',
    allowed: SOA_TAILORS,
    prepare: (h, as) => newSupplier(h, as('admin')),
    send: async (h, a, _ids, p) => (await call(h, 'PUT', `/api/v1/soa/controls/A.10.3/responsibilities/${p.supplierId}`, { ...a, body: { holder: 'shared', contractReference: 'MSA-1' } })).status,
  },
  {
    route: 'DELETE /soa/controls/{controlId}/responsibilities/{supplierId}',
    allowed: SOA_TAILORS,
    prepare: async (h, as) => {
      const { supplierId } = await newSupplier(h, as('admin'));
      const set = await call(h, 'PUT', `/api/v1/soa/controls/A.10.3/responsibilities/${supplierId}`, { ...as('admin'), body: { holder: 'ours' } });
      if (set.status !== 200) throw new Error(set.text);
      return { supplierId: supplierId! };
    },
    send: async (h, a, _ids, p) => (await call(h, 'DELETE', `/api/v1/soa/controls/A.10.3/responsibilities/${p.supplierId}`, a)).status,
  },
  { route: 'GET /soa/versions', allowed: ALL, send: async (h, a) => (await call(h, 'GET', '/api/v1/soa/versions', a)).status },
  { route: 'GET /soa/versions/{number}', allowed: ALL, prepare: openDraft, send: async (h, a) => (await call(h, 'GET', '/api/v1/soa/versions/1', a)).status },
  { route: 'POST /soa/issue', allowed: SOA_APPROVERS, prepare: openDraft, send: async (h, a) => (await call(h, 'POST', '/api/v1/soa/issue', { ...a, body: {} })).status },
  { route: 'GET /soa/diff', allowed: ALL, prepare: openDraft, send: async (h, a) => (await call(h, 'GET', '/api/v1/soa/diff?from=1&to=1', a)).status },
  { route: 'GET /soa/export', allowed: ALL, send: async (h, a) => (await call(h, 'GET', '/api/v1/soa/export?format=csv', a)).status },
  { route: 'GET /impact-assessments', allowed: ALL, send: async (h, a) => (await call(h, 'GET', '/api/v1/impact-assessments', a)).status },
  { route: 'POST /systems/{id}/impact-assessments', allowed: IMPACT_WRITERS, prepare: (h, as) => newSystem(h, as('admin')), send: async (h, a, _i, p) => (await call(h, 'POST', `/api/v1/systems/${p.systemId}/impact-assessments`, { ...a, body: { content: ASSESSMENT } })).status },
  { route: 'GET /impact-assessments/{id}', allowed: ALL, prepare: (h, as) => newAssessment(h, as, 'draft'), send: async (h, a, _i, p) => (await call(h, 'GET', `/api/v1/impact-assessments/${p.assessmentId}`, a)).status },
  { route: 'PUT /impact-assessments/{id}', allowed: IMPACT_WRITERS, prepare: (h, as) => newAssessment(h, as, 'draft'), send: async (h, a, _i, p) => (await call(h, 'PUT', `/api/v1/impact-assessments/${p.assessmentId}`, { ...a, body: { content: ASSESSMENT } })).status },
  { route: 'POST /impact-assessments/{id}/submit', allowed: IMPACT_WRITERS, prepare: (h, as) => newAssessment(h, as, 'draft'), send: async (h, a, _i, p) => (await call(h, 'POST', `/api/v1/impact-assessments/${p.assessmentId}/submit`, a)).status },
  { route: 'POST /impact-assessments/{id}/decision', allowed: IMPACT_APPROVERS, prepare: (h, as) => newAssessment(h, as, 'submitted', 'contributor'), send: async (h, a, _i, p) => (await call(h, 'POST', `/api/v1/impact-assessments/${p.assessmentId}/decision`, { ...a, body: { decision: 'approve' } })).status },
  { route: 'GET /risks', allowed: ALL, send: async (h, a) => (await call(h, 'GET', '/api/v1/risks', a)).status },
  { route: 'POST /risks', allowed: RISK_WRITERS, prepare: (h, as) => assessedSystem(h, as), send: async (h, a, _i, p) => (await call(h, 'POST', '/api/v1/risks', { ...a, body: { systemId: p.systemId, title: 'Bias', ownerUserId: p.ownerId, likelihood: 2, severity: 2, stakeholderImpact: 2 } })).status },
  { route: 'GET /risks/heatmap', allowed: ALL, send: async (h, a) => (await call(h, 'GET', '/api/v1/risks/heatmap', a)).status },
  { route: 'GET /risks/export', allowed: ALL, send: async (h, a) => (await call(h, 'GET', '/api/v1/risks/export?format=csv', a)).status },
  {
    route: 'POST /risks/import',
    allowed: RISK_WRITERS,
    prepare: (h, as) => assessedSystem(h, as),
    send: async (h, a, _i, p) => (await call(h, 'POST', '/api/v1/risks/import', { ...a, headers: { ...a.headers, 'content-type': 'text/csv' }, body: `system,title,owner_email,likelihood,severity,stakeholder_impact\n${p.systemName},Drift,${p.ownerEmail},2,2,2\n` })).status,
  },
  { route: 'GET /risks/{id}', allowed: ALL, prepare: (h, as) => newRisk(h, as), send: async (h, a, _i, p) => (await call(h, 'GET', `/api/v1/risks/${p.riskId}`, a)).status },
  { route: 'PUT /risks/{id}/assessment', allowed: RISK_WRITERS, prepare: (h, as) => newRisk(h, as), send: async (h, a, _i, p) => (await call(h, 'PUT', `/api/v1/risks/${p.riskId}/assessment`, { ...a, body: { likelihood: 5, severity: 5, stakeholderImpact: 5 } })).status },
  { route: 'PUT /risks/{id}/treatment', allowed: RISK_WRITERS, prepare: (h, as) => newRisk(h, as), send: async (h, a, _i, p) => (await call(h, 'PUT', `/api/v1/risks/${p.riskId}/treatment`, { ...a, body: { treatment: 'mitigate', controlIds: ['A.6.2.4'], residual: { likelihood: 3, severity: 4, stakeholderImpact: 4 } } })).status },
  {
    route: 'POST /risks/{id}/acceptance',
    allowed: RISK_ACCEPTERS,
    prepare: async (h, as) => {
      const { riskId } = await newRisk(h, as);
      const treated = await call(h, 'PUT', `/api/v1/risks/${riskId}/treatment`, { ...as('admin'), body: { treatment: 'transfer', controlIds: ['A.6.2.4'], residual: { likelihood: 4, severity: 4, stakeholderImpact: 4 } } });
      if (treated.status !== 200) throw new Error(treated.text);
      return { riskId: riskId! };
    },
    send: async (h, a, _i, p) => (await call(h, 'POST', `/api/v1/risks/${p.riskId}/acceptance`, { ...a, body: { justification: 'Board decision', expiresOn: new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10) } })).status,
  },
  { route: 'POST /risks/{id}/close', allowed: RISK_WRITERS, prepare: (h, as) => newRisk(h, as), send: async (h, a, _i, p) => (await call(h, 'POST', `/api/v1/risks/${p.riskId}/close`, { ...a, body: { reason: 'System retired' } })).status },
  { route: 'GET /scoring-method', allowed: ALL, send: async (h, a) => (await call(h, 'GET', '/api/v1/scoring-method', a)).status },
  { route: 'GET /scoring-method/versions', allowed: ALL, send: async (h, a) => (await call(h, 'GET', '/api/v1/scoring-method/versions', a)).status },
  { route: 'GET /scoring-method/document', allowed: ALL, send: async (h, a) => (await call(h, 'GET', '/api/v1/scoring-method/document', a)).status },
  {
    route: 'PUT /scoring-method',
    allowed: RISK_CONFIGURERS,
    send: async (h, a) => {
      const { DEFAULT_SCORING_METHOD } = await import('../../src/domain/risk/scoring-method.js');
      return (await call(h, 'PUT', '/api/v1/scoring-method', { ...a, body: { method: DEFAULT_SCORING_METHOD, reason: unique('reason') } })).status;
    },
  },
  { route: 'GET /reviews', allowed: ALL, send: async (h, a) => (await call(h, 'GET', '/api/v1/reviews', a)).status },
  { route: 'POST /review-triggers', allowed: RISK_CONFIGURERS, send: async (h, a) => (await call(h, 'POST', '/api/v1/review-triggers', { ...a, body: { reason: 'New guidance' } })).status },
  {
    route: 'POST /soa/import',
    allowed: SOA_TAILORS,
    send: async (h, a) => (await call(h, 'POST', '/api/v1/soa/import', { ...a, headers: { ...a.headers, 'content-type': 'text/csv' }, body: `control_id,applicability,implementation_plan\nA.2.3,applicable,${unique('plan')}\n` })).status,
  },
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
  { route: 'PUT /sso', allowed: ADMIN, send: async (h, a) => (await call(h, 'PUT', '/api/v1/sso', { ...a, body: SSO_SETTINGS })).status },  {
    route: 'POST /systems/{id}/predictions',
    allowed: WRITERS,
    send: async (h, a, ids) => (await call(h, 'POST', `/api/v1/systems/${ids.systemId}/predictions?batchId=${unique('b')}`, { ...a, headers: { ...a.headers, 'content-type': 'text/csv' }, body: `prediction_id,timestamp,prediction,x\n${unique('p')},2026-01-01T00:00:00Z,1,0.5\n` })).status,
  },
  {
    route: 'POST /systems/{id}/labels',
    allowed: WRITERS,
    prepare: async (h, as) => {
      const { systemId } = await newSystem(h, as('admin'));
      const predictionId = unique('p');
      const sent = await call(h, 'POST', `/api/v1/systems/${systemId}/predictions?batchId=${unique('b')}`, { ...as('admin'), headers: { ...as('admin').headers, 'content-type': 'text/csv' }, body: `prediction_id,timestamp,prediction\n${predictionId},2026-01-01T00:00:00Z,1\n` });
      if (sent.status !== 201) throw new Error(sent.text);
      return { systemId: systemId!, predictionId };
    },
    send: async (h, a, _ids, p) => (await call(h, 'POST', `/api/v1/systems/${p.systemId}/labels?batchId=${unique('l')}`, { ...a, headers: { ...a.headers, 'content-type': 'application/x-ndjson' }, body: `${JSON.stringify({ predictionId: p.predictionId, label: '1' })}\n` })).status,
  },
  { route: 'GET /systems/{id}/predictions/summary', allowed: ALL, send: async (h, a, ids) => (await call(h, 'GET', `/api/v1/systems/${ids.systemId}/predictions/summary`, a)).status },
];

/** Evidence uploaded by someone other than the approvers (segregation of duties) and linked to a control. */
async function linkedToControl(h: Harness, uploader: Auth, controlId: string): Promise<Record<string, string>> {
  const upload = await uploadViaApi(h, uploader, { title: 'Control proof', kind: 'record' });
  const evidenceId = String(upload.json!.id);
  const linked = await call(h, 'POST', `/api/v1/evidence/${evidenceId}/links`, { ...uploader, body: { entityType: 'soa_control', entityId: controlId } });
  if (linked.status !== 201) throw new Error(linked.text);
  return { evidenceId };
}

const ASSESSMENT = {
  purpose: 'Screen loan applications',
  intendedUse: 'Pre-screening; a person decides',
  foreseeableMisuse: 'Sole basis for refusal',
  stakeholders: [{ group: 'Applicants', vulnerable: false }],
  impacts: [{ kind: 'harm', description: 'Unfair refusal', affects: 'individuals', severity: 3, likelihood: 2 }],
  mitigations: ['Human review'],
  humanOversight: 'Human in the loop',
};

async function ok(h: Harness, method: string, path: string, auth: Auth, body?: unknown) {
  const response = await call(h, method, path, { ...auth, body });
  if (response.status >= 300) throw new Error(`${method} ${path}: ${response.status} ${response.text}`);
  return response.json;
}

async function newSystem(h: Harness, admin: Auth): Promise<Record<string, string>> {
  const system = await ok(h, 'POST', '/api/v1/systems', admin, { name: unique('System'), purpose: 'Scores loans', organizationRoles: ['deployer'] });
  return { systemId: system.id, systemName: system.name };
}

/** A system with an assessment written by `author`, left as a draft or submitted. */
async function newAssessment(h: Harness, as: (role: Role) => Auth, state: 'draft' | 'submitted', author: Role = 'admin'): Promise<Record<string, string>> {
  const { systemId } = await newSystem(h, as('admin'));
  const started = await ok(h, 'POST', `/api/v1/systems/${systemId}/impact-assessments`, as(author), { content: ASSESSMENT });
  if (state === 'submitted') await ok(h, 'POST', `/api/v1/impact-assessments/${started.id}/submit`, as(author));
  return { systemId: systemId!, assessmentId: started.id };
}

const assessed = new WeakMap<Harness, Promise<Record<string, string>>>();
/** One system with an approved impact assessment per harness, owned by the admin, shared by the risk cases. */
function assessedSystem(h: Harness, as: (role: Role) => Auth): Promise<Record<string, string>> {
  if (!assessed.has(h)) {
    assessed.set(h, (async () => {
      const { systemId, assessmentId } = await newAssessment(h, as, 'submitted', 'contributor');
      await ok(h, 'POST', `/api/v1/impact-assessments/${assessmentId}/decision`, as('approver'), { decision: 'approve' });
      const me = await ok(h, 'GET', '/api/v1/me', as('admin'));
      const system = await ok(h, 'GET', `/api/v1/systems/${systemId}`, as('admin'));
      return { systemId: systemId!, systemName: system.name, ownerId: me.user.id, ownerEmail: me.user.email };
    })());
  }
  return assessed.get(h)!;
}

async function newRisk(h: Harness, as: (role: Role) => Auth): Promise<Record<string, string>> {
  const { systemId, ownerId } = await assessedSystem(h, as);
  const risk = await ok(h, 'POST', '/api/v1/risks', as('admin'), { systemId, title: unique('Risk'), ownerUserId: ownerId, likelihood: 5, severity: 5, stakeholderImpact: 5 });
  return { riskId: risk.id };
}

async function newSupplier(h: Harness, admin: Auth): Promise<Record<string, string>> {
  const supplier = await call(h, 'POST', '/api/v1/suppliers', { ...admin, body: { name: unique('Supplier'), kind: 'model_api' } });
  if (supplier.status !== 201) throw new Error(supplier.text);
  return { supplierId: String(supplier.json.id) };
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
