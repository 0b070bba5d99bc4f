import type { ControlStatus } from '../../../../src/domain/soa/soa-document.js';
import { StatusBadge } from '../../components/status-badge.js';
import { STATUS_LABEL, STATUS_TONE } from './soa-labels.js';

/** A control's status as the server derived it; the reasons show on hover and open on click. */
export function ControlStatusBadge({ status, reasons, controlId }: { status: ControlStatus; reasons: readonly string[]; controlId?: string }) {
  const badge = (
    <StatusBadge tone={STATUS_TONE[status]} title={reasons.length ? `Why: ${reasons.join('; ')}` : undefined}>
      {STATUS_LABEL[status]}
    </StatusBadge>
  );
  if (reasons.length === 0) return badge;
  return (
    <div className="control-status">
      {badge}
      <details className="control-status__why">
        <summary>
          Why<span className="visually-hidden">{controlId ? ` ${controlId} is ${STATUS_LABEL[status].toLowerCase()}` : ''}</span>
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

/** The reasons as a plain list, for the control page where there is room. */
export function StatusReasons({ reasons }: { reasons: readonly string[] }) {
  if (reasons.length === 0) return null;
  return (
    <ul className="reasons reasons--open">
      {reasons.map((reason) => (
        <li key={reason}>{reason}</li>
      ))}
    </ul>
  );
}
