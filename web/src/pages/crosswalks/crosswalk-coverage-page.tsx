import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { ApiError, errorMessage } from '../../api/api-error.js';
import { REFERENCE_STALE_TIME, getCoverage, getCrosswalk, listCatalogs, type CoverageItem } from '../../api/catalog.api.js';
import { DataTable, type Column } from '../../components/data-table.js';
import { EmptyState } from '../../components/empty-state.js';
import { Notice } from '../../components/notice.js';
import { PageHeader } from '../../components/page-header.js';
import { StatusBadge } from '../../components/status-badge.js';
import { Link, navigate, useLocation } from '../../router/router.js';
import { useSession } from '../../session/session-context.js';
import { CoverageDetail } from './coverage-detail.js';
import { CROSSWALK_COVERAGE_LABEL, STATES, STATE_HELP, STATE_LABEL, STATE_TONE, isLegalTarget } from './coverage-labels.js';
import '../soa/soa.css';
import './crosswalks.css';

type State = CoverageItem['state'];

function detailId(itemId: string): string {
  return `coverage-${itemId.replace(/[^A-Za-z0-9]+/g, '-')}`;
}

function columns(open: ReadonlySet<string>, toggle: (id: string) => void): Column<CoverageItem>[] {
  return [
    {
      id: 'item',
      header: 'Item',
      sortValue: (i) => i.id,
      filterText: (i) => `${i.id} ${i.title} ${i.mappedBy.map((m) => m.id).join(' ')}`,
      cell: (i) => (
        <span>
          <strong className="nowrap">{i.id}</strong> {i.title}
        </span>
      ),
    },
    { id: 'state', header: 'Coverage', sortValue: (i) => STATES.indexOf(i.state), filterText: (i) => STATE_LABEL[i.state], cell: (i) => <StatusBadge tone={STATE_TONE[i.state]} title={STATE_HELP[i.state]}>{STATE_LABEL[i.state]}</StatusBadge> },
    {
      id: 'ratio',
      header: 'Implemented',
      align: 'end',
      sortValue: (i) => i.ratio ?? -1,
      filterText: () => '',
      cell: (i) => (i.ratio === null ? <span className="muted">—</span> : <span title="Implemented mapped Annex A controls over mapped controls">{Math.round(i.ratio * 100)} %</span>),
    },
    {
      id: 'crosswalk',
      header: '42001 can cover',
      sortValue: (i) => i.crosswalkCoverage,
      filterText: () => '',
      cell: (i) => (i.crosswalkCoverage ? CROSSWALK_COVERAGE_LABEL[i.crosswalkCoverage] : <span className="muted">Not rated</span>),
    },
    {
      id: 'mapped',
      header: 'Mapped',
      sortValue: (i) => i.mappedBy.length,
      filterText: () => '',
      cell: (i) => {
        const controls = i.mappedBy.filter((m) => m.kind === 'control').length;
        const clauses = i.mappedBy.length - controls;
        return (
          <span className="nowrap">
            {controls} {controls === 1 ? 'control' : 'controls'}, {clauses} {clauses === 1 ? 'clause' : 'clauses'}
          </span>
        );
      },
    },
    { id: 'gaps', header: 'Gaps', align: 'end', sortValue: (i) => i.gaps.length, filterText: (i) => i.gaps.join(' '), cell: (i) => i.gaps.length },
    {
      id: 'details',
      header: 'Details',
      actions: true,
      filterText: () => '',
      cell: (i) => {
        const isOpen = open.has(i.id);
        return (
          <button type="button" className="button button--secondary button--small change-toggle" aria-expanded={isOpen} aria-controls={isOpen ? detailId(i.id) : undefined} onClick={() => toggle(i.id)}>
            <span aria-hidden="true" className="change-toggle__icon">
              {isOpen ? '▾' : '▸'}
            </span>
            {isOpen ? 'Hide' : 'Show'}
            <span className="visually-hidden"> mappings and gaps of {i.id}</span>
          </button>
        );
      },
    },
  ];
}

