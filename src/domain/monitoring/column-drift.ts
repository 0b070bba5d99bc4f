/**
 * Compares one current-window column against its reference profile, computing every applicable
 * statistic. Nothing is refitted: bins and categories come from the profile. Empty (or all-missing)
 * sides give "not enough data" instead of numbers.
 */
import { AppError } from '../shared/app-error.js';
import { binCountsOfSorted } from './bins.js';
import { jensenShannonDistance, hellingerDistance, klDivergence, populationStabilityIndex } from './binned-divergences.js';
import { categoricalZTest, chiSquareHomogeneity, type ChiSquareResult, type ZTestResult } from './categorical-drift.js';
import { notEnoughData, presentSortedValues, type CategoricalColumn, type Column, type NotEnoughData, type NumericColumn } from './column-data.js';
import { ksTwoSample, type KsResult } from './ks-test.js';
import { countCategories, type CategoricalProfile, type ColumnProfile, type NumericProfile, type ReferenceProfile } from './reference-profile.js';
import { normalisedWasserstein, wassersteinDistance } from './wasserstein.js';

export interface NumericDrift {
  status: 'ok';
  kind: 'numeric';
  column: string;
  referenceCount: number;
  currentCount: number;
  currentMissing: number;
  /** True when the reference is a quantile sketch: KS and Wasserstein are then approximate. */
  approximate: boolean;
  ks: KsResult;
  wasserstein: number;
  wassersteinNormalised: number;
  psi: number;
  jensenShannon: number;
  kl: number;
  hellinger: number;
  binEdges: Float64Array;
  referenceBinCounts: Float64Array;
  currentBinCounts: Float64Array;
}

export interface CategoricalDrift {
  status: 'ok';
  kind: 'categorical';
  column: string;
  referenceCount: number;
  currentCount: number;
  currentMissing: number;
  /** Reference categories first (profile order), then unseen ones in first-seen order. */
  categories: string[];
  referenceCounts: Float64Array;
  currentCounts: Float64Array;
  unseenCategories: string[];
  chiSquare: ChiSquareResult;
  chiSquareUncorrected: ChiSquareResult;
  zTest: ZTestResult;
  jensenShannon: number;
  psi: number;
}

export type ColumnDrift = NumericDrift | CategoricalDrift | (NotEnoughData & { kind: 'numeric' | 'categorical'; column: string });

export function compareNumericColumn(profile: NumericProfile, column: NumericColumn): ColumnDrift {
  const { sorted, missing } = presentSortedValues(column);
  if (profile.count === 0) return { ...notEnoughData('the reference has no values in this column'), kind: 'numeric', column: profile.name };
  if (sorted.length === 0) return { ...notEnoughData('the current window has no values in this column'), kind: 'numeric', column: profile.name };
  const currentBinCounts = binCountsOfSorted(sorted, profile.binEdges);
  const wasserstein = wassersteinDistance(profile.sample.values, sorted);
  return {
    status: 'ok',
    kind: 'numeric',
    column: profile.name,
    referenceCount: profile.count,
    currentCount: sorted.length,
    currentMissing: missing,
    approximate: !profile.exact,
    ks: ksTwoSample(profile.sample, sorted),
    wasserstein,
    wassersteinNormalised: normalisedWasserstein(wasserstein, profile.std),
    psi: populationStabilityIndex(profile.binCounts, currentBinCounts),
    jensenShannon: jensenShannonDistance(profile.binCounts, currentBinCounts),
    kl: klDivergence(profile.binCounts, currentBinCounts),
    hellinger: hellingerDistance(profile.binCounts, currentBinCounts),
    binEdges: profile.binEdges,
    referenceBinCounts: profile.binCounts,
    currentBinCounts,
  };
}

export function compareCategoricalColumn(profile: CategoricalProfile, column: CategoricalColumn): ColumnDrift {
  const { counts, missing } = countCategories(column.values);
  if (profile.count === 0) return { ...notEnoughData('the reference has no values in this column'), kind: 'categorical', column: profile.name };
  const currentCount = column.values.length - missing;
  if (currentCount === 0) return { ...notEnoughData('the current window has no values in this column'), kind: 'categorical', column: profile.name };
  const known = new Set(profile.categories);
  const unseenCategories = [...counts.keys()].filter((c) => !known.has(c));
  const categories = [...profile.categories, ...unseenCategories];
  const referenceCounts = new Float64Array(categories.length);
  referenceCounts.set(profile.counts);
  const currentCounts = Float64Array.from(categories.map((c) => counts.get(c) ?? 0));
  return {
    status: 'ok',
    kind: 'categorical',
    column: profile.name,
    referenceCount: profile.count,
    currentCount,
    currentMissing: missing,
    categories,
    referenceCounts,
    currentCounts,
    unseenCategories,
    chiSquare: chiSquareHomogeneity(referenceCounts, currentCounts, true),
    chiSquareUncorrected: chiSquareHomogeneity(referenceCounts, currentCounts, false),
    zTest: categoricalZTest(referenceCounts, currentCounts),
    jensenShannon: jensenShannonDistance(referenceCounts, currentCounts),
    psi: populationStabilityIndex(referenceCounts, currentCounts),
  };
}

export function compareColumn(profile: ColumnProfile, column: Column): ColumnDrift {
  if (profile.kind !== column.kind) throw AppError.invalidField(column.name, `is ${column.kind} in the current window but ${profile.kind} in the reference`);
  return profile.kind === 'numeric' ? compareNumericColumn(profile, column as NumericColumn) : compareCategoricalColumn(profile, column as CategoricalColumn);
}

/**
 * Compares a whole window. The window must hold exactly the reference's columns (extra or missing
 * columns are refused, naming them), each of the same kind.
 */
export function compareWindow(profile: ReferenceProfile, columns: Column[]): ColumnDrift[] {
  const byName = new Map(columns.map((c) => [c.name, c]));
  const missingColumns = profile.columns.filter((p) => !byName.has(p.name)).map((p) => p.name);
  const known = new Set(profile.columns.map((p) => p.name));
  const extra = columns.filter((c) => !known.has(c.name)).map((c) => c.name);
  if (missingColumns.length || extra.length) {
    const fields = [
      ...missingColumns.map((field) => ({ field, reason: 'is in the reference but not in the current window' })),
      ...extra.map((field) => ({ field, reason: 'is in the current window but not in the reference' })),
    ];
    throw new AppError('VALIDATION_FAILED', `column sets differ: ${fields.map((f) => `${f.field} ${f.reason}`).join('; ')}`, { fields });
  }
  return profile.columns.map((p) => compareColumn(p, byName.get(p.name) as Column));
}
