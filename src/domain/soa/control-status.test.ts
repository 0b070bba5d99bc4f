import { describe, expect, it } from 'vitest';
import { deriveControlStatus, isValidOn, type ControlStatusInput } from './control-status.js';

const base: ControlStatusInput = {
  applicability: 'applicable',
  ownerUserId: 'u1',
  implementationPlan: 'Write the policy and have the board approve it',
  evidence: [],
  linkedRisks: [],
  responsibilities: [],
  today: '2026-06-15',
};
const accepted = (id: string, validUntil: string | null, acceptedAt = '2026-05-01T10:00:00.000Z') => ({ evidenceId: id, validFrom: null, validUntil, acceptedAt });

describe('deriveControlStatus', () => {
  it('an excluded control is not applicable, whatever else it has', () => {
    expect(deriveControlStatus({ ...base, applicability: 'excluded', evidence: [accepted('e1', null)] })).toMatchObject({ status: 'not_applicable', currentEvidenceIds: [] });
  });

  it('is not_started without an owner or a plan, and says which is missing', () => {
    const noOwner = deriveControlStatus({ ...base, ownerUserId: null });
    expect(noOwner.status).toBe('not_started');
    expect(noOwner.reasons).toContain('no owner');
    const noPlan = deriveControlStatus({ ...base, implementationPlan: null });
    expect(noPlan.status).toBe('not_started');
    expect(noPlan.reasons).toContain('no implementation plan');
  });

  it('an undecided control with owner and plan is still not started', () => {
    const result = deriveControlStatus({ ...base, applicability: 'undecided' });
    expect(result.status).toBe('not_started');
    expect(result.reasons).toContain('applicability not decided');
  });

  it('is planned with an owner and a plan but no accepted evidence', () => {
    expect(deriveControlStatus(base).status).toBe('planned');
    const unaccepted = deriveControlStatus({ ...base, evidence: [{ evidenceId: 'e1', validFrom: null, validUntil: null, acceptedAt: null }] });
    expect(unaccepted.status).toBe('planned');
    expect(unaccepted.reasons).toContain('linked evidence not yet accepted by an approver');
  });

  it('is implemented only with accepted evidence valid today', () => {
    const result = deriveControlStatus({ ...base, evidence: [accepted('e1', '2026-12-31')] });
    expect(result).toMatchObject({ status: 'implemented', currentEvidenceIds: ['e1'] });
  });

  it('evidence valid until today still counts; the day after it does not', () => {
    expect(deriveControlStatus({ ...base, evidence: [accepted('e1', '2026-06-15')] }).status).toBe('implemented');
    expect(deriveControlStatus({ ...base, today: '2026-06-16', evidence: [accepted('e1', '2026-06-15')] }).status).toBe('needs_review');
  });

  it('needs review when every accepted piece has expired, but one valid piece keeps it implemented', () => {
    const expired = deriveControlStatus({ ...base, evidence: [accepted('e1', '2026-01-31')] });
    expect(expired.status).toBe('needs_review');
    expect(expired.reasons[0]).toMatch(/expired/);
    expect(deriveControlStatus({ ...base, evidence: [accepted('e1', '2026-01-31'), accepted('e2', null)] }).status).toBe('implemented');
  });

  it('evidence that is not valid yet does not count', () => {
    const future = deriveControlStatus({ ...base, evidence: [{ evidenceId: 'e1', validFrom: '2026-07-01', validUntil: null, acceptedAt: '2026-05-01T00:00:00.000Z' }] });
    expect(future.status).toBe('needs_review');
  });

  it('needs review when a linked risk is reassessed after the latest acceptance, not before', () => {
    const after = deriveControlStatus({ ...base, evidence: [accepted('e1', null)], linkedRisks: [{ riskId: 'r1', assessedAt: '2026-05-02T00:00:00.000Z' }] });
    expect(after.status).toBe('needs_review');
    expect(after.reasons).toEqual(['linked risk r1 was reassessed after the evidence was accepted']);
    const before = deriveControlStatus({ ...base, evidence: [accepted('e1', null)], linkedRisks: [{ riskId: 'r1', assessedAt: '2026-04-30T00:00:00.000Z' }] });
    expect(before.status).toBe('implemented');
  });

  it('a supplier-held share needs valid supplier evidence before the control is implemented', () => {
    const share = { supplierId: 's1', supplierName: 'ModelCo', holder: 'supplier' as const, contractReference: 'MSA-1', evidence: [] };
    const missing = deriveControlStatus({ ...base, evidence: [accepted('e1', null)], responsibilities: [share] });
    expect(missing.status).toBe('planned');
    expect(missing.reasons).toContain('no supplier evidence from ModelCo');
    const valid = { ...share, evidence: [{ evidenceId: 'se1', validFrom: null, validUntil: '2026-12-31' }] };
    expect(deriveControlStatus({ ...base, evidence: [accepted('e1', null)], responsibilities: [valid] }).status).toBe('implemented');
    const lapsed = { ...share, evidence: [{ evidenceId: 'se1', validFrom: null, validUntil: '2026-01-01' }] };
    const result = deriveControlStatus({ ...base, evidence: [accepted('e1', null)], responsibilities: [lapsed] });
    expect(result.status).toBe('needs_review');
    expect(result.reasons).toEqual(['supplier evidence from ModelCo has expired']);
  });

  it('a share we hold ourselves asks nothing of the supplier', () => {
    const ours = { supplierId: 's1', supplierName: 'ModelCo', holder: 'ours' as const, contractReference: null, evidence: [] };
    expect(deriveControlStatus({ ...base, evidence: [accepted('e1', null)], responsibilities: [ours] }).status).toBe('implemented');
  });
});

describe('isValidOn', () => {
  it('treats both ends of the window as inclusive and open ends as unbounded', () => {
    expect(isValidOn({ validFrom: null, validUntil: null }, '2026-01-01')).toBe(true);
    expect(isValidOn({ validFrom: '2026-01-01', validUntil: '2026-01-01' }, '2026-01-01')).toBe(true);
    expect(isValidOn({ validFrom: '2026-01-02', validUntil: null }, '2026-01-01')).toBe(false);
  });
});
