import type { ReactNode } from 'react';
import type { TrailEventOutput } from '../../../../src/contracts/trail.contracts.js';
import { humanize } from '../../lib/format.js';
import { roleLabel } from '../../lib/roles.js';

type Plain = Record<string, unknown>;

function isPlainObject(value: unknown): value is Plain {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** "accessExpiresAt" -> "Access expires at". */
function fieldLabel(key: string): string {
  return humanize(key.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase());
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** One recorded value, exactly as stored except that a role is shown by its label. */
function Value({ field, value }: { field: string; value: unknown }) {
  if (value === undefined) return <span className="muted">(absent)</span>;
  if (value === null) return <span className="muted">none</span>;
  if (typeof value === 'string') {
    const text = field === 'role' ? roleLabel(value) : value;
    return <span className="change__value">{text === '' ? <span className="muted">(empty)</span> : text}</span>;
  }
  if (typeof value === 'number' || typeof value === 'boolean') return <span className="change__value">{String(value)}</span>;
  return <pre className="change__value change__pre">{JSON.stringify(value, null, 2)}</pre>;
}

interface Row {
  field: string;
  before: unknown;
  after: unknown;
}

/** The fields of both sides, in the order the newer side lists them, then any the older side had alone. */
function rowsOf(before: unknown, after: unknown): Row[] {
  if (!isPlainObject(before) && !isPlainObject(after)) return [{ field: 'value', before, after }];
  const b = isPlainObject(before) ? before : {};
  const a = isPlainObject(after) ? after : {};
  const keys = [...Object.keys(a), ...Object.keys(b).filter((k) => !(k in a))];
  return keys.map((field) => ({ field, before: b[field], after: a[field] }));
}

function kindOf(event: TrailEventOutput): { label: string; hasBefore: boolean; hasAfter: boolean } {
  const hasBefore = event.before !== null && event.before !== undefined;
  const hasAfter = event.after !== null && event.after !== undefined;
  if (!hasBefore && hasAfter) return { label: 'Recorded state (nothing before)', hasBefore, hasAfter };
  if (hasBefore && !hasAfter) return { label: 'State before (nothing after)', hasBefore, hasAfter };
  if (!hasBefore && !hasAfter) return { label: 'No state recorded', hasBefore, hasAfter };
  return { label: 'Before and after', hasBefore, hasAfter };
}

/**
 * What one trail event changed, as a full-width panel under its row: a field-by-field table with
 * the state before and after side by side (stacked on a phone), changed fields marked, unchanged
 * ones shown once, and the recorded JSON itself for anyone who needs the exact bytes the hash covers.
 */
export function TrailChange({ event, id }: { event: TrailEventOutput; id: string }) {
  const { label, hasBefore, hasAfter } = kindOf(event);
  const rows = rowsOf(event.before, event.after);
  const both = hasBefore && hasAfter;
  const title = `Change #${event.seq}: ${humanize(event.action)}`;
  let body: ReactNode;
  if (!hasBefore && !hasAfter) {
    body = <p className="muted">This event recorded no state.</p>;
  } else {
    body = (
      <table className="change__table">
        <caption className="visually-hidden">{`${title}, ${label.toLowerCase()}`}</caption>
        <thead>
          <tr>
            <th scope="col">Field</th>
            {hasBefore ? <th scope="col">Before</th> : null}
            {hasAfter ? <th scope="col">After</th> : null}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => {
            const changed = both && !same(row.before, row.after);
            if (both && !changed) {
              // One value across both columns: the eye goes to what changed.
              return (
                <tr key={row.field} className="change__row--same">
                  <th scope="row">{fieldLabel(row.field)}</th>
                  <td colSpan={2} data-side="Before and after">
                    <Value field={row.field} value={row.after} /> <span className="change__same">unchanged</span>
                  </td>
                </tr>
              );
            }
            return (
              <tr key={row.field} className={changed ? 'change__row--changed' : undefined}>
                <th scope="row">
                  {fieldLabel(row.field)}
                  {changed ? <span className="change__mark">changed</span> : null}
                </th>
                {hasBefore ? (
                  <td data-side="Before">
                    <Value field={row.field} value={row.before} />
                  </td>
                ) : null}
                {hasAfter ? (
                  <td data-side="After">
                    <Value field={row.field} value={row.after} />
                  </td>
                ) : null}
              </tr>
            );
          })}
        </tbody>
      </table>
    );
  }
  return (
    <section id={id} className="change" aria-label={title}>
      <p className="change__title">
        {title} <span className="muted">· {label}</span>
      </p>
      {body}
      <details className="change__raw">
        <summary>Recorded JSON</summary>
        <div className="change__raw-grid">
          <div>
            <p className="change__label">Before</p>
            <pre className="change__pre">{JSON.stringify(event.before ?? null, null, 2)}</pre>
          </div>
          <div>
            <p className="change__label">After</p>
            <pre className="change__pre">{JSON.stringify(event.after ?? null, null, 2)}</pre>
          </div>
        </div>
      </details>
    </section>
  );
}
