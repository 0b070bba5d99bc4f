import { useId } from 'react';
import { APPLICABILITIES, type Applicability, type ControlStatus } from '../../../../src/domain/soa/soa-document.js';
import { APPLICABILITY_LABEL, STATUS_LABEL, STATUS_ORDER } from './soa-labels.js';
import { hasFilter, type SoaView } from './soa-url.js';

export interface FilterOption {
  value: string;
  label: string;
}

interface SoaFiltersProps {
  view: SoaView;
  objectives: readonly FilterOption[];
  owners: readonly FilterOption[];
  onChange: (next: SoaView) => void;
}

/** Status, applicability, objective and owner; each choice applies at once and is kept in the URL. */
export function SoaFilters({ view, objectives, owners, onChange }: SoaFiltersProps) {
  const ids = { status: useId(), applicability: useId(), objective: useId(), owner: useId() };
  const set = (patch: Partial<SoaView>) => {
    const next: SoaView = { ...view, ...patch };
    for (const key of Object.keys(patch) as (keyof SoaView)[]) if (!next[key]) delete next[key];
    onChange(next);
  };
  return (
    <div className="soa-filters" role="group" aria-label="Filter controls">
      <div className="data-table__filter">
        <label htmlFor={ids.status}>Status</label>
        <select id={ids.status} className="input" value={view.status ?? ''} onChange={(e) => set({ status: (e.target.value || undefined) as ControlStatus | undefined })}>
          <option value="">All statuses</option>
          {STATUS_ORDER.map((s) => (
            <option key={s} value={s}>
              {STATUS_LABEL[s]}
            </option>
          ))}
        </select>
      </div>
      <div className="data-table__filter">
        <label htmlFor={ids.applicability}>Applicability</label>
        <select id={ids.applicability} className="input" value={view.applicability ?? ''} onChange={(e) => set({ applicability: (e.target.value || undefined) as Applicability | undefined })}>
          <option value="">All</option>
          {APPLICABILITIES.map((a) => (
            <option key={a} value={a}>
              {APPLICABILITY_LABEL[a]}
            </option>
          ))}
        </select>
      </div>
      <div className="data-table__filter">
        <label htmlFor={ids.objective}>Objective</label>
        <select id={ids.objective} className="input" value={view.objectiveId ?? ''} onChange={(e) => set({ objectiveId: e.target.value || undefined })}>
          <option value="">All objectives</option>
          {objectives.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      </div>
      <div className="data-table__filter">
        <label htmlFor={ids.owner}>Owner</label>
        <select id={ids.owner} className="input" value={view.ownerUserId ?? ''} onChange={(e) => set({ ownerUserId: e.target.value || undefined })}>
          <option value="">Anyone</option>
          {owners.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      </div>
      {hasFilter(view) ? (
        <button type="button" className="button button--secondary soa-filters__clear" onClick={() => onChange(view.version ? { version: view.version } : {})}>
          Clear filters
        </button>
      ) : null}
    </div>
  );
}
