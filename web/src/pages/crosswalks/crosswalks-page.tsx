import { useQuery } from '@tanstack/react-query';
import { errorMessage } from '../../api/api-error.js';
import { REFERENCE_STALE_TIME, listCatalogs, listCrosswalks } from '../../api/catalog.api.js';
import { EmptyState } from '../../components/empty-state.js';
import { Notice } from '../../components/notice.js';
import { PageHeader } from '../../components/page-header.js';
import { StatusBadge } from '../../components/status-badge.js';
import { Link } from '../../router/router.js';
import { useSession } from '../../session/session-context.js';
import { isLegalTarget } from './coverage-labels.js';
import './crosswalks.css';

/** The crosswalks shipped with OpenAIMS, from ISO/IEC 42001 to other frameworks, each with its caveat. */
export function CrosswalksPage() {
  const { me } = useSession();
  const crosswalks = useQuery({ queryKey: ['crosswalks', 'list'], queryFn: listCrosswalks, staleTime: REFERENCE_STALE_TIME });
  const catalogs = useQuery({ queryKey: ['catalogs', 'list'], queryFn: listCatalogs, staleTime: REFERENCE_STALE_TIME });
  const catalogName = (id: string) => catalogs.data?.find((c) => c.id === id)?.name ?? id;
  return (
    <>
      <PageHeader
        title="Crosswalks"
        organization={me.organization.name}
        description="How far your ISO/IEC 42001 work carries over to other frameworks: each crosswalk maps 42001 clauses and Annex A controls to another framework's items, and the coverage view reads your SoA through it."
      />
      {crosswalks.isPending ? <p role="status">Loading…</p> : null}
      {crosswalks.isError ? <Notice tone="danger" title="Could not load the crosswalks">{errorMessage(crosswalks.error)}</Notice> : null}
      {crosswalks.data && crosswalks.data.length === 0 ? <EmptyState title="No crosswalks shipped" /> : null}
      <ul className="crosswalk-cards">
        {crosswalks.data?.map((x) => (
          <li key={x.id} className="panel crosswalk-card">
            <h2 className="crosswalk-card__title">
              <Link to={`/crosswalks/${encodeURIComponent(x.id)}`}>{catalogName(x.to)}</Link>
            </h2>
            <p className="crosswalk-card__meta">
              From {catalogName(x.from)} · version {x.version} · {x.mappingCount} mappings
              {isLegalTarget(x.to) ? (
                <>
                  {' '}
                  <StatusBadge tone="warn">Screening aid, not legal advice</StatusBadge>
                </>
              ) : null}
            </p>
            <p className="crosswalk-card__description">{x.description}</p>
            <Link to={`/crosswalks/${encodeURIComponent(x.id)}`} className="button button--secondary button--small">
              View coverage<span className="visually-hidden"> of {catalogName(x.to)}</span>
            </Link>
          </li>
        ))}
      </ul>
    </>
  );
}
