import { useId, type ReactNode } from 'react';

export interface FilterOption {
  value: string;
  label: string;
}

/**
 * A setter for a page's URL-kept view: merges a patch and drops the keys it empties, so the
 * address bar carries only the filters in use.
 */
export function usePatchView<V extends object>(view: V, onChange: (next: V) => void): (patch: Partial<V>) => void {
  return (patch) => {
    const next: V = { ...view, ...patch };
    for (const key of Object.keys(patch) as (keyof V)[]) if (!next[key]) delete next[key];
    onChange(next);
  };
}

/** A row of filter selects that apply at once; "Clear filters" shows while one is in use. */
export function FilterBar({ label, active, onClear, children }: { label: string; active: boolean; onClear: () => void; children: ReactNode }) {
  return (
    <div className="filter-bar" role="group" aria-label={label}>
      {children}
      {active ? (
        <button type="button" className="button button--secondary" onClick={onClear}>
          Clear filters
        </button>
      ) : null}
    </div>
  );
}

interface FilterSelectProps {
  label: string;
  value: string | number | undefined;
  /** The first option's text, which means "no filter". */
  all: string;
  options: readonly FilterOption[];
  onChange: (value: string | undefined) => void;
  /** Options after the listed ones (a special value such as "Not screened"). */
  extra?: ReactNode;
}

export function FilterSelect({ label, value, all, options, onChange, extra }: FilterSelectProps) {
  const id = useId();
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
        {extra}
      </select>
    </div>
  );
}
