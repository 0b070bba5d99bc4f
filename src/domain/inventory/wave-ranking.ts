import type { AutonomyLevel, HumanOversightMode, ImpactLevel } from './inventory-terms.js';

/**
 * Ranks AI systems for certification waves (see docs/wave-ranking.md). Each factor is a value
 * from 0 to 1; the score is their weighted mean times 100. Unknown inputs count at the midpoint
 * (0.5), so a system nobody has assessed is not pushed to a late wave by its missing data.
 * ISO/IEC 42001 4.3 (scope) and 6.1.2 (risk-based priorities) are what the ordering serves.
 */
export type RankingFactor = 'impactOnPeople' | 'safety' | 'complianceExposure' | 'scale' | 'autonomy';

export type RankingWeights = Record<RankingFactor, number>;

export interface WaveSettings {
  weights: RankingWeights;
  /** Lowest score that the wave-1 proposal takes. */
  wave1Threshold: number;
  /** At most this many systems are proposed for wave 1, highest scores first. */
  wave1MaxSize: number;
}

/** The documented default: harm to people, safety and legal exposure dominate; reach and autonomy refine. */
export const DEFAULT_WAVE_SETTINGS: WaveSettings = {
  weights: { impactOnPeople: 3, safety: 3, complianceExposure: 2, scale: 1, autonomy: 1 },
  wave1Threshold: 50,
  wave1MaxSize: 10,
};

export interface RankingInput {
  impactOnPeople: ImpactLevel | null;
  safetyImpact: ImpactLevel | null;
  /** The current EU AI Act screening, or null when the system was never screened. */
  classification: { tier: string; complete: boolean; gpai: string } | null;
  peopleAffected: number | null;
  decisionsPerMonth: number | null;
  autonomyLevel: AutonomyLevel;
  humanOversight: HumanOversightMode;
}

export interface FactorScore {
  factor: RankingFactor;
  weight: number;
  value: number;
  basis: string;
}

const UNKNOWN = 0.5;

export const IMPACT_VALUES: Record<ImpactLevel, number> = { none: 0, low: 0.25, medium: 0.5, high: 0.75, critical: 1 };

/** Compliance exposure by EU AI Act tier: the heavier the obligations, the earlier the system needs the AIMS. */
export const TIER_VALUES: Record<string, number> = {
  prohibited: 1,
  'high-risk': 0.9,
  'art6-3-exception': 0.5,
  transparency: 0.4,
  minimal: 0.1,
  'out-of-scope': 0,
};

// Not assessed counts as the midpoint, like every other factor nobody has assessed yet.
export const AUTONOMY_VALUES: Record<AutonomyLevel, number> = { not_assessed: 0.5, advisory: 0.25, human_approved: 0.5, supervised: 0.75, autonomous: 1 };

function impact(level: ImpactLevel | null, what: string): { value: number; basis: string } {
  if (level === null) return { value: UNKNOWN, basis: `${what} not assessed (counted as medium)` };
  return { value: IMPACT_VALUES[level], basis: `${what}: ${level}` };
}

function compliance(classification: RankingInput['classification']): { value: number; basis: string } {
  if (!classification) return { value: UNKNOWN, basis: 'not screened under the EU AI Act (counted as 0.5)' };
  let value = TIER_VALUES[classification.tier] ?? UNKNOWN;
  let basis = `EU AI Act tier: ${classification.tier}`;
  if (classification.gpai === 'gpai-systemic') {
    value = Math.max(value, 0.8);
    basis += ', GPAI with systemic risk';
  }
  if (!classification.complete && value < UNKNOWN) {
    value = UNKNOWN;
    basis += ' (screening incomplete, counted as at least 0.5)';
  }
  return { value, basis };
}

/** Reach on a log scale: a million people a year, or a million decisions a month, is the top. */
function logScale(n: number): number {
  return Math.min(1, Math.log10(n + 1) / 6);
}

function scale(people: number | null, decisions: number | null): { value: number; basis: string } {
  if (people === null && decisions === null) return { value: UNKNOWN, basis: 'scale not estimated (counted as 0.5)' };
  const parts: string[] = [];
  let value = 0;
  if (people !== null) {
    value = Math.max(value, logScale(people));
    parts.push(`${people} people affected a year`);
  }
  if (decisions !== null) {
    value = Math.max(value, logScale(decisions));
    parts.push(`${decisions} decisions a month`);
  }
  return { value, basis: parts.join(', ') };
}

function autonomy(level: AutonomyLevel, oversight: HumanOversightMode): { value: number; basis: string } {
  // With no human oversight at all, the system acts alone whatever its nominal level (EU AI Act Art. 14).
  if (oversight === 'none') return { value: 1, basis: `${level}, without human oversight` };
  return { value: AUTONOMY_VALUES[level], basis: `${level}, ${oversight.replaceAll('_', ' ')}` };
}

const round = (n: number, digits: number) => Math.round(n * 10 ** digits) / 10 ** digits;

/** Score (0..100, one decimal) and the factor breakdown that explains it. */
export function rankSystem(input: RankingInput, weights: RankingWeights): { score: number; factors: FactorScore[] } {
  const values: Record<RankingFactor, { value: number; basis: string }> = {
    impactOnPeople: impact(input.impactOnPeople, 'impact on people'),
    safety: impact(input.safetyImpact, 'safety impact'),
    complianceExposure: compliance(input.classification),
    scale: scale(input.peopleAffected, input.decisionsPerMonth),
    autonomy: autonomy(input.autonomyLevel, input.humanOversight),
  };
  const factors = (Object.keys(values) as RankingFactor[]).map((factor) => ({ factor, weight: weights[factor], value: round(values[factor].value, 3), basis: values[factor].basis }));
  const totalWeight = factors.reduce((sum, f) => sum + f.weight, 0);
  const score = totalWeight === 0 ? 0 : (100 * factors.reduce((sum, f) => sum + f.weight * f.value, 0)) / totalWeight;
  return { score: round(score, 1), factors };
}

export interface RankedSystem {
  id: string;
  name: string;
  score: number;
  /** In the AIMS scope and not retired: only these are put in a wave. */
  eligible: boolean;
  override: number | null;
}

/**
 * The wave proposal: eligible systems at or above the threshold, highest first, up to the
 * maximum size, are wave 1; the other eligible systems wave 2; ineligible ones wave 0 (none).
 * An override replaces the proposal for its system. Returns systems ordered by score.
 */
export function proposeWaves(systems: readonly RankedSystem[], settings: WaveSettings): Array<RankedSystem & { proposedWave: number; wave: number }> {
  const ordered = [...systems].sort((a, b) => b.score - a.score || a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
  let taken = 0;
  return ordered.map((system) => {
    let proposedWave = 0;
    if (system.eligible) {
      const fits = system.score >= settings.wave1Threshold && taken < settings.wave1MaxSize;
      if (fits) taken += 1;
      proposedWave = fits ? 1 : 2;
    }
    return { ...system, proposedWave, wave: system.override ?? proposedWave };
  });
}
