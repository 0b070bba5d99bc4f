import { useId } from 'react';
import { RISK_LEVELS } from '../../../../src/domain/risk/scoring-method.js';
import type { RiskFilter } from '../../api/risk.api.js';
import { LEVEL_LABEL, STATUS_LABEL, STATUS_ORDER } from './risk-labels.js';
import { hasRiskFilter } from './risk-url.js';

export interface FilterOption {
  value: string;
  label: string;
}

interface RiskFiltersProps {
  filter: RiskFilter;
  systems: readonly FilterOption[];
  owners: readonly FilterOption[];
  controls: readonly FilterOption[];
  onChange: (next: RiskFilter) => void;
}

/** System, level, owner, status and control: each is a server query parameter, applied at once and kept in the URL. */
export function RiskFilters({ filter, systems, owners, controls, onChange }: RiskFiltersProps) {
  const ids = { system: useId(), level: useId(), owner: useId(), status: useId(), control: useId() };
  const set = (patch: Partial<RiskFilter>) => {
    const next: RiskFilter = { ...filter, ...patch };
    for (const key of Object.keys(next) as (keyof RiskFilter)[]) if (!next[key]) delete next[key];
    onChange(next);
  };
  return (
    <div className="risk-filters" role="group" aria-label="Filter risks">
      <Select id={ids.system} label="System" value={filter.systemId} all="All systems" options={systems} onChange={(v) => set({ systemId: v })} />
      <Select id={ids.level} label="Current level" value={filter.level} all="Any level" options={RISK_LEVELS.map((l) => ({ value: l, label: LEVEL_LABEL[l] }))} onChange={(v) => set({ level: v as RiskFilter['level'] })} />
      <Select id={ids.owner} label="Owner" value={filter.ownerUserId} all="Anyone" options={owners} onChange={(v) => set({ ownerUserId: v })} />
      <Select id={ids.status} label="Status" value={filter.status} all="All statuses" options={STATUS_ORDER.map((s) => ({ value: s, label: STATUS_LABEL[s] }))} onChange={(v) => set({ status: v as RiskFilter['status'] })} />
      <Select id={ids.control} label="Annex A control" value={filter.controlId} all="Any control" options={controls} onChange={(v) => set({ controlId: v })} />
      {hasRiskFilter(filter) ? (
        <button type="button" className="button button--secondary risk-filters__clear" onClick={() => onChange({})}>
          Clear filters
        </button>
      ) : null}
    </div>
  );
}

function Select({ id, label, value, all, options, onChange }: { id: string; label: string; value: string | undefined; all: string; options: readonly FilterOption[]; onChange: (value: string | undefined) => void }) {
  return (
    <div className="data-table__filter">
      <label htmlFor={id}>{label}</label>
      <select id={id} className="input" value={value ?? ''} onChange={(e) => onChange(e.target.value || undefined)}>
        <option value="">{all}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}
