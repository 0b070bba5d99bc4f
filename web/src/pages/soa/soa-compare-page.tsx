import { useQuery } from '@tanstack/react-query';
import { useId, useMemo } from 'react';
import { errorMessage } from '../../api/api-error.js';
import { diffSoaVersions, listSoaVersions } from '../../api/soa.api.js';
import { EmptyState } from '../../components/empty-state.js';
import { Notice } from '../../components/notice.js';
import { PageHeader } from '../../components/page-header.js';
import { Link, navigate, useLocation } from '../../router/router.js';
import { useSession } from '../../session/session-context.js';
import type { Applicability, ControlStatus } from '../../../../src/domain/soa/soa-document.js';
import { APPLICABILITY_LABEL, STATUS_LABEL, controlFieldLabel, controlPath } from './soa-labels.js';
import './soa.css';

/** A diff value in words: statuses and applicability by their labels, the rest as recorded. */
function shown(field: string, value: string | null) {
  if (value === null) return <span className="muted">none</span>;
  if (field === 'status') return STATUS_LABEL[value as ControlStatus] ?? value;
  if (field === 'applicability') return APPLICABILITY_LABEL[value as Applicability] ?? value;
  return value;
}

/** Two versions side by side, control by control: what changed between them (GET /soa/diff). */
export function SoaComparePage() {
  const { me } = useSession();
  const { search } = useLocation();
  const fromId = useId();
  const toId = useId();
  const versions = useQuery({ queryKey: ['soa', 'versions'], queryFn: listSoaVersions });
  const list = useMemo(() => versions.data ?? [], [versions.data]);
  // By default: the latest issued version against the one after it (the draft, or the newest issue).
  const issued = list.filter((v) => v.state === 'issued');
  const defaultFrom = issued.length > 1 && list[0]?.state === 'issued' ? issued[1]?.number : issued[0]?.number;
  const defaultTo = list[0]?.number !== defaultFrom ? list[0]?.number : undefined;
  const from = Number(search.get('from')) || defaultFrom;
  const to = Number(search.get('to')) || defaultTo;
  const ready = Boolean(from && to && from !== to);
  const diff = useQuery({ queryKey: ['soa', 'diff', from, to], queryFn: () => diffSoaVersions(from!, to!), enabled: ready });

  const label = (n: number) => {
    const v = list.find((x) => x.number === n);
    return v?.state === 'draft' ? `Draft ${n}` : `Version ${n}`;
  };
  const choose = (next: { from?: number | undefined; to?: number | undefined }) => {
    const params = new URLSearchParams();
    const f = next.from ?? from;
    const t = next.to ?? to;
    if (f) params.set('from', String(f));
    if (t) params.set('to', String(t));
    navigate(`/soa/compare?${params.toString()}`, { replace: true });
  };
  const options = list.map((v) => (
    <option key={v.number} value={v.number}>
      {v.state === 'draft' ? `Draft ${v.number} (working)` : `Version ${v.number} (issued${v.issuedAt ? ` ${v.issuedAt.slice(0, 10)}` : ''})`}
    </option>
  ));

  return (
    <>
      <p className="breadcrumb">
        <Link to="/soa">
          <span aria-hidden="true">← </span>Statement of Applicability
        </Link>
      </p>
      <PageHeader title="Compare SoA versions" organization={me.organization.name} description="What changed between two versions, control by control: applicability, justification, owner, plan, status and evidence." />
      {versions.isError ? <Notice tone="danger" title="Could not load the versions">{errorMessage(versions.error)}</Notice> : null}
      <section className="panel" aria-labelledby="compare-choose-title">
        <h2 id="compare-choose-title" className="panel__title">
          Versions
        </h2>
        {list.length < 2 && versions.isSuccess ? (
          <EmptyState title="Nothing to compare yet" body="Once a version has been issued and the draft after it changed, the two can be compared here." />
        ) : (
          <div className="filter-bar">
            <div className="data-table__filter">
              <label htmlFor={fromId}>Older</label>
              <select id={fromId} className="input" value={from ?? ''} onChange={(e) => choose({ from: Number(e.target.value) })}>
                {options}
              </select>
            </div>
            <div className="data-table__filter">
              <label htmlFor={toId}>Newer</label>
              <select id={toId} className="input" value={to ?? ''} onChange={(e) => choose({ to: Number(e.target.value) })}>
                {options}
              </select>
            </div>
          </div>
        )}
      </section>
      {ready ? (
        <section className="panel" aria-labelledby="compare-result-title">
          <h2 id="compare-result-title" className="panel__title">
            {label(from!)} → {label(to!)}
            {diff.data ? `: ${diff.data.controls.length} ${diff.data.controls.length === 1 ? 'control' : 'controls'} changed` : ''}
          </h2>
          {diff.isPending ? <p role="status">Loading…</p> : null}
          {diff.isError ? <Notice tone="danger" title="Could not compare">{errorMessage(diff.error)}</Notice> : null}
          {diff.data && diff.data.controls.length === 0 ? <EmptyState title="No differences" body="Both versions say the same about every control." /> : null}
          {diff.data?.controls.map((c) => (
            <div key={c.controlId} className="soa-diff">
              <h3 className="soa-diff__title">
                <Link to={controlPath(c.controlId)}>{c.controlId}</Link> {c.title}
              </h3>
              <table className="change__table">
                <caption className="visually-hidden">Changes to {c.controlId}</caption>
                <thead>
                  <tr>
                    <th scope="col">Field</th>
                    <th scope="col">{label(from!)}</th>
                    <th scope="col">{label(to!)}</th>
                  </tr>
                </thead>
                <tbody>
                  {c.changes.map((change) => (
                    <tr key={change.field}>
                      <th scope="row">{controlFieldLabel(change.field)}</th>
                      <td className="change__value">{shown(change.field, change.from)}</td>
                      <td className="change__value">{shown(change.field, change.to)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ))}
        </section>
      ) : null}
    </>
  );
}