/** How far the SoA covers a crosswalk's target, item by item, with what maps there and the gaps (computed on the server). */
export function CrosswalkCoveragePage({ id }: { id: string }) {
  const { me } = useSession();
  const { search } = useLocation();
  const stateFilter = STATES.find((s) => s === search.get('state'));
  const coverage = useQuery({ queryKey: ['crosswalks', 'coverage', id], queryFn: () => getCoverage(id) });
  const crosswalk = useQuery({ queryKey: ['crosswalks', 'detail', id], queryFn: () => getCrosswalk(id), staleTime: REFERENCE_STALE_TIME });
  const catalogs = useQuery({ queryKey: ['catalogs', 'list'], queryFn: listCatalogs, staleTime: REFERENCE_STALE_TIME });
  const [open, setOpen] = useState<ReadonlySet<string>>(() => new Set());
  const cols = useMemo(
    () =>
      columns(open, (itemId) =>
        setOpen((current) => {
          const next = new Set(current);
          if (!next.delete(itemId)) next.add(itemId);
          return next;
        }),
      ),
    [open],
  );
  const data = coverage.data;
  const rows = useMemo(() => (data ? data.items.filter((i) => !stateFilter || i.state === stateFilter) : []), [data, stateFilter]);
  const targetName = data?.target.name ?? crosswalk.data?.to ?? 'Coverage';
  const fromName = catalogs.data?.find((c) => c.id === crosswalk.data?.from)?.name ?? crosswalk.data?.from;
  const legal = crosswalk.data ? isLegalTarget(crosswalk.data.to) : false;
  const filterTo = (state: State | undefined) => navigate(`/crosswalks/${encodeURIComponent(id)}${state ? `?state=${state}` : ''}`, { replace: true });

  return (
    <>
      <p className="breadcrumb">
        <Link to="/crosswalks">
          <span aria-hidden="true">← </span>Crosswalks
        </Link>
      </p>
      <PageHeader
        title={`Coverage: ${targetName}`}
        organization={me.organization.name}
        description={
          crosswalk.data ? `Read through the crosswalk from ${fromName ?? crosswalk.data.from}, version ${crosswalk.data.version}, against your working Statement of Applicability as it stands now.` : undefined
        }
      />
      {coverage.isError ? (
        <Notice tone="danger" title={coverage.error instanceof ApiError && coverage.error.status === 404 ? 'No such crosswalk' : 'Could not compute the coverage'}>
          {errorMessage(coverage.error)} <Link to="/crosswalks">Back to the crosswalks</Link>
        </Notice>
      ) : null}
      {crosswalk.data ? (
        <div className={`notice notice--${legal ? 'warn' : 'info'} crosswalk-caveat`}>
          <p className="notice__title">{legal ? 'Screening aid: an analyst mapping, not legal advice' : 'About this crosswalk'}</p>
          <div className="notice__body">
            <p>{crosswalk.data.description}</p>
            {legal ? <p>A covered article means the mapped ISO/IEC 42001 controls are implemented, not that the organization meets the Act. Read the gaps, and have obligations confirmed by counsel.</p> : null}
          </div>
        </div>
      ) : null}
      {coverage.isPending ? <p role="status">Computing coverage…</p> : null}
      {data ? (
        <>
          <section className="panel" aria-labelledby="coverage-summary-title">
            <h2 id="coverage-summary-title" className="panel__title">
              {data.items.length} items mapped in this crosswalk
            </h2>
            <ul className="soa-counts" aria-label="Items by coverage">
              {STATES.map((state) => (
                <li key={state}>
                  <Link
                    to={`/crosswalks/${encodeURIComponent(id)}?state=${state}`}
                    className="soa-count"
                    aria-current={stateFilter === state ? 'true' : undefined}
                    title={STATE_HELP[state]}
                  >
                    <span className="soa-count__value">{data.summary[state]}</span>
                    <StatusBadge tone={STATE_TONE[state]}>{STATE_LABEL[state]}</StatusBadge>
                  </Link>
                </li>
              ))}
            </ul>
            <p className="muted coverage-legend">
              Covered: {STATE_HELP.covered}. Partial: {STATE_HELP.partial}. Gap: {STATE_HELP.gap}. Unmapped: {STATE_HELP.unmapped}.
            </p>
          </section>
          <section className="panel" aria-labelledby="coverage-items-title">
            <h2 id="coverage-items-title" className="panel__title">
              {stateFilter ? `${STATE_LABEL[stateFilter]} items` : 'All items'}
            </h2>
            {stateFilter ? (
              <p>
                <button type="button" className="button button--secondary button--small" onClick={() => filterTo(undefined)}>
                  Show all items
                </button>
              </p>
            ) : null}
            <DataTable
              caption={`Coverage of ${data.target.name}`}
              columns={cols}
              rows={rows}
              rowKey={(i) => i.id}
              rowDetail={(i) => (open.has(i.id) ? <CoverageDetail item={i} crosswalk={crosswalk.data} id={detailId(i.id)} /> : null)}
              filterLabel="Search items"
              empty={<EmptyState title="No items in this state" />}
            />
          </section>
        </>
      ) : null}
    </>
  );
}
