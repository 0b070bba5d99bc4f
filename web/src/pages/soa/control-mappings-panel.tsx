import { useQueries, useQuery } from '@tanstack/react-query';
import { errorMessage } from '../../api/api-error.js';
import { REFERENCE_STALE_TIME, getCatalog, getCrosswalk, listCatalogs, listCrosswalks, type Crosswalk } from '../../api/catalog.api.js';
import { Notice } from '../../components/notice.js';
import { Link } from '../../router/router.js';
import { CONFIDENCE_LABEL, RELATION_LABEL } from './soa-labels.js';

/** Where this control leads in other frameworks, from each crosswalk's mappings (reference data, read as shipped). */
export function ControlMappingsPanel({ controlId }: { controlId: string }) {
  const summaries = useQuery({ queryKey: ['crosswalks', 'list'], queryFn: listCrosswalks, staleTime: REFERENCE_STALE_TIME });
  const catalogs = useQuery({ queryKey: ['catalogs', 'list'], queryFn: listCatalogs, staleTime: REFERENCE_STALE_TIME });
  const crosswalks = useQueries({
    queries: (summaries.data ?? []).map((s) => ({ queryKey: ['crosswalks', 'detail', s.id], queryFn: () => getCrosswalk(s.id), staleTime: REFERENCE_STALE_TIME })),
  });
  const targets = useQueries({
    queries: (summaries.data ?? []).map((s) => ({ queryKey: ['catalogs', 'detail', s.to], queryFn: () => getCatalog(s.to), staleTime: REFERENCE_STALE_TIME })),
  });
  const nameOf = (catalogId: string) => catalogs.data?.find((c) => c.id === catalogId)?.name ?? catalogId;
  const titleOf = (catalogId: string, itemId: string) => targets.find((t) => t.data?.id === catalogId)?.data?.items.find((i) => i.id === itemId)?.title;
  const failed = summaries.error ?? crosswalks.find((q) => q.error)?.error;

  return (
    <section className="panel" aria-labelledby="control-mappings-title">
      <h2 id="control-mappings-title" className="panel__title">
        Crosswalk mappings
      </h2>
      <p className="muted">Analyst and published mappings from this control to other frameworks, each with its relation, confidence and source. They guide; they do not prove compliance.</p>
      {failed ? <Notice tone="danger" title="Could not load the crosswalks">{errorMessage(failed)}</Notice> : null}
      {summaries.isPending ? <p role="status">Loading…</p> : null}
      {crosswalks.map((q, i) => {
        const crosswalk = q.data;
        const summary = summaries.data?.[i];
        if (!crosswalk || !summary) return null;
        const mappings = crosswalk.mappings.filter((m) => m.fromId === controlId);
        return (
          <div key={crosswalk.id} className="mapping-group">
            <h3 className="mapping-group__title">
              <Link to={`/crosswalks/${encodeURIComponent(crosswalk.id)}`}>{nameOf(crosswalk.to)}</Link>
            </h3>
            {mappings.length === 0 ? (
              <p className="muted">Not mapped in this crosswalk.</p>
            ) : (
              <ul className="mapping-list">
                {mappings.map((m) => (
                  <li key={`${m.toId}-${m.source}`} className="mapping">
                    <span className="mapping__target">
                      <strong>{m.toId}</strong> {titleOf(crosswalk.to, m.toId) ?? ''}
                    </span>
                    <span className="mapping__meta">
                      {RELATION_LABEL[m.relation] ?? m.relation} · {CONFIDENCE_LABEL[m.confidence] ?? m.confidence} confidence · Source: <span title={sourceName(crosswalk, m.source)}>{m.source}</span>
                    </span>
                    {m.note ? <span className="mapping__note">{m.note}</span> : null}
                  </li>
                ))}
              </ul>
            )}
            {mappings.length > 0 ? <SourceList crosswalk={crosswalk} ids={mappings.map((m) => m.source)} /> : null}
          </div>
        );
      })}
    </section>
  );
}

export function sourceName(crosswalk: Pick<Crosswalk, 'sources'>, id: string): string {
  return crosswalk.sources.find((s) => s.id === id)?.name ?? id;
}

/** The sources named by id in a list of mappings, spelled out (with their links). */
export function SourceList({ crosswalk, ids }: { crosswalk: Pick<Crosswalk, 'sources'>; ids: readonly string[] }) {
  const used = crosswalk.sources.filter((s) => ids.includes(s.id));
  if (used.length === 0) return null;
  return (
    <details className="sources">
      <summary>Sources ({used.length})</summary>
      <dl className="sources__list">
        {used.map((s) => (
          <div key={s.id}>
            <dt>{s.id}</dt>
            <dd>
              {s.url ? (
                <a href={s.url} rel="noopener noreferrer" target="_blank">
                  {s.name}
                  <span className="visually-hidden"> (opens in a new tab)</span>
                </a>
              ) : (
                s.name
              )}
            </dd>
          </div>
        ))}
      </dl>
    </details>
  );
}
