import { RISK_LEVELS } from '../../../../src/domain/risk/scoring-method.js';
import type { RiskFilter } from '../../api/risk.api.js';
import { FilterBar, FilterSelect, usePatchView, type FilterOption } from '../../components/filter-bar.js';
import { LEVEL_LABEL, STATUS_LABEL, STATUS_ORDER } from './risk-labels.js';
import { hasRiskFilter } from './risk-url.js';

interface RiskFiltersProps {
  filter: RiskFilter;
  systems: readonly FilterOption[];
  owners: readonly FilterOption[];
  controls: readonly FilterOption[];
  onChange: (next: RiskFilter) => void;
}

const LEVEL_OPTIONS = RISK_LEVELS.map((l) => ({ value: l, label: LEVEL_LABEL[l] }));
const STATUS_OPTIONS = STATUS_ORDER.map((s) => ({ value: s, label: STATUS_LABEL[s] }));

/** System, level, owner, status and control: each is a server query parameter, applied at once and kept in the URL. */
export function RiskFilters({ filter, systems, owners, controls, onChange }: RiskFiltersProps) {
  const set = usePatchView(filter, onChange);
  return (
    <FilterBar label="Filter risks" active={hasRiskFilter(filter)} onClear={() => onChange({})}>
      <FilterSelect label="System" value={filter.systemId} all="All systems" options={systems} onChange={(v) => set({ systemId: v })} />
      <FilterSelect label="Current level" value={filter.level} all="Any level" options={LEVEL_OPTIONS} onChange={(v) => set({ level: v as RiskFilter['level'] })} />
      <FilterSelect label="Owner" value={filter.ownerUserId} all="Anyone" options={owners} onChange={(v) => set({ ownerUserId: v })} />
      <FilterSelect label="Status" value={filter.status} all="All statuses" options={STATUS_OPTIONS} onChange={(v) => set({ status: v as RiskFilter['status'] })} />
      <FilterSelect label="Annex A control" value={filter.controlId} all="Any control" options={controls} onChange={(v) => set({ controlId: v })} />
    </FilterBar>
  );
}
