import { levelRank, needsAcceptance, type RiskLevel, type ScoringMethod } from './scoring-method.js';

/** ISO/IEC 42001 6.1.3: the options for treating an AI risk. */
export const TREATMENTS = ['mitigate', 'accept', 'avoid', 'transfer'] as const;
export type Treatment = (typeof TREATMENTS)[number];

export const RISK_STATUSES = ['open', 'treated', 'acceptance_required', 'accepted', 'review_due', 'closed'] as const;
export type RiskStatus = (typeof RISK_STATUSES)[number];

export interface RiskFacts {
  inherentLevel: RiskLevel;
  inherentScore: number;
  treatment: Treatment | null;
  controlIds: readonly string[];
  /** Linked controls whose SoA status is not `implemented`: the residual level counts on them. */
  controlsNotImplemented: readonly string[];
  residualLevel: RiskLevel | null;
  residualScore: number | null;
  /** The acceptance in force, if any: the residual level it accepted and until when (YYYY-MM-DD). */
  acceptance: { residualLevel: RiskLevel; expiresOn: string } | null;
  closedAt: string | null;
  nextReviewOn: string;
  /** Events since the last assessment that call for a review (new dataset version, incident, …). */
  reviewReasons: readonly string[];
  today: string;
}

export interface RiskState {
  status: RiskStatus;
  /** Problems an auditor would raise, e.g. a high risk without a control. */
  flags: string[];
  reasons: string[];
}

/**
 * Derives a risk's status. Review comes first: an overdue or triggered review makes every other
 * status provisional. Residual risk above the appetite stands only with an unexpired acceptance
 * of at least that level.
 */
export function deriveRiskState(method: ScoringMethod, risk: RiskFacts): RiskState {
  const flags: string[] = [];
  if (levelRank(risk.inherentLevel) >= levelRank('high') && risk.controlIds.length === 0) {
    flags.push(`inherent level is ${risk.inherentLevel} but no Annex A control is linked`);
  }
  if (risk.treatment && risk.controlsNotImplemented.length > 0) {
    flags.push(`the residual level relies on ${risk.controlsNotImplemented.join(', ')}, which the SoA does not show as implemented`);
  }
  if (risk.closedAt) return { status: 'closed', flags, reasons: [`closed ${risk.closedAt.slice(0, 10)}`] };

  const review = [...risk.reviewReasons];
  if (risk.nextReviewOn < risk.today) review.unshift(`scheduled review was due on ${risk.nextReviewOn}`);
  if (review.length > 0) return { status: 'review_due', flags, reasons: review };

  if (!risk.treatment || risk.residualLevel === null) return { status: 'open', flags, reasons: ['no treatment decided yet'] };
  if (!needsAcceptance(method, risk.residualLevel)) return { status: 'treated', flags, reasons: [`residual level ${risk.residualLevel} is within the appetite (${method.appetite})`] };

  const acceptance = risk.acceptance;
  if (acceptance && acceptance.expiresOn >= risk.today && levelRank(acceptance.residualLevel) >= levelRank(risk.residualLevel)) {
    return { status: 'accepted', flags, reasons: [`residual ${risk.residualLevel} risk accepted until ${acceptance.expiresOn}`] };
  }
  const why = acceptance ? (acceptance.expiresOn < risk.today ? `the acceptance expired on ${acceptance.expiresOn}` : `the acceptance covered ${acceptance.residualLevel}, not ${risk.residualLevel}`) : 'no acceptance yet';
  return { status: 'acceptance_required', flags, reasons: [`residual level ${risk.residualLevel} is above the appetite (${method.appetite}); ${why}`] };
}

/** Residual risk is what remains after treatment, so it cannot score above the inherent risk. */
export function checkResidual(inherentScore: number, residualScore: number): string | null {
  return residualScore > inherentScore ? `residual score ${residualScore} is above the inherent score ${inherentScore}` : null;
}

/** The next scheduled review: the method's interval for the level, counted from the assessment day. */
export function nextReviewOn(method: ScoringMethod, level: RiskLevel, assessedOn: string): string {
  const date = new Date(`${assessedOn}T00:00:00.000Z`);
  date.setUTCDate(date.getUTCDate() + method.reviewIntervalDays[level]);
  return date.toISOString().slice(0, 10);
}
