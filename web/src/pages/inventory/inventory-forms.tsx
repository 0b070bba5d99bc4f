import { useId, type ReactNode } from 'react';
import { ApiError } from '../../api/api-error.js';
import type { FieldErrors } from '../../components/use-zod-form.js';

/** A textarea of one entry per line as a list: trimmed, blank lines dropped. */
export function lines(text: string): string[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
}

/** Blank text as null (what you see is what is stored), else the text. */
export function textOrNull(text: string): string | null {
  return text.trim() === '' ? null : text;
}

/** A number input's text as the contract expects it: absent when blank, a number when it is one, else the text (so the contract names it). */
export function numberOrText(text: string): number | string | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  const n = Number(trimmed);
  return Number.isFinite(n) ? n : trimmed;
}

/**
 * The error for a form field, also when the contract or the server named an entry inside it
 * (`successMetrics.2`, `metrics.0.value`): the form shows it beside the list it belongs to.
 */
export function errorFor(errors: FieldErrors, name: string): string | undefined {
  if (errors[name]) return errors[name];
  const key = Object.keys(errors).find((k) => k.startsWith(`${name}.`) && errors[k]);
  return key ? `${key.slice(name.length + 1).replace(/^(\d+)/, (n) => `entry ${Number(n) + 1}`)}: ${errors[key]}` : undefined;
}

/** Renames a server refusal's fields to the form's top-level fields (`regions.3` → `regions`), keeping the first reason. */
export function topLevelFields(error: unknown): unknown {
  if (!(error instanceof ApiError) || error.fields.length === 0) return error;
  const fields = error.fields.map((f) => {
    const [top, ...rest] = f.field.split('.');
    return rest.length === 0 ? f : { field: top ?? f.field, reason: `${rest.join('.').replace(/^(\d+)/, (n) => `entry ${Number(n) + 1}`)}: ${f.reason}` };
  });
  return new ApiError(error.status, error.code, error.message, { ...error.details, fields });
}

export interface CheckOption {
  value: string;
  label: string;
}

interface CheckGroupProps {
  legend: string;
  options: readonly CheckOption[];
  chosen: readonly string[];
  onChange: (chosen: string[]) => void;
  error?: string | undefined;
  hint?: ReactNode;
  /** Shown when there is nothing to choose from. */
  none?: ReactNode;
  required?: boolean;
}

/** Several choices as a fieldset of checkboxes, with the legend naming the group for screen readers. */
export function CheckGroup({ legend, options, chosen, onChange, error, hint, none, required }: CheckGroupProps) {
  const groupId = useId();
  const described = [hint ? `${groupId}-hint` : '', error ? `${groupId}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <fieldset className={`fieldset inventory-checks${error ? ' field--invalid' : ''}`} aria-describedby={described}>
      <legend>
        {legend}
        {required === false ? <span className="field__optional"> (optional)</span> : null}
      </legend>
      {hint ? (
        <p id={`${groupId}-hint`} className="field__hint">
          {hint}
        </p>
      ) : null}
      {options.length === 0 && none ? <p className="muted">{none}</p> : null}
      <div className="inventory-checks__list">
        {options.map((option) => (
          <div key={option.value} className="check">
            <input
              id={`${groupId}-${option.value}`}
              type="checkbox"
              className="check__input"
              checked={chosen.includes(option.value)}
              aria-invalid={error ? true : undefined}
              onChange={(e) => onChange(e.target.checked ? [...chosen, option.value] : chosen.filter((v) => v !== option.value))}
            />
            <label htmlFor={`${groupId}-${option.value}`} className="check__label">
              {option.label}
            </label>
          </div>
        ))}
      </div>
      {error ? (
        <p id={`${groupId}-error`} className="field__error">
          <span aria-hidden="true">⚠ </span>
          {legend} {error}
        </p>
      ) : null}
    </fieldset>
  );
}
