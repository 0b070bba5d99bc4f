import { useInfiniteQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import type { TrailEventOutput } from '../../../../src/contracts/trail.contracts.js';
import { listTrail, type TrailFilter } from '../../api/trail.api.js';
import { Breakable } from '../../components/breakable.js';
import { DataTable, type Column } from '../../components/data-table.js';
import { EmptyState } from '../../components/empty-state.js';
import { PageHeader } from '../../components/page-header.js';
import { formatDateTime, hashPrefix, humanize, shortId } from '../../lib/format.js';
import { navigate, useLocation } from '../../router/router.js';
import { useSession } from '../../session/session-context.js';
import { TrailChange } from './trail-change.js';
import { TrailFilters } from './trail-filters.js';
import { TrailVerifyPanel } from './trail-verify-panel.js';

const FILTER_KEYS = ['entityType', 'entityId', 'actorId', 'from', 'to'] as const;

function columns(open: ReadonlySet<string>, toggle: (id: string) => void): Column<TrailEventOutput>[] {
  return [
    { id: 'seq', header: '#', align: 'end', sortValue: (e) => e.seq, cell: (e) => e.seq },
    { id: 'at', header: 'Time', sortValue: (e) => e.at, filterText: () => '', cell: (e) => <time dateTime={e.at} className="nowrap">{formatDateTime(e.at)}</time> },
    { id: 'action', header: 'Action', sortValue: (e) => e.action, filterText: (e) => `${e.action} ${humanize(e.action)}`, cell: (e) => <span className="nowrap">{humanize(e.action)}</span> },
    {
      id: 'entity',
      header: 'Entity',
      sortValue: (e) => `${e.entityType} ${e.entityId}`,
      cell: (e) => (
        <>
          {humanize(e.entityType)} <code title={e.entityId}>{shortId(e.entityId)}</code>
        </>
      ),
    },
    {
      id: 'actor',
      header: 'Actor',
      breakable: true,
      sortValue: (e) => e.actorLabel,
      filterText: (e) => `${e.actorLabel} ${e.actorId ?? ''} ${e.actorType}`,
      cell: (e) => (
        <span title={e.actorId ? `${e.actorType} ${e.actorId}` : e.actorType}>
          <Breakable text={e.actorLabel} />
          {e.actorType !== 'user' ? <span className="muted"> ({e.actorType})</span> : null}
        </span>
      ),
    },
    { id: 'hash', header: 'Hash', filterText: (e) => e.hash, cell: (e) => <code title={e.hash}>{hashPrefix(e.hash)}</code> },
    {
      id: 'change',
      header: 'Change',
      actions: true,
      filterText: () => '',
      cell: (e) => {
        const isOpen = open.has(e.id);
        return (
          <button type="button" className="button button--secondary button--small change-toggle" aria-expanded={isOpen} aria-controls={changeId(e.id)} onClick={() => toggle(e.id)}>
            <span aria-hidden="true" className="change-toggle__icon">
              {isOpen ? '▾' : '▸'}
            </span>
            {isOpen ? 'Hide' : 'View'}
            <span className="visually-hidden"> change #{e.seq}</span>
          </button>
        );
      },
    },
  ];
}

function changeId(eventId: string): string {
  return `change-${eventId}`;
}

/** The organization's tamper-evident trail: newest first, filterable, paginated, verifiable. */
export function TrailPage() {
  const { me } = useSession();
  const { search } = useLocation();
  const searchKey = search.toString();
  const filter = useMemo<TrailFilter>(() => {
    const params = new URLSearchParams(searchKey);
    return Object.fromEntries(FILTER_KEYS.flatMap((k) => (params.get(k) ? [[k, params.get(k)]] : [])));
  }, [searchKey]);

  const list = useInfiniteQuery({
    queryKey: ['trail', 'list', filter],
    queryFn: ({ pageParam }) => listTrail(filter, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const rows = useMemo(() => list.data?.pages.flatMap((p) => p.items) ?? [], [list.data]);
  const [open, setOpen] = useState<ReadonlySet<string>>(() => new Set());
  const cols = useMemo(
    () =>
      columns(open, (id) =>
        setOpen((current) => {
          const next = new Set(current);
          if (!next.delete(id)) next.add(id);
          return next;
        }),
      ),
    [open],
  );
  const filtered = FILTER_KEYS.some((k) => filter[k]);

  // Filters live in the URL, so a filtered view can be bookmarked and linked to.
  const apply = (next: TrailFilter) => {
    const params = new URLSearchParams();
    for (const k of FILTER_KEYS) if (next[k]) params.set(k, next[k]);
    const qs = params.toString();
    navigate(`/trail${qs ? `?${qs}` : ''}`, { replace: true });
  };

  return (
    <>
      <PageHeader
        title="Trail"
        organization={me.organization.name}
        description="Every change, who made it and when, in a hash-chained log that cannot be edited unnoticed (ISO/IEC 42001 7.5.3)."
      />
      <TrailVerifyPanel />
      <section className="panel" aria-labelledby="trail-events-title">
        <h2 id="trail-events-title" className="panel__title">
          Events
        </h2>
        <TrailFilters key={searchKey} value={filter} onApply={apply} />
        <DataTable
          caption="Trail events"
          columns={cols}
          rows={rows}
          rowKey={(e) => e.id}
          rowDetail={(e) => (open.has(e.id) ? <TrailChange event={e} id={changeId(e.id)} /> : null)}
          filterLabel="Search loaded events"
          loading={list.isPending}
          error={list.error}
          hasMore={list.hasNextPage}
          onLoadMore={() => void list.fetchNextPage()}
          loadingMore={list.isFetchingNextPage}
          empty={<EmptyState title={filtered ? 'No events match these filters' : 'No events yet'} body={filtered ? 'Widen the time range or clear the filters.' : undefined} />}
        />
      </section>
    </>
  );
}
