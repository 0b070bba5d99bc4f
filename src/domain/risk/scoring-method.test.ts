import { describe, expect, it } from 'vitest';
import { DEFAULT_SCORING_METHOD as M, checkScores, checkScoringMethod, levelOf, needsAcceptance, scoreRisk } from './scoring-method.js';

describe('scoreRisk with the default method', () => {
  it('multiplies likelihood by the worse of severity and stakeholder impact', () => {
    expect(scoreRisk(M, { likelihood: 3, severity: 2, stakeholderImpact: 4 })).toMatchObject({ score: 12, level: 'high' });
    expect(scoreRisk(M, { likelihood: 1, severity: 1, stakeholderImpact: 1 })).toMatchObject({ score: 1, level: 'low' });
    expect(scoreRisk(M, { likelihood: 5, severity: 5, stakeholderImpact: 1 })).toMatchObject({ score: 25, level: 'critical' });
  });

  it('puts each band edge in the higher band', () => {
    expect([4, 5, 9, 10, 16, 17].map((s) => levelOf(M, s))).toEqual(['low', 'medium', 'medium', 'high', 'high', 'critical']);
  });

  it('refuses values off the scale, naming each field', () => {
    expect(checkScores(M, { likelihood: 0, severity: 6, stakeholderImpact: 2.5 })).toEqual([
      { field: 'likelihood', reason: 'must be a whole number from 1 to 5' },
      { field: 'severity', reason: 'must be a whole number from 1 to 5' },
      { field: 'stakeholderImpact', reason: 'must be a whole number from 1 to 5' },
    ]);
    expect(() => scoreRisk(M, { likelihood: 9, severity: 1, stakeholderImpact: 1 })).toThrow(RangeError);
  });

  it('needs an approver above the appetite (medium) only', () => {
    expect(needsAcceptance(M, 'medium')).toBe(false);
    expect(needsAcceptance(M, 'high')).toBe(true);
  });
});

describe('checkScoringMethod', () => {
  it('accepts the default method', () => {
    expect(checkScoringMethod(M)).toEqual([]);
  });
  it('names what is wrong with a proposed method', () => {
    const bad = {
      ...M,
      likelihood: { min: 1, max: 3, labels: ['a', 'b'] },
      levels: [{ level: 'low' as const, from: 2 }, { level: 'medium' as const, from: 2 }, { level: 'high' as const, from: 8 }, { level: 'critical' as const, from: 12 }],
      reviewIntervalDays: { ...M.reviewIntervalDays, critical: 0 },
    };
    expect(checkScoringMethod(bad)).toEqual([
      { field: 'likelihood.labels', reason: 'needs 3 labels, one per point' },
      { field: 'levels.1.from', reason: 'must be higher than the level below' },
      { field: 'levels.0.from', reason: 'must cover the lowest possible score' },
      { field: 'reviewIntervalDays.critical', reason: 'must be 1 to 1095 days' },
    ]);
  });
});
