import type { UseQueryResult } from '@tanstack/react-query';
import type { Page } from '../../../../src/contracts/common.contracts.js';
import type { EvidenceOutput } from '../../../../src/contracts/evidence.contracts.js';
import { errorMessage } from '../../api/api-error.js';
import { EmptyState } from '../../components/empty-state.js';
import { StatusBadge } from '../../components/status-badge.js';
import { formatDate, localDay } from '../../lib/format.js';
import { Link } from '../../router/router.js';
import { useSession } from '../../session/session-context.js';
import { validityOf } from '../evidence/evidence-validity.js';

/** Evidence whose validity has ended or ends within 30 days: what to renew first. */
export function HomeEvidenceAttention({ evidence }: { evidence: UseQueryResult<Page<EvidenceOutput>> }) {
  const { can } = useSession();
  const today = localDay(new Date());
  const flagged = (evidence.data?.items ?? [])
    .map((item) => ({ item, validity: validityOf(item, today) }))
    .filter(({ validity }) => validity.tone === 'danger' || validity.tone === 'warn')
    .sort((a, b) => (a.item.validUntil ?? '').localeCompare(b.item.validUntil ?? ''));

  return (
    <section className="panel" aria-labelledby="home-attention">
      <h2 id="home-attention" className="panel__title">
        Evidence needing attention
      </h2>
      {evidence.isPending ? <p role="status">Loading evidence…</p> : null}
      {evidence.isError ? <p role="alert">Could not load evidence: {errorMessage(evidence.error)}</p> : null}
      {evidence.data && evidence.data.items.length === 0 ? (
        <EmptyState
          title="No evidence yet"
          body="Upload policies, test reports and records that show your AI management system works."
          action={can('evidence:write') ? <Link to="/evidence#upload">Upload the first file</Link> : null}
        />
      ) : null}
      {evidence.data && evidence.data.items.length > 0 && flagged.length === 0 ? (
        <p className="muted">
          Nothing expires within 30 days. {evidence.data.items.length === 1 ? 'The one item is' : `All ${evidence.data.items.length} items are`} within
          their validity or have no end date.
        </p>
      ) : null}
      {flagged.length > 0 ? (
        <ul className="attention-list">
          {flagged.slice(0, 8).map(({ item, validity }) => (
            <li key={item.id}>
              <Link to={`/evidence/${item.id}`}>{item.title}</Link>
              <span>
                <StatusBadge tone={validity.tone}>{validity.label}</StatusBadge> <span className="muted">until {formatDate(item.validUntil)}</span>
              </span>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
