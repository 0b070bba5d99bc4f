import { useId } from 'react';
import type { Catalog } from '../../api/catalog.api.js';

interface ControlPickerProps {
  catalog: Catalog | undefined;
  selected: readonly string[];
  onChange: (next: string[]) => void;
  error?: string | undefined;
}

/** Annex A controls as checkboxes grouped by objective: a multi-select that works with a keyboard and a screen reader. */
export function ControlPicker({ catalog, selected, onChange, error }: ControlPickerProps) {
  const id = useId();
  const items = catalog?.items ?? [];
  // Objectives that hold controls directly (A.6 holds none: its controls sit under A.6.1 and A.6.2).
  const objectives = items.filter((i) => i.kind === 'objective' && items.some((c) => c.kind === 'control' && c.parentId === i.id));
  const toggle = (controlId: string, on: boolean) => onChange(on ? [...new Set([...selected, controlId])].sort() : selected.filter((c) => c !== controlId));
  return (
    <fieldset className={`fieldset control-picker${error ? ' field--invalid' : ''}`} aria-describedby={`${id}-summary${error ? ` ${id}-error` : ''}`}>
      <legend>Annex A controls</legend>
      <p id={`${id}-summary`} className="field__hint">
        {selected.length === 0 ? 'None selected. Mitigation needs at least one; a high or critical risk without one is flagged.' : `Selected: ${selected.join(', ')}`}
      </p>
      {error ? (
        <p id={`${id}-error`} className="field__error">
          <span aria-hidden="true">⚠ </span>Controls {error}
        </p>
      ) : null}
      {catalog ? (
        <div className="control-picker__box">
          {objectives.map((objective) => (
            <div key={objective.id} className="control-picker__group">
              <p className="control-picker__objective">
                {objective.id} {objective.title}
              </p>
              {items
                .filter((i) => i.kind === 'control' && i.parentId === objective.id)
                .map((control) => (
                  <div key={control.id} className="check">
                    <input id={`${id}-${control.id}`} type="checkbox" className="check__input" checked={selected.includes(control.id)} onChange={(e) => toggle(control.id, e.target.checked)} />
                    <label htmlFor={`${id}-${control.id}`} className="check__label">
                      <span className="nowrap">{control.id}</span> {control.title}
                    </label>
                  </div>
                ))}
            </div>
          ))}
        </div>
      ) : (
        <p role="status">Loading the Annex A controls…</p>
      )}
    </fieldset>
  );
}
