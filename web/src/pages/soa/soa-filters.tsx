import { APPLICABILITIES, type Applicability, type ControlStatus } from '../../../../src/domain/soa/soa-document.js';
import { FilterBar, FilterSelect, usePatchView, type FilterOption } from '../../components/filter-bar.js';
import { APPLICABILITY_LABEL, STATUS_LABEL, STATUS_ORDER } from './soa-labels.js';
import { hasFilter, type SoaView } from './soa-url.js';

interface SoaFiltersProps {
  view: SoaView;
  objectives: readonly FilterOption[];
  owners: readonly FilterOption[];
  onChange: (next: SoaView) => void;
}

const STATUS_OPTIONS = STATUS_ORDER.map((s) => ({ value: s, label: STATUS_LABEL[s] }));
const APPLICABILITY_OPTIONS = APPLICABILITIES.map((a) => ({ value: a, label: APPLICABILITY_LABEL[a] }));

/** Status, applicability, objective and owner; each choice applies at once and is kept in the URL. */
export function SoaFilters({ view, objectives, owners, onChange }: SoaFiltersProps) {
  const set = usePatchView(view, onChange);
  return (
    <FilterBar label="Filter controls" active={hasFilter(view)} onClear={() => onChange(view.version ? { version: view.version } : {})}>
      <FilterSelect label="Status" value={view.status} all="All statuses" options={STATUS_OPTIONS} onChange={(v) => set({ status: v as ControlStatus | undefined })} />
      <FilterSelect label="Applicability" value={view.applicability} all="All" options={APPLICABILITY_OPTIONS} onChange={(v) => set({ applicability: v as Applicability | undefined })} />
      <FilterSelect label="Objective" value={view.objectiveId} all="All objectives" options={objectives} onChange={(v) => set({ objectiveId: v })} />
      <FilterSelect label="Owner" value={view.ownerUserId} all="Anyone" options={owners} onChange={(v) => set({ ownerUserId: v })} />
    </FilterBar>
  );
}
