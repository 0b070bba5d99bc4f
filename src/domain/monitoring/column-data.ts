/**
 * Typed columns handed to the statistics, and the checks that turn bad input into a clear error.
 * Missing values: NaN in a numeric column, null or '' in a categorical one; they are counted and
 * left out of every test. A column with no non-missing value is "not enough data", never a NaN.
 */
import { AppError } from '../shared/app-error.js';

export interface NumericColumn {
  kind: 'numeric';
  name: string;
  /** NaN marks a missing value. ±Infinity is refused. */
  values: Float64Array;
}

export interface CategoricalColumn {
  kind: 'categorical';
  name: string;
  /** null or '' marks a missing value. */
  values: ReadonlyArray<string | null>;
}

export type Column = NumericColumn | CategoricalColumn;

/** A statistic that could not be computed, with the reason a reader sees instead of a number. */
export interface NotEnoughData {
  status: 'not_enough_data';
  reason: string;
}

export function notEnoughData(reason: string): NotEnoughData {
  return { status: 'not_enough_data', reason };
}

/** The non-missing values of a numeric column, sorted; refuses infinities naming the column and row. */
export function presentSortedValues(column: NumericColumn): { sorted: Float64Array; missing: number } {
  const { values } = column;
  let present = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i] as number;
    if (v === Infinity || v === -Infinity) throw AppError.invalidField(column.name, `row ${i + 1} is ${v > 0 ? '' : '-'}Infinity; numeric columns take finite numbers`);
    if (v === v) present++;
  }
  const sorted = new Float64Array(present);
  let k = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i] as number;
    if (v === v) sorted[k++] = v;
  }
  sorted.sort();
  return { sorted, missing: values.length - present };
}

/**
 * Parses text cells into a numeric column. Empty cells, "NA", "NaN" and "null" are missing; anything
 * else that is not a finite number is refused with the column, row and value named.
 */
export function parseNumericColumn(name: string, cells: ReadonlyArray<string | null | undefined>): NumericColumn {
  const values = new Float64Array(cells.length);
  for (let i = 0; i < cells.length; i++) {
    const cell = cells[i];
    const text = cell == null ? '' : cell.trim();
    if (text === '' || /^(na|nan|null|none)$/i.test(text)) {
      values[i] = NaN;
      continue;
    }
    const v = Number(text);
    if (!Number.isFinite(v)) throw AppError.invalidField(name, `row ${i + 1} holds "${text.slice(0, 40)}", which is not a finite number`);
    values[i] = v;
  }
  return { kind: 'numeric', name, values };
}

export function isMissingCategory(value: string | null | undefined): boolean {
  return value == null || value === '';
}
