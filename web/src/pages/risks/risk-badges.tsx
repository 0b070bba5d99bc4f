import type { RiskStatus } from '../../../../src/domain/risk/risk-rules.js';
import type { RiskLevel } from '../../../../src/domain/risk/scoring-method.js';
import { ReasonedStatus } from '../../components/reasoned-status.js';
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

/** A risk's derived status; the server's reasons open under "Why" where the risk is named. */
export function RiskStatusBadge({ status, reasons, subject }: { status: RiskStatus; reasons: readonly string[]; subject?: string }) {
  return <ReasonedStatus tone={STATUS_TONE[status]} label={STATUS_LABEL[status]} reasons={reasons} subject={subject ? `“${subject}”` : undefined} details={Boolean(subject)} />;
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
