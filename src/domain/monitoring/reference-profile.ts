/**
 * The reference profile: fitted once on a reference window, then every current window is compared
 * against it without refitting.
 *  - Numeric column: the sorted non-missing values (a Float64Array) — or, above `maxExactValues`
 *    (default 1,000,000, i.e. 8 MB per column), a quantile sketch of `sketchSize` (default 10,000)
 *    equally spaced order statistics; KS and Wasserstein against a sketch are approximate (ECDF error
 *    at most 1 / sketchSize) and say so. Also count, missing, mean, std (ddof 0), min, max, and the
 *    fixed bin edges (bins.ts) with the reference counts per bin.
 *  - Categorical column: counts per category, most frequent first (ties by name), and missing.
 */
import { AppError } from '../shared/app-error.js';
import { binCountsOfSorted, DEFAULT_BIN_COUNT, fitBinEdges } from './bins.js';
import { isMissingCategory, presentSortedValues, type CategoricalColumn, type Column, type NumericColumn } from './column-data.js';
import type { SortedSample } from './ks-test.js';
import { meanOf, stdOf } from './numeric-helpers.js';

export interface ProfileOptions {
  binCount?: number;
  maxExactValues?: number;
  sketchSize?: number;
}

export interface NumericProfile {
  kind: 'numeric';
  name: string;
  count: number;
  missing: number;
  /** Sorted values, or a quantile sketch when `exact` is false; `sample.count` is always the true count. */
  sample: SortedSample;
  exact: boolean;
  mean: number;
  std: number;
  min: number;
  max: number;
  binEdges: Float64Array;
  binCounts: Float64Array;
}

export interface CategoricalProfile {
  kind: 'categorical';
  name: string;
  count: number;
  missing: number;
  categories: string[];
  counts: Float64Array;
}

export type ColumnProfile = NumericProfile | CategoricalProfile;

export interface ReferenceProfile {
  rowCount: number;
  columns: ColumnProfile[];
}

export const DEFAULT_MAX_EXACT_VALUES = 1_000_000;
export const DEFAULT_SKETCH_SIZE = 10_000;

function sketch(sorted: Float64Array, size: number): Float64Array {
  const out = new Float64Array(size);
  const n = sorted.length;
  for (let j = 0; j < size; j++) out[j] = sorted[Math.min(n - 1, Math.floor(((j + 0.5) * n) / size))] as number;
  return out;
}

export function fitNumericProfile(column: NumericColumn, options: ProfileOptions = {}): NumericProfile {
  const { sorted, missing } = presentSortedValues(column);
  const maxExact = options.maxExactValues ?? DEFAULT_MAX_EXACT_VALUES;
  const exact = sorted.length <= maxExact;
  const binEdges = fitBinEdges(sorted, options.binCount ?? DEFAULT_BIN_COUNT);
  return {
    kind: 'numeric',
    name: column.name,
    count: sorted.length,
    missing,
    sample: { values: exact ? sorted : sketch(sorted, options.sketchSize ?? DEFAULT_SKETCH_SIZE), count: sorted.length },
    exact,
    mean: meanOf(sorted),
    std: stdOf(sorted),
    min: sorted.length ? (sorted[0] as number) : 0,
    max: sorted.length ? (sorted[sorted.length - 1] as number) : 0,
    binEdges,
    binCounts: binCountsOfSorted(sorted, binEdges),
  };
}

/** Counts per category of the non-missing values, in first-seen order. */
export function countCategories(values: ReadonlyArray<string | null>): { counts: Map<string, number>; missing: number } {
  const counts = new Map<string, number>();
  let missing = 0;
  for (const v of values) {
    if (isMissingCategory(v)) missing++;
    else counts.set(v as string, (counts.get(v as string) ?? 0) + 1);
  }
  return { counts, missing };
}

export function fitCategoricalProfile(column: CategoricalColumn): CategoricalProfile {
  const { counts, missing } = countCategories(column.values);
  const entries = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  return {
    kind: 'categorical',
    name: column.name,
    count: column.values.length - missing,
    missing,
    categories: entries.map(([c]) => c),
    counts: Float64Array.from(entries.map(([, n]) => n)),
  };
}

export function fitReferenceProfile(columns: Column[], options: ProfileOptions = {}): ReferenceProfile {
  const names = new Set<string>();
  let rowCount: number | undefined;
  for (const column of columns) {
    if (names.has(column.name)) throw AppError.invalidField(column.name, 'appears twice in the reference');
    names.add(column.name);
    if (rowCount !== undefined && column.values.length !== rowCount) {
      throw AppError.invalidField(column.name, `has ${column.values.length} rows, the other columns ${rowCount}`);
    }
    rowCount = column.values.length;
  }
  return {
    rowCount: rowCount ?? 0,
    columns: columns.map((c) => (c.kind === 'numeric' ? fitNumericProfile(c, options) : fitCategoricalProfile(c))),
  };
}
