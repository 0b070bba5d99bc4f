import { useId } from 'react';
import { LIFECYCLE_STAGES, type LifecycleStage } from '../../../../src/domain/inventory/inventory-terms.js';
import { STAGE_LABEL, TIERS, TIER_LABEL, waveLabel, type Tier } from './inventory-labels.js';
import { NOT_SCREENED, hasFilter, type InventoryView } from './inventory-url.js';

interface SystemFiltersProps {
  view: InventoryView;
  owners: readonly { value: string; label: string }[];
  /** The waves the server has systems in. */
  waves: readonly number[];
  onChange: (next: InventoryView) => void;
}

/** Tier, stage, owner and wave; each choice applies at once and is kept in the URL. */
export function SystemFilters({ view, owners, waves, onChange }: SystemFiltersProps) {
  const ids = { tier: useId(), stage: useId(), owner: useId(), wave: useId() };
  const set = (patch: Partial<InventoryView>) => {
    const next: InventoryView = { ...view, ...patch };
    for (const key of Object.keys(patch) as (keyof InventoryView)[]) if (!next[key]) delete next[key];
    onChange(next);
  };
  return (
    <div className="inventory-filters" role="group" aria-label="Filter systems">
      <div className="data-table__filter">
        <label htmlFor={ids.tier}>Risk tier</label>
        <select id={ids.tier} className="input" value={view.tier ?? ''} onChange={(e) => set({ tier: (e.target.value || undefined) as Tier | undefined })}>
          <option value="">All tiers</option>
          {TIERS.map((t) => (
            <option key={t} value={t}>
              {TIER_LABEL[t]}
            </option>
          ))}
          <option value={NOT_SCREENED}>Not screened</option>
        </select>
      </div>
      <div className="data-table__filter">
        <label htmlFor={ids.stage}>Stage</label>
        <select id={ids.stage} className="input" value={view.stage ?? ''} onChange={(e) => set({ stage: (e.target.value || undefined) as LifecycleStage | undefined })}>
          <option value="">All stages</option>
          {LIFECYCLE_STAGES.map((s) => (
            <option key={s} value={s}>
              {STAGE_LABEL[s]}
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
      <div className="data-table__filter">
        <label htmlFor={ids.wave}>Wave</label>
        <select id={ids.wave} className="input" value={view.wave ?? ''} onChange={(e) => set({ wave: e.target.value ? Number(e.target.value) : undefined })}>
          <option value="">All waves</option>
          {[...new Set([...waves, ...(view.wave ? [view.wave] : [])])]
            .filter((w) => w > 0)
            .sort((a, b) => a - b)
            .map((w) => (
              <option key={w} value={w}>
                {waveLabel(w)}
              </option>
            ))}
        </select>
      </div>
      {hasFilter(view) ? (
        <button type="button" className="button button--secondary inventory-filters__clear" onClick={() => onChange({})}>
          Clear filters
        </button>
      ) : null}
    </div>
  );
}
