import type { RISK_SOURCES } from '../../../../src/contracts/risk.contracts.js';
import type { RiskStatus, Treatment } from '../../../../src/domain/risk/risk-rules.js';
import type { RiskLevel } from '../../../../src/domain/risk/scoring-method.js';
import type { Tone } from '../../components/status-badge.js';

/**
 * Words and colours for what the server derives. Presentation only: scores, levels and statuses
 * come from the server (src/domain/risk/*) and are never computed here.
 */
export const LEVEL_LABEL: Record<RiskLevel, string> = { low: 'Low', medium: 'Medium', high: 'High', critical: 'Critical' };

export const STATUS_LABEL: Record<RiskStatus, string> = {
  review_due: 'Review due',
  acceptance_required: 'Acceptance required',
  open: 'Open',
  treated: 'Treated',
  accepted: 'Accepted',
  closed: 'Closed',
};

export const STATUS_TONE: Record<RiskStatus, Tone> = {
  review_due: 'warn',
  acceptance_required: 'danger',
  open: 'info',
  treated: 'ok',
  accepted: 'ok',
  closed: 'neutral',
};

/** Most attention first. */
export const STATUS_ORDER: readonly RiskStatus[] = ['acceptance_required', 'review_due', 'open', 'treated', 'accepted', 'closed'];

export const TREATMENT_LABEL: Record<Treatment, string> = { mitigate: 'Mitigate', accept: 'Accept', avoid: 'Avoid', transfer: 'Transfer' };

export const TREATMENT_HINT: Record<Treatment, string> = {
  mitigate: 'Reduce it with Annex A controls (at least one must be linked).',
  accept: 'Keep it as it is; above the appetite an approver must accept it.',
  avoid: 'Stop the activity that causes it.',
  transfer: 'Share it with a supplier or insurer (name the contract in the plan).',
};

export const SOURCE_LABEL: Record<(typeof RISK_SOURCES)[number], string> = {
  impact_assessment: 'Impact assessment',
  monitoring_alert: 'Monitoring alert',
  incident: 'Incident',
  audit_finding: 'Audit finding',
  manual: 'Manual entry',
};

export function riskPath(id: string): string {
  return `/risks/${encodeURIComponent(id)}`;
}
