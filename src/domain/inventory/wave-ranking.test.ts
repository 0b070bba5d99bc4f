import { describe, expect, it } from 'vitest';
import { DEFAULT_WAVE_SETTINGS, proposeWaves, rankSystem, type RankingInput } from './wave-ranking.js';

const creditEngine: RankingInput = {
  impactOnPeople: 'high',
  safetyImpact: 'low',
  classification: { tier: 'high-risk', complete: true, gpai: 'none' },
  peopleAffected: 100_000,
  decisionsPerMonth: 20_000,
  autonomyLevel: 'human_approved',
  humanOversight: 'human_in_the_loop',
};

describe('wave ranking', () => {
  it('scores the weighted mean of the factors and explains each one', () => {
    const { score, factors } = rankSystem(creditEngine, DEFAULT_WAVE_SETTINGS.weights);
    // (3·0.75 + 3·0.25 + 2·0.9 + 1·log10(100001)/6 + 1·0.5) / 10 · 100
    expect(score).toBeCloseTo(61.3, 1);
    expect(factors.map((f) => f.factor)).toEqual(['impactOnPeople', 'safety', 'complianceExposure', 'scale', 'autonomy']);
    expect(factors.find((f) => f.factor === 'complianceExposure')).toMatchObject({ value: 0.9, weight: 2, basis: 'EU AI Act tier: high-risk' });
  });

  it('counts unknown inputs at the midpoint and says so', () => {
    const { score, factors } = rankSystem({ ...creditEngine, impactOnPeople: null, classification: null, peopleAffected: null, decisionsPerMonth: null }, DEFAULT_WAVE_SETTINGS.weights);
    expect(factors[0]!.basis).toMatch(/not assessed/);
    expect(factors[2]!.basis).toMatch(/not screened/);
    expect(score).toBeGreaterThan(0);
  });

  it('treats a system without oversight as fully autonomous, and follows the weights', () => {
    const alone = rankSystem({ ...creditEngine, humanOversight: 'none' }, { impactOnPeople: 0, safety: 0, complianceExposure: 0, scale: 0, autonomy: 1 });
    expect(alone.score).toBe(100);
    const minimal = rankSystem({ ...creditEngine, classification: { tier: 'minimal', complete: true, gpai: 'none' } }, { impactOnPeople: 0, safety: 0, complianceExposure: 1, scale: 0, autonomy: 0 });
    expect(minimal.score).toBe(10);
  });

  it('proposes wave 1 above the threshold up to its size, keeps ineligible systems out, and applies overrides', () => {
    const waves = proposeWaves(
      [
        { id: 'a', name: 'A', score: 80, eligible: true, override: null },
        { id: 'b', name: 'B', score: 70, eligible: true, override: null },
        { id: 'c', name: 'C', score: 65, eligible: true, override: null },
        { id: 'd', name: 'D', score: 90, eligible: false, override: null },
        { id: 'e', name: 'E', score: 10, eligible: true, override: 1 },
      ],
      { ...DEFAULT_WAVE_SETTINGS, wave1MaxSize: 2 },
    );
    expect(waves.map((w) => [w.id, w.proposedWave, w.wave])).toEqual([['d', 0, 0], ['a', 1, 1], ['b', 1, 1], ['c', 2, 2], ['e', 2, 1]]);
  });
});
