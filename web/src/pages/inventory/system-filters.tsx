import { LIFECYCLE_STAGES, type LifecycleStage } from '../../../../src/domain/inventory/inventory-terms.js';
import { FilterBar, FilterSelect, usePatchView, type FilterOption } from '../../components/filter-bar.js';
import { STAGE_LABEL, TIERS, TIER_LABEL, waveLabel, type Tier } from './inventory-labels.js';
import { NOT_SCREENED, hasFilter, type InventoryView } from './inventory-url.js';

interface SystemFiltersProps {
  view: InventoryView;
  owners: readonly FilterOption[];
  /** The waves the server has systems in. */
  waves: readonly number[];
  onChange: (next: InventoryView) => void;
}

const TIER_OPTIONS = TIERS.map((t) => ({ value: t, label: TIER_LABEL[t] }));
const STAGE_OPTIONS = LIFECYCLE_STAGES.map((s) => ({ value: s, label: STAGE_LABEL[s] }));

/** Tier, stage, owner and wave; each choice applies at once and is kept in the URL. */
export function SystemFilters({ view, owners, waves, onChange }: SystemFiltersProps) {
  const set = usePatchView(view, onChange);
  const waveOptions = [...new Set([...waves, ...(view.wave ? [view.wave] : [])])]
    .filter((w) => w > 0)
    .sort((a, b) => a - b)
    .map((w) => ({ value: String(w), label: waveLabel(w) }));
  return (
    <FilterBar label="Filter systems" active={hasFilter(view)} onClear={() => onChange({})}>
      <FilterSelect label="Risk tier" value={view.tier} all="All tiers" options={TIER_OPTIONS} onChange={(v) => set({ tier: v as Tier | undefined })} extra={<option value={NOT_SCREENED}>Not screened</option>} />
      <FilterSelect label="Stage" value={view.stage} all="All stages" options={STAGE_OPTIONS} onChange={(v) => set({ stage: v as LifecycleStage | undefined })} />
      <FilterSelect label="Owner" value={view.ownerUserId} all="Anyone" options={owners} onChange={(v) => set({ ownerUserId: v })} />
      <FilterSelect label="Wave" value={view.wave} all="All waves" options={waveOptions} onChange={(v) => set({ wave: v ? Number(v) : undefined })} />
    </FilterBar>
  );
}
