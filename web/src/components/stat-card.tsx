import type { ReactNode } from 'react';
import { Link } from '../router/router.js';

interface StatCardProps {
  label: string;
  value: ReactNode;
  detail?: ReactNode;
  /** Where "view" goes; the whole card is not a link, so its text stays selectable. */
  to?: string;
  linkLabel?: string;
}

/** One headline number with a label, a line of context and an optional link to the list behind it. */
export function StatCard({ label, value, detail, to, linkLabel }: StatCardProps) {
  return (
    <section className="stat-card" aria-label={label}>
      <h2 className="stat-card__label">{label}</h2>
      <p className="stat-card__value">{value}</p>
      {detail ? <div className="stat-card__detail">{detail}</div> : null}
      {to ? (
        <Link to={to} className="stat-card__link">
          {linkLabel ?? `View ${label.toLowerCase()}`}
        </Link>
      ) : null}
    </section>
  );
}
