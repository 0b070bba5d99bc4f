import type { SoaControlOutput } from '../../../../src/contracts/soa.contracts.js';
import { APPLICABILITIES } from '../../../../src/domain/soa/soa-document.js';
import { StatusBadge } from '../../components/status-badge.js';
import { Link } from '../../router/router.js';
import { APPLICABILITY_LABEL, STATUS_LABEL, STATUS_ORDER, STATUS_TONE } from './soa-labels.js';
import { soaViewPath, type SoaView } from './soa-url.js';

/** How many controls have each server-derived status and each applicability; each count filters the table. */
export function SoaSummary({ controls, view }: { controls: readonly SoaControlOutput[]; view: SoaView }) {
  const base: SoaView = view.version ? { version: view.version } : {};
  const byStatus = (s: string) => controls.filter((c) => c.status === s).length;
  const byApplicability = (a: string) => controls.filter((c) => c.applicability === a).length;
  return (
    <section className="panel" aria-labelledby="soa-summary-title">
      <h2 id="soa-summary-title" className="panel__title">
        {controls.length} Annex A controls at a glance
      </h2>
      <div className="soa-summary">
        <ul className="soa-counts" aria-label="Controls by status">
          {STATUS_ORDER.map((status) => (
            <li key={status}>
              <Link to={soaViewPath({ ...base, status })} className="soa-count" aria-current={view.status === status ? 'true' : undefined}>
                <span className="soa-count__value">{byStatus(status)}</span>
                <StatusBadge tone={STATUS_TONE[status]}>{STATUS_LABEL[status]}</StatusBadge>
              </Link>
            </li>
          ))}
        </ul>
        <ul className="soa-counts soa-counts--plain" aria-label="Controls by applicability">
          {APPLICABILITIES.map((applicability) => (
            <li key={applicability}>
              <Link to={soaViewPath({ ...base, applicability })} className="soa-count" aria-current={view.applicability === applicability ? 'true' : undefined}>
                <span className="soa-count__value">{byApplicability(applicability)}</span>
                <span>{APPLICABILITY_LABEL[applicability]}</span>
              </Link>
            </li>
          ))}
        </ul>
      </div>
    </section>
  );
}
