import { StatusBadge, type Tone } from './status-badge.js';

interface ReasonedStatusProps {
  tone: Tone;
  label: string;
  /** The server's reasons for a derived status; they show on hover and open under "Why". */
  reasons: readonly string[];
  /** What the status is of, read after "Why" by screen readers (e.g. a control id). */
  subject?: string | undefined;
  /** False to show the badge alone (the reasons stay in its hover title). */
  details?: boolean;
}

/** A status the server derived, with its reasons one click away. */
export function ReasonedStatus({ tone, label, reasons, subject, details = true }: ReasonedStatusProps) {
  const badge = (
    <StatusBadge tone={tone} title={reasons.length ? `Why: ${reasons.join('; ')}` : undefined}>
      {label}
    </StatusBadge>
  );
  if (reasons.length === 0 || !details) return badge;
  return (
    <div className="reasoned-status">
      {badge}
      <details className="reasoned-status__why">
        <summary>
          Why<span className="visually-hidden">{subject ? ` ${subject} is ${label.toLowerCase()}` : ''}</span>
        </summary>
        <ReasonList reasons={reasons} />
      </details>
    </div>
  );
}

/** The reasons as a list; `open` for a page where there is room to show them in full. */
export function ReasonList({ reasons, open = false }: { reasons: readonly string[]; open?: boolean }) {
  if (reasons.length === 0) return null;
  return (
    <ul className={open ? 'reasons reasons--open' : 'reasons'}>
      {reasons.map((reason) => (
        <li key={reason}>{reason}</li>
      ))}
    </ul>
  );
}
