/**
 * The documented risk scoring method (ISO/IEC 42001 6.1.2 c–d: criteria to assess likelihood
 * and consequences, and to decide which risks are acceptable). One per organization, versioned;
 * the server computes every score and level with it, a client never sends one.
 */

export const RISK_LEVELS = ['low', 'medium', 'high', 'critical'] as const;
export type RiskLevel = (typeof RISK_LEVELS)[number];

export interface Scale {
  min: number;
  max: number;
  /** One label per point, from min to max. */
  labels: string[];
}

export interface ScoringMethod {
  likelihood: Scale;
  severity: Scale;
  /** Impact on the people the system affects (individuals, groups, society: 6.1.4). */
  stakeholderImpact: Scale;
  /** A score at or above `from` has that level; sorted ascending, the first starts at the lowest score. */
  levels: Array<{ level: RiskLevel; from: number }>;
  /** Residual risk above this level needs an approver's acceptance (the risk appetite). */
  appetite: RiskLevel;
  /** Days until the next scheduled review, per level. */
  reviewIntervalDays: Record<RiskLevel, number>;
  /** Days from an impact assessment's approval to its next scheduled review. */
  assessmentReviewDays: number;
}

export const DEFAULT_SCORING_METHOD: ScoringMethod = {
  likelihood: { min: 1, max: 5, labels: ['Rare', 'Unlikely', 'Possible', 'Likely', 'Almost certain'] },
  severity: { min: 1, max: 5, labels: ['Negligible', 'Minor', 'Moderate', 'Major', 'Severe'] },
  stakeholderImpact: { min: 1, max: 5, labels: ['Negligible', 'Limited', 'Significant', 'Serious', 'Irreversible'] },
  levels: [
    { level: 'low', from: 1 },
    { level: 'medium', from: 5 },
    { level: 'high', from: 10 },
    { level: 'critical', from: 17 },
  ],
  appetite: 'medium',
  reviewIntervalDays: { low: 365, medium: 180, high: 90, critical: 30 },
  assessmentReviewDays: 365,
};

export interface ScoreInput {
  likelihood: number;
  severity: number;
  stakeholderImpact: number;
}

export interface Score extends ScoreInput {
  /** likelihood × the worse of severity and stakeholder impact. */
  score: number;
  level: RiskLevel;
}

export interface ScoreProblem {
  field: keyof ScoreInput;
  reason: string;
}

/** Where a value falls outside the method's scale, by field; empty when every value fits. */
export function checkScores(method: ScoringMethod, input: ScoreInput): ScoreProblem[] {
  return (['likelihood', 'severity', 'stakeholderImpact'] as const).flatMap((field) => {
    const scale = method[field];
    const value = input[field];
    return Number.isInteger(value) && value >= scale.min && value <= scale.max ? [] : [{ field, reason: `must be a whole number from ${scale.min} to ${scale.max}` }];
  });
}

/**
 * The score is likelihood times impact, where impact is the worse of the harm to the organization
 * (severity) and to the people affected (stakeholder impact): a risk that barely touches the
 * organization but seriously harms people ranks as serious.
 */
export function scoreRisk(method: ScoringMethod, input: ScoreInput): Score {
  const problems = checkScores(method, input);
  if (problems.length > 0) throw new RangeError(problems.map((p) => `${p.field} ${p.reason}`).join('; '));
  const score = input.likelihood * Math.max(input.severity, input.stakeholderImpact);
  return { ...input, score, level: levelOf(method, score) };
}

export function levelOf(method: ScoringMethod, score: number): RiskLevel {
  let level: RiskLevel = method.levels[0]!.level;
  for (const band of method.levels) if (score >= band.from) level = band.level;
  return level;
}

export function levelRank(level: RiskLevel): number {
  return RISK_LEVELS.indexOf(level);
}

/** Residual risk above the appetite cannot stand without an approver's signed acceptance (6.1.3). */
export function needsAcceptance(method: ScoringMethod, residual: RiskLevel): boolean {
  return levelRank(residual) > levelRank(method.appetite);
}

/** Problems with a method a user proposes, by field; an empty list means it can be saved. */
export function checkScoringMethod(method: ScoringMethod): Array<{ field: string; reason: string }> {
  const problems: Array<{ field: string; reason: string }> = [];
  for (const field of ['likelihood', 'severity', 'stakeholderImpact'] as const) {
    const scale = method[field];
    if (!Number.isInteger(scale.min) || !Number.isInteger(scale.max) || scale.min < 1 || scale.max > 10 || scale.min >= scale.max) {
      problems.push({ field: `${field}`, reason: 'min and max must be whole numbers with 1 ≤ min < max ≤ 10' });
    } else if (scale.labels.length !== scale.max - scale.min + 1) {
      problems.push({ field: `${field}.labels`, reason: `needs ${scale.max - scale.min + 1} labels, one per point` });
    }
  }
  const levels = method.levels.map((b) => b.level);
  if (levels.join() !== RISK_LEVELS.join()) problems.push({ field: 'levels', reason: `must list ${RISK_LEVELS.join(', ')} in that order` });
  for (let i = 1; i < method.levels.length; i++) {
    if (!(method.levels[i]!.from > method.levels[i - 1]!.from)) problems.push({ field: `levels.${i}.from`, reason: 'must be higher than the level below' });
  }
  if (method.levels[0] && method.levels[0].from > method.likelihood.min * Math.max(method.severity.min, method.stakeholderImpact.min)) {
    problems.push({ field: 'levels.0.from', reason: 'must cover the lowest possible score' });
  }
  for (const level of RISK_LEVELS) {
    const days = method.reviewIntervalDays[level];
    if (!Number.isInteger(days) || days < 1 || days > 1095) problems.push({ field: `reviewIntervalDays.${level}`, reason: 'must be 1 to 1095 days' });
  }
  if (!Number.isInteger(method.assessmentReviewDays) || method.assessmentReviewDays < 1 || method.assessmentReviewDays > 1095) {
    problems.push({ field: 'assessmentReviewDays', reason: 'must be 1 to 1095 days' });
  }
  return problems;
}
