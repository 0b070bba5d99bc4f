import type { RiskStatus } from '../../../../src/domain/risk/risk-rules.js';
import type { RiskLevel } from '../../../../src/domain/risk/scoring-method.js';
import { StatusBadge } from '../../components/status-badge.js';
import { LEVEL_LABEL, STATUS_LABEL, STATUS_TONE } from './risk-labels.js';

interface Scored {
  score: number;
  level: RiskLevel;
}

/** A score and its level as the server computed them, e.g. "12 · High", coloured by level and never by colour alone. */
export function LevelBadge({ scored, label }: { scored: Scored | null; label?: string }) {
  if (!scored) return <span className="muted">Not assessed</span>;
  return (
    <span className={`level level--${scored.level}`} title={label ? `${label}: score ${scored.score}, level ${LEVEL_LABEL[scored.level]}` : undefined}>
      <span className="level__score">{scored.score}</span>
      <span aria-hidden="true"> · </span>
      <span className="visually-hidden">, </span>
      {LEVEL_LABEL[scored.level]}
    </span>
  );
}

/** A risk's derived status; the server's reasons open under "Why". */
export function RiskStatusBadge({ status, reasons, subject }: { status: RiskStatus; reasons: readonly string[]; subject?: string }) {
  const badge = (
    <StatusBadge tone={STATUS_TONE[status]} title={reasons.length ? `Why: ${reasons.join('; ')}` : undefined}>
      {STATUS_LABEL[status]}
    </StatusBadge>
  );
  if (reasons.length === 0 || !subject) return badge;
  return (
    <div className="risk-status">
      {badge}
      <details className="risk-status__why">
        <summary>
          Why<span className="visually-hidden">{` “${subject}” is ${STATUS_LABEL[status].toLowerCase()}`}</span>
        </summary>
        <ul className="reasons">
          {reasons.map((reason) => (
            <li key={reason}>{reason}</li>
          ))}
        </ul>
      </details>
    </div>
  );
}

/** Problems an auditor would raise (e.g. a high risk with no control), as the server words them. */
export function RiskFlags({ flags }: { flags: readonly string[] }) {
  if (flags.length === 0) return null;
  return (
    <ul className="risk-flags" aria-label="Flags">
      {flags.map((flag) => (
        <li key={flag} className="risk-flag">
          <span aria-hidden="true" className="risk-flag__icon">
            ⚑
          </span>
          <span className="visually-hidden">Flag: </span>
          {flag}
        </li>
      ))}
    </ul>
  );
}
