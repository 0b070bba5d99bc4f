import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyTrail } from '../../src/app/trail/verify-trail.js';
import { listTrailEvents } from '../../src/app/trail/list-trail-events.js';
import { ANNEX_A_CONTROL_IDS } from '../../src/domain/catalog/index.js';
import { call, countAllRows, createBearer, createHarness, createMember, createOrg, uploadViaApi, type Harness, type TestOrg } from '../support/harness.js';
import { TEST_DIALECTS } from '../support/test-database.js';

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
const EU_CROSSWALK = 'iso42001-2023_eu-ai-act-2024';

describe.each(TEST_DIALECTS)('Statement of Applicability on %s', (dialect) => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness(dialect);
  });
  afterAll(() => h.dispose());

  /** An organization with a governance lead (tailors), an approver, a contributor and their tokens. */
  async function team() {
    const org = await createOrg(h);
    const lead = await createMember(h, org, 'governance_lead');
    const approverToken = await createBearer(h, org, 'approver');
    const leadToken = await tokenFor(org, lead.email, 'governance_lead');
    const contributorToken = await createBearer(h, org, 'contributor');
    return { org, lead, leadToken, approverToken, contributorToken };
  }
  async function tokenFor(org: TestOrg, email: string, role: 'governance_lead') {
    const { createApiToken } = await import('../../src/app/identity/create-api-token.js');
    return (await createApiToken(h.deps, org.admin, { email, name: `t-${email}`, role })).token;
  }
  /** Tailors every control: A.10.x excluded (no suppliers), the rest applicable and owned by the lead. */
  async function tailorAll(token: string, ownerUserId: string) {
    for (const controlId of ANNEX_A_CONTROL_IDS) {
      const body = controlId.startsWith('A.10.')
        ? { applicability: 'excluded', justification: 'We use no third-party AI components and have no AI customers' }
        : { applicability: 'applicable', justification: 'Needed to treat our AI risks', ownerUserId, implementationPlan: 'Document, then run for one quarter' };
      const response = await call(h, 'PATCH', `/api/v1/soa/controls/${controlId}`, { token, body });
      expect(response.status, `${controlId}: ${response.text}`).toBe(200);
    }
  }
  async function linkedEvidence(token: string, controlId: string, fields: Record<string, string> = {}) {
    const uploaded = await uploadViaApi(h, { token }, { title: `Proof for ${controlId}`, kind: 'record', ...fields });
    expect(uploaded.status).toBe(201);
    const id = uploaded.json!.id as string;
    const linked = await call(h, 'POST', `/api/v1/evidence/${id}/links`, { token, body: { entityType: 'soa_control', entityId: controlId } });
    expect(linked.status).toBe(201);
    return id;
  }

  it('a new organization sees all 38 Annex A controls, undecided, in an unsaved draft of version 1', async () => {
    const { leadToken } = await team();
    const soa = await call(h, 'GET', '/api/v1/soa', { token: leadToken });
    expect(soa.status).toBe(200);
    expect(soa.json.controls.map((c: { controlId: string }) => c.controlId)).toEqual([...ANNEX_A_CONTROL_IDS]);
    expect(soa.json.controls.every((c: { applicability: string; status: string }) => c.applicability === 'undecided' && c.status === 'not_started')).toBe(true);
    expect(soa.json.version).toMatchObject({ number: 1, state: 'draft' });
    expect((await call(h, 'GET', '/api/v1/soa/versions', { token: leadToken })).json).toEqual([]);
  });

  it('tailors all 38 controls, issues version 1 frozen with its hash, and exports it', async () => {
    const { org, lead, leadToken, approverToken } = await team();
    await tailorAll(leadToken, lead.userId!);
    const issued = await call(h, 'POST', '/api/v1/soa/issue', { token: approverToken, body: { note: 'First SoA' } });
    expect(issued.status).toBe(201);
    expect(issued.json).toMatchObject({ number: 1, state: 'issued', issueNote: 'First SoA' });
    expect(issued.json.documentSha256).toMatch(/^[0-9a-f]{64}$/);

    const v1 = (await call(h, 'GET', '/api/v1/soa/versions/1', { token: leadToken })).json;
    expect(v1.version).toMatchObject({ number: 1, state: 'issued', issuedBy: expect.stringContaining('approver') });
    expect(v1.controls.filter((c: { status: string }) => c.status === 'not_applicable')).toHaveLength(3);
    expect(v1.controls.filter((c: { status: string }) => c.status === 'planned')).toHaveLength(35);

    const again = await call(h, 'POST', '/api/v1/soa/issue', { token: approverToken, body: {} });
    expect(again.status).toBe(409);
    expect(again.json.error.message).toMatch(/nothing has changed since version 1/);

    const csv = await call(h, 'GET', '/api/v1/soa/export?format=csv&version=1', { token: leadToken });
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toMatch(/text\/csv/);
    const lines = csv.text.trim().split('\n');
    expect(lines[0]).toBe('control_id,title,applicability,justification,owner_email,implementation_plan,status,status_reasons,evidence');
    expect(lines).toHaveLength(39);
    expect(csv.text).toContain(lead.email);

    const html = await call(h, 'GET', '/api/v1/soa/export?format=html&version=1', { token: leadToken });
    expect(html.text).toContain('Version 1, issued');
    expect(html.text).toContain(org.name);
    expect(html.text).toContain('A.10.4');

    const oscal = await call(h, 'GET', '/api/v1/soa/export?format=oscal&version=1', { token: leadToken });
    expect(Object.keys(oscal.json).sort()).toEqual(['oscal-catalog', 'oscal-component-definition', 'oscal-profile']);
    expect(oscal.json['oscal-profile'].profile.imports[0]['include-controls'][0]['with-ids']).toHaveLength(35);
  });

  it('a change after issuing opens draft 2; the diff names the control and the fields', async () => {
    const { lead, leadToken, approverToken } = await team();
    await tailorAll(leadToken, lead.userId!);
    expect((await call(h, 'POST', '/api/v1/soa/issue', { token: approverToken, body: {} })).status).toBe(201);
    const change = await call(h, 'PATCH', '/api/v1/soa/controls/A.10.3', { token: leadToken, body: { applicability: 'applicable', justification: 'We now buy a scoring model', ownerUserId: lead.userId } });
    expect(change.status).toBe(200);
    const versions = (await call(h, 'GET', '/api/v1/soa/versions', { token: leadToken })).json;
    expect(versions.map((v: { number: number; state: string }) => [v.number, v.state])).toEqual([[2, 'draft'], [1, 'issued']]);
    const frozen = (await call(h, 'GET', '/api/v1/soa/versions/1', { token: leadToken })).json;
    expect(frozen.controls.find((c: { controlId: string }) => c.controlId === 'A.10.3').applicability).toBe('excluded');
    const diff = await call(h, 'GET', '/api/v1/soa/diff?from=1&to=2', { token: leadToken });
    expect(diff.status).toBe(200);
    expect(diff.json.controls).toHaveLength(1);
    expect(diff.json.controls[0].controlId).toBe('A.10.3');
    expect(diff.json.controls[0].changes.map((c: { field: string }) => c.field)).toEqual(['applicability', 'justification', 'owner', 'status']);
    expect((await call(h, 'GET', '/api/v1/soa/diff?from=1&to=9', { token: leadToken })).status).toBe(404);
  });

  it('refuses to issue while controls are undecided, naming each one, and writes nothing', async () => {
    const { lead, leadToken, approverToken } = await team();
    await call(h, 'PATCH', '/api/v1/soa/controls/A.2.2', { token: leadToken, body: { applicability: 'applicable', ownerUserId: lead.userId } });
    const before = await countAllRows(h);
    const refused = await call(h, 'POST', '/api/v1/soa/issue', { token: approverToken, body: {} });
    expect(refused.status).toBe(400);
    const fields = refused.json.error.details.fields.map((f: { field: string }) => f.field);
    expect(fields).toContain('controls.A.2.2.justification');
    expect(fields).toContain('controls.A.2.3.applicability');
    expect(fields).toHaveLength(38);
    expect(await countAllRows(h)).toEqual(before);
  });

  it('status is derived: planned, implemented once an approver accepts valid evidence, needs_review when it has expired', async () => {
    const { lead, leadToken, approverToken, contributorToken } = await team();
    await call(h, 'PATCH', '/api/v1/soa/controls/A.2.2', { token: leadToken, body: { applicability: 'applicable', ownerUserId: lead.userId, implementationPlan: 'Board approves the AI policy' } });
    const control = async (id: string) => (await call(h, 'GET', `/api/v1/soa/controls/${id}`, { token: leadToken })).json;
    expect((await control('A.2.2')).status).toBe('planned');

    const evidenceId = await linkedEvidence(contributorToken, 'A.2.2', { validUntil: day(30) });
    expect((await control('A.2.2')).status).toBe('planned');
    expect((await control('A.2.2')).statusReasons).toContain('linked evidence not yet accepted by an approver');
    const accepted = await call(h, 'POST', `/api/v1/soa/controls/A.2.2/evidence/${evidenceId}/acceptance`, { token: approverToken, body: { note: 'Signed policy' } });
    expect(accepted.status).toBe(201);
    const implemented = await control('A.2.2');
    expect(implemented.status).toBe('implemented');
    expect(implemented.evidence[0]).toMatchObject({ evidenceId, current: true, acceptedAt: expect.any(String) });
    expect((await call(h, 'POST', `/api/v1/soa/controls/A.2.2/evidence/${evidenceId}/acceptance`, { token: approverToken, body: {} })).status).toBe(409);

    await call(h, 'PATCH', '/api/v1/soa/controls/A.2.3', { token: leadToken, body: { applicability: 'applicable', ownerUserId: lead.userId, implementationPlan: 'Map to the ISMS policies' } });
    const expiredId = await linkedEvidence(contributorToken, 'A.2.3', { validFrom: day(-400), validUntil: day(-1) });
    expect((await call(h, 'POST', `/api/v1/soa/controls/A.2.3/evidence/${expiredId}/acceptance`, { token: approverToken, body: {} })).status).toBe(201);
    const stale = await control('A.2.3');
    expect(stale.status).toBe('needs_review');
    expect(stale.statusReasons[0]).toMatch(/expired/);

    const withdrawn = await call(h, 'DELETE', `/api/v1/soa/controls/A.2.2/evidence/${evidenceId}/acceptance`, { token: approverToken });
    expect(withdrawn.status).toBe(204);
    expect((await control('A.2.2')).status).toBe('planned');
  });

  it('segregation of duties: an approver cannot accept evidence they uploaded; evidence must be linked first', async () => {
    const { org, contributorToken } = await team();
    const approver2 = await createBearer(h, org, 'approver');
    const unlinked = await uploadViaApi(h, { token: contributorToken }, { title: 'Not linked', kind: 'record' });
    const ownId = unlinked.json!.id as string;
    const adminToken = await createBearer(h, org, 'admin');
    const mine = await uploadViaApi(h, { token: adminToken }, { title: 'Admin upload', kind: 'record' });
    const mineId = mine.json!.id as string;
    await call(h, 'POST', `/api/v1/evidence/${mineId}/links`, { token: adminToken, body: { entityType: 'soa_control', entityId: 'A.4.2' } });
    const selfAccept = await call(h, 'POST', `/api/v1/soa/controls/A.4.2/evidence/${mineId}/acceptance`, { token: adminToken, body: {} });
    expect(selfAccept.status).toBe(403);
    expect(selfAccept.json.error.message).toMatch(/segregation of duties/);
    const notLinked = await call(h, 'POST', `/api/v1/soa/controls/A.4.2/evidence/${ownId}/acceptance`, { token: approver2, body: {} });
    expect(notLinked.status).toBe(409);
    expect(notLinked.json.error.details.fields[0].field).toBe('evidenceId');
    expect((await call(h, 'POST', `/api/v1/soa/controls/A.4.2/evidence/${mineId}/acceptance`, { token: approver2, body: {} })).status).toBe(201);
  });

  it('bad input names the field and writes nothing', async () => {
    const { leadToken } = await team();
    const other = await createOrg(h);
    const before = await countAllRows(h);
    const cases: Array<[string, string, unknown, number, string]> = [
      ['PATCH', '/api/v1/soa/controls/A.2.2', { applicability: 'excluded' }, 400, 'justification'],
      ['PATCH', '/api/v1/soa/controls/A.2.2', { applicability: 'excluded', justification: '   ' }, 400, 'justification'],
      ['PATCH', '/api/v1/soa/controls/A.5.1', { applicability: 'applicable' }, 404, 'controlId'],
      ['PATCH', '/api/v1/soa/controls/B.2.2', { applicability: 'applicable' }, 400, 'controlId'],
      ['PATCH', '/api/v1/soa/controls/A.2.2', { applicability: 'maybe' }, 400, 'applicability'],
      ['PATCH', '/api/v1/soa/controls/A.2.2', { ownerUserId: other.admin.userId }, 400, 'ownerUserId'],
      ['PATCH', '/api/v1/soa/controls/A.2.2', { status: 'implemented' }, 400, 'status'],
      ['PATCH', '/api/v1/soa/controls/A.2.2', { justification: 'x'.repeat(2001) }, 400, 'justification'],
      ['PATCH', '/api/v1/soa/controls/A.2.2', {}, 400, '(body)'],
    ];
    for (const [method, path, body, status, field] of cases) {
      const response = await call(h, method, path, { token: leadToken, body });
      expect(response.status, `${path} ${JSON.stringify(body)}: ${response.text}`).toBe(status);
      expect(response.json.error.details.fields.map((f: { field: string }) => f.field), response.text).toContain(field);
    }
    expect(await countAllRows(h)).toEqual(before);
  });

  it('evidence from another organization cannot be accepted or linked to a control', async () => {
    const { approverToken, contributorToken } = await team();
    const other = await team();
    const foreign = await linkedEvidence(other.contributorToken, 'A.6.2.6');
    const before = await countAllRows(h);
    expect((await call(h, 'POST', `/api/v1/soa/controls/A.6.2.6/evidence/${foreign}/acceptance`, { token: approverToken, body: {} })).status).toBe(404);
    expect((await call(h, 'POST', `/api/v1/evidence/${foreign}/links`, { token: contributorToken, body: { entityType: 'soa_control', entityId: 'A.6.2.6' } })).status).toBe(404);
    expect(await countAllRows(h)).toEqual(before);
  });

  it('roles: contributors and approvers cannot tailor; only approvers and admins issue and accept; auditors read', async () => {
    const { org, leadToken, contributorToken, approverToken } = await team();
    const auditor = await createBearer(h, org, 'internal_auditor');
    const riskOwner = await createBearer(h, org, 'risk_owner');
    const patch = (token: string) => call(h, 'PATCH', '/api/v1/soa/controls/A.2.2', { token, body: { applicability: 'applicable' } });
    expect((await patch(contributorToken)).status).toBe(403);
    expect((await patch(approverToken)).status).toBe(403);
    expect((await patch(auditor)).status).toBe(403);
    expect((await patch(riskOwner)).status).toBe(200);
    expect((await call(h, 'POST', '/api/v1/soa/issue', { token: leadToken, body: {} })).status).toBe(403);
    expect((await call(h, 'GET', '/api/v1/soa', { token: auditor })).status).toBe(200);
    expect((await call(h, 'GET', '/api/v1/soa/export?format=csv', { token: auditor })).status).toBe(200);
  });

  it('imports decisions from CSV: the export round-trips, and a file with bad rows reports each one and changes nothing', async () => {
    const { lead, leadToken } = await team();
    await tailorAll(leadToken, lead.userId!);
    const exported = (await call(h, 'GET', '/api/v1/soa/export?format=csv', { token: leadToken })).text;
    const roundTrip = await call(h, 'POST', '/api/v1/soa/import', { token: leadToken, headers: { 'content-type': 'text/csv' }, body: exported });
    expect(roundTrip.status).toBe(200);
    expect(roundTrip.json).toEqual({ rowsRead: 38, controlsChanged: 0, controlsUnchanged: 38 });

    const good = `control_id,applicability,justification,owner_email\nA.10.2,applicable,We now sell to customers,${lead.email}\nA.2.2,undecided,,\n`;
    expect((await call(h, 'POST', '/api/v1/soa/import', { token: leadToken, headers: { 'content-type': 'text/csv' }, body: good })).json).toEqual({ rowsRead: 2, controlsChanged: 1, controlsUnchanged: 1 });
    expect((await call(h, 'GET', '/api/v1/soa/controls/A.2.2', { token: leadToken })).json.applicability).toBe('applicable');

    const before = await countAllRows(h);
    const bad = [
      'control_id,applicability,justification,owner_email,implementation_plan',
      'A.2.2,applicable,Fine,,Plan',
      'A.5.1,applicable,Invented ID,,',
      'A.2.3,excluded,,,',
      'A.2.4,perhaps,Why not,,',
      `A.3.2,applicable,Owned,nobody@example.com,`,
      'A.2.2,applicable,Again,,',
    ].join('\n');
    const refused = await call(h, 'POST', '/api/v1/soa/import', { token: leadToken, headers: { 'content-type': 'text/csv' }, body: bad });
    expect(refused.status).toBe(400);
    expect(refused.json.error.details.fields).toEqual([
      { field: 'row 3.control_id', reason: 'A.5.1 is not an ISO/IEC 42001 Annex A control ID' },
      { field: 'row 4.justification', reason: 'is required to exclude a control' },
      { field: 'row 5.applicability', reason: 'must be applicable or excluded (or undecided with the other columns empty, to leave the control as it is)' },
      { field: 'row 6.owner_email', reason: 'nobody@example.com is not a member of this organization' },
      { field: 'row 7.control_id', reason: 'A.2.2 appears again (first on row 2)' },
    ]);
    const malformed = await call(h, 'POST', '/api/v1/soa/import', { token: leadToken, headers: { 'content-type': 'text/csv' }, body: 'control_id,applicability\n"A.2.2,applicable\n' });
    expect(malformed.status).toBe(400);
    expect(malformed.json.error.details.fields[0].field).toMatch(/^row \d+/);
    const unknownColumn = await call(h, 'POST', '/api/v1/soa/import', { token: leadToken, headers: { 'content-type': 'text/csv' }, body: 'control_id,applicability,status_override\n' });
    expect(unknownColumn.json.error.details.fields).toEqual([{ field: 'row 1.status_override', reason: 'is not a known column' }]);
    expect((await call(h, 'POST', '/api/v1/soa/import', { token: leadToken, headers: { 'content-type': 'application/json' }, body: '{}' })).status).toBe(415);
    expect(await countAllRows(h)).toEqual(before);
  });

  it('coverage of the EU AI Act is computed from the SoA: per article, with the gaps listed', async () => {
    const { lead, leadToken, approverToken, contributorToken } = await team();
    const coverage = async () => (await call(h, 'GET', `/api/v1/crosswalks/${EU_CROSSWALK}/coverage`, { token: leadToken })).json;
    const initial = await coverage();
    const art9 = initial.items.find((i: { id: string }) => i.id === 'Art. 9');
    expect(art9.state).toBe('gap');
    expect(art9.mappedBy.some((m: { kind: string }) => m.kind === 'control')).toBe(true);
    expect(art9.mappedBy[0]).toMatchObject({ relation: expect.any(String), confidence: expect.any(String), source: expect.any(String) });
    expect(art9.gaps.length).toBeGreaterThan(0);

    const controls = art9.mappedBy.filter((m: { kind: string }) => m.kind === 'control').map((m: { id: string }) => m.id);
    for (const controlId of controls) {
      await call(h, 'PATCH', `/api/v1/soa/controls/${controlId}`, { token: leadToken, body: { applicability: 'applicable', ownerUserId: lead.userId, implementationPlan: 'Run it' } });
      const evidenceId = await linkedEvidence(contributorToken, controlId);
      expect((await call(h, 'POST', `/api/v1/soa/controls/${controlId}/evidence/${evidenceId}/acceptance`, { token: approverToken, body: {} })).status).toBe(201);
    }
    const after = (await coverage()).items.find((i: { id: string }) => i.id === 'Art. 9');
    expect(after.state).toBe('covered');
    expect(after.ratio).toBe(1);
    expect((await call(h, 'GET', '/api/v1/crosswalks/nope/coverage', { token: leadToken })).status).toBe(404);
  });

  it('shared responsibility: a supplier-held control needs a contract and valid supplier evidence, and lapses to needs_review', async () => {
    const { org, lead, leadToken, approverToken, contributorToken } = await team();
    const supplier = await call(h, 'POST', '/api/v1/suppliers', { token: leadToken, body: { name: 'ModelCo', kind: 'model_api' } });
    expect(supplier.status, supplier.text).toBe(201);
    const supplierId = supplier.json.id as string;
    const share = (body: unknown, token = leadToken) => call(h, 'PUT', `/api/v1/soa/controls/A.10.3/responsibilities/${supplierId}`, { token, body });

    const before = await countAllRows(h);
    const noContract = await share({ holder: 'supplier' });
    expect(noContract.status).toBe(400);
    expect(noContract.json.error.details.fields).toEqual([{ field: 'contractReference', reason: expect.stringContaining('contract reference') }]);
    expect((await share({ holder: 'theirs' })).json.error.details.fields[0].field).toBe('holder');
    expect((await call(h, 'PUT', `/api/v1/soa/controls/A.10.3/responsibilities/${org.organizationId}`, { token: leadToken, body: { holder: 'ours' } })).status).toBe(404);
    expect((await share({ holder: 'shared', contractReference: 'MSA-7' }, contributorToken)).status).toBe(403);
    expect(await countAllRows(h)).toEqual(before);

    expect((await share({ holder: 'shared', contractReference: 'MSA-7 §4.2' })).status).toBe(200);
    await call(h, 'PATCH', '/api/v1/soa/controls/A.10.3', { token: leadToken, body: { applicability: 'applicable', ownerUserId: lead.userId, implementationPlan: 'Supplier assessments yearly' } });
    const ours = await linkedEvidence(contributorToken, 'A.10.3');
    await call(h, 'POST', `/api/v1/soa/controls/A.10.3/evidence/${ours}/acceptance`, { token: approverToken, body: {} });
    const control = async () => (await call(h, 'GET', '/api/v1/soa/controls/A.10.3', { token: leadToken })).json;
    const waiting = await control();
    expect(waiting.status).toBe('planned');
    expect(waiting.statusReasons).toContain('no supplier evidence from ModelCo');
    expect(waiting.responsibilities).toEqual([{ supplierId, supplierName: 'ModelCo', holder: 'shared', contractReference: 'MSA-7 §4.2', evidence: [] }]);

    // Supplier proof: evidence linked to the supplier and to the control.
    const report = await linkedEvidence(contributorToken, 'A.10.3', { title: 'ModelCo SOC 2 report', validUntil: day(1) });
    expect((await call(h, 'POST', `/api/v1/evidence/${report}/links`, { token: contributorToken, body: { entityType: 'supplier', entityId: supplierId } })).status).toBe(201);
    const covered = await control();
    expect(covered.status).toBe('implemented');
    expect(covered.responsibilities[0].evidence).toEqual([expect.objectContaining({ evidenceId: report, current: true })]);

    // The report lapses: a fresh report is dated to have ended yesterday.
    const lapsed = await linkedEvidence(contributorToken, 'A.10.3', { title: 'Old SOC 2', validFrom: day(-400), validUntil: day(-1) });
    await call(h, 'POST', `/api/v1/evidence/${lapsed}/links`, { token: contributorToken, body: { entityType: 'supplier', entityId: supplierId } });
    expect((await control()).status).toBe('implemented');
    await h.testDb.raw(`UPDATE evidence_items SET valid_until = '${day(-1)}' WHERE id = '${report}'`);
    const stale = await control();
    expect(stale.status).toBe('needs_review');
    expect(stale.statusReasons).toEqual(['supplier evidence from ModelCo has expired']);

    expect((await call(h, 'DELETE', `/api/v1/soa/controls/A.10.3/responsibilities/${supplierId}`, { token: leadToken })).status).toBe(204);
    expect((await control()).responsibilities).toEqual([]);
  });

  it('every change is in the trail, the trail verifies, and edits behind its back are caught', async () => {
    const { org, lead, leadToken, approverToken, contributorToken } = await team();
    await tailorAll(leadToken, lead.userId!);
    const evidenceId = await linkedEvidence(contributorToken, 'A.2.2');
    await call(h, 'POST', `/api/v1/soa/controls/A.2.2/evidence/${evidenceId}/acceptance`, { token: approverToken, body: {} });
    await call(h, 'POST', '/api/v1/soa/issue', { token: approverToken, body: {} });

    const actions = async (entityType: string) => (await listTrailEvents(h.deps, org.admin, { limit: 200, entityType })).items.map((e) => e.action);
    expect(await actions('soa_control')).toHaveLength(38);
    expect(await actions('soa_version')).toEqual(['soa_version.issued', 'soa_version.drafted']);
    expect(await actions('soa_evidence_acceptance')).toEqual(['soa_evidence.accepted']);
    const decided = (await listTrailEvents(h.deps, org.admin, { limit: 1, entityType: 'soa_control', entityId: 'A.10.2' })).items[0]!;
    expect(decided.after).toMatchObject({ controlId: 'A.10.2', applicability: 'excluded', justification: expect.stringContaining('third-party') });

    const ok = await verifyTrail(h.deps.db, { organizationIds: [org.organizationId] });
    expect(ok.ok).toBe(true);

    await h.testDb.raw(`UPDATE soa_controls SET applicability = 'excluded', justification = 'quietly' WHERE organization_id = '${org.organizationId}' AND control_id = 'A.2.2'`);
    const tampered = await verifyTrail(h.deps.db, { organizationIds: [org.organizationId] });
    expect(tampered.state.firstMismatch).toMatchObject({ entityType: 'soa_control', entityId: 'A.2.2' });
    await h.testDb.raw(`UPDATE soa_controls SET applicability = 'applicable', justification = 'Needed to treat our AI risks' WHERE organization_id = '${org.organizationId}' AND control_id = 'A.2.2'`);
    expect((await verifyTrail(h.deps.db, { organizationIds: [org.organizationId] })).ok).toBe(true);

    await h.testDb.raw(`UPDATE soa_versions SET document_json = replace(document_json, '"implemented"', '"planned"') WHERE organization_id = '${org.organizationId}'`);
    const frozen = await verifyTrail(h.deps.db, { organizationIds: [org.organizationId] });
    expect(frozen.state.firstMismatch).toMatchObject({ entityType: 'soa_version' });

    await h.testDb.raw(`DELETE FROM soa_evidence_acceptances WHERE organization_id = '${org.organizationId}'`);
    await h.testDb.raw(`UPDATE soa_versions SET document_json = replace(document_json, '"planned"', '"implemented"') WHERE organization_id = '${org.organizationId}'`);
    const removed = await verifyTrail(h.deps.db, { organizationIds: [org.organizationId] });
    expect(removed.ok).toBe(false);
  });
});
