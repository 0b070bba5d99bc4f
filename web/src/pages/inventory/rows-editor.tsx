import { useId } from 'react';

export interface RowField {
  key: string;
  label: string;
  type?: 'text' | 'number' | 'date' | 'select';
  options?: readonly { value: string; label: string }[];
  /** Required in the contract; the others say "(optional)". */
  required?: boolean;
}

export type EditorRow = Record<string, string>;

interface RowsEditorProps {
  legend: string;
  /** What one row is called: "metric", "check", "component". */
  noun: string;
  fields: readonly RowField[];
  rows: readonly EditorRow[];
  onChange: (rows: EditorRow[]) => void;
  error?: string | undefined;
  hint?: string;
}

export function blankRow(fields: readonly RowField[]): EditorRow {
  return Object.fromEntries(fields.map((f) => [f.key, f.type === 'select' ? (f.options?.[0]?.value ?? '') : '']));
}

/** A list of small records (metrics, quality checks, components) as rows of fields with add and remove. */
export function RowsEditor({ legend, noun, fields, rows, onChange, error, hint }: RowsEditorProps) {
  const id = useId();
  const set = (index: number, key: string, value: string) => onChange(rows.map((row, i) => (i === index ? { ...row, [key]: value } : row)));
  const described = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <fieldset className={`fieldset rows-editor${error ? ' field--invalid' : ''}`} aria-describedby={described}>
      <legend>
        {legend}
        <span className="field__optional"> (optional)</span>
      </legend>
      {hint ? (
        <p id={`${id}-hint`} className="field__hint">
          {hint}
        </p>
      ) : null}
      {rows.map((row, index) => (
        <div key={index} className="rows-editor__row" role="group" aria-label={`${noun} ${index + 1}`}>
          {fields.map((f) => {
            const fieldId = `${id}-${index}-${f.key}`;
            return (
              <div key={f.key} className="field rows-editor__field">
                <label htmlFor={fieldId} className="field__label">
                  {f.label}
                  {f.required ? null : <span className="field__optional"> (optional)</span>}
                </label>
                {f.type === 'select' ? (
                  <select id={fieldId} className="input" value={row[f.key] ?? ''} onChange={(e) => set(index, f.key, e.target.value)}>
                    {(f.options ?? []).map((o) => (
                      <option key={o.value} value={o.value}>
                        {o.label}
                      </option>
                    ))}
                  </select>
                ) : (
                  <input id={fieldId} className="input" type={f.type ?? 'text'} step={f.type === 'number' ? 'any' : undefined} value={row[f.key] ?? ''} onChange={(e) => set(index, f.key, e.target.value)} />
                )}
              </div>
            );
          })}
          <button type="button" className="button button--secondary button--small rows-editor__remove" onClick={() => onChange(rows.filter((_, i) => i !== index))}>
            Remove {noun} {index + 1}
          </button>
        </div>
      ))}
      <button type="button" className="button button--secondary button--small" onClick={() => onChange([...rows, blankRow(fields)])}>
        Add {noun}
      </button>
      {error ? (
        <p id={`${id}-error`} className="field__error">
          <span aria-hidden="true">⚠ </span>
          {legend} {error}
        </p>
      ) : null}
    </fieldset>
  );
}
