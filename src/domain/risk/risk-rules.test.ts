import { describe, expect, it } from 'vitest';
import { checkResidual, deriveRiskState, nextReviewOn, type RiskFacts } from './risk-rules.js';
import { DEFAULT_SCORING_METHOD as M } from './scoring-method.js';

const base: RiskFacts = {
  inherentLevel: 'high',
  inherentScore: 12,
  treatment: null,
  controlIds: [],
  controlsNotImplemented: [],
  residualLevel: null,
  residualScore: null,
  acceptance: null,
  closedAt: null,
  nextReviewOn: '2026-12-31',
  reviewReasons: [],
  today: '2026-06-01',
};

describe('deriveRiskState', () => {
  it('is open until a treatment with a residual score is decided, and flags a high risk without a control', () => {
    expect(deriveRiskState(M, base)).toEqual({ status: 'open', flags: ['inherent level is high but no Annex A control is linked'], reasons: ['no treatment decided yet'] });
  });

  it('flags a residual level that counts on controls not implemented yet', () => {
    const state = deriveRiskState(M, { ...base, treatment: 'mitigate', controlIds: ['A.6.2.4', 'A.9.2'], controlsNotImplemented: ['A.9.2'], residualLevel: 'medium', residualScore: 6 });
    expect(state.flags).toEqual(['the residual level relies on A.9.2, which the SoA does not show as implemented']);
  });

  it('is treated when the residual level is within the appetite', () => {
    const state = deriveRiskState(M, { ...base, treatment: 'mitigate', controlIds: ['A.6.2.4'], residualLevel: 'medium', residualScore: 6 });
    expect(state).toEqual({ status: 'treated', flags: [], reasons: ['residual level medium is within the appetite (medium)'] });
  });

  it('requires an acceptance above the appetite, which must cover the level and be unexpired', () => {
    const treated = { ...base, treatment: 'accept' as const, controlIds: ['A.9.2'], residualLevel: 'high' as const, residualScore: 10 };
    expect(deriveRiskState(M, treated).status).toBe('acceptance_required');
    expect(deriveRiskState(M, { ...treated, acceptance: { residualLevel: 'high', expiresOn: '2026-12-01' } }).status).toBe('accepted');
    const expired = deriveRiskState(M, { ...treated, acceptance: { residualLevel: 'high', expiresOn: '2026-05-31' } });
    expect(expired).toMatchObject({ status: 'acceptance_required', reasons: [expect.stringContaining('expired on 2026-05-31')] });
    const tooLow = deriveRiskState(M, { ...treated, residualLevel: 'critical', acceptance: { residualLevel: 'high', expiresOn: '2026-12-01' } });
    expect(tooLow.reasons[0]).toMatch(/covered high, not critical/);
  });

  it('puts a due review first, with every reason', () => {
    const state = deriveRiskState(M, { ...base, nextReviewOn: '2026-05-01', reviewReasons: ['new dataset version loans-2026-05'] });
    expect(state).toMatchObject({ status: 'review_due', reasons: ['scheduled review was due on 2026-05-01', 'new dataset version loans-2026-05'] });
  });

  it('a closed risk stays closed', () => {
    expect(deriveRiskState(M, { ...base, closedAt: '2026-05-02T10:00:00Z', reviewReasons: ['x'] }).status).toBe('closed');
  });
});

describe('residual and review dates', () => {
  it('refuses a residual score above the inherent one', () => {
    expect(checkResidual(12, 15)).toBe('residual score 15 is above the inherent score 12');
    expect(checkResidual(12, 12)).toBeNull();
  });
  it('schedules the next review by level', () => {
    expect(nextReviewOn(M, 'high', '2026-01-31')).toBe('2026-05-01');
    expect(nextReviewOn(M, 'critical', '2026-12-15')).toBe('2027-01-14');
  });
});
