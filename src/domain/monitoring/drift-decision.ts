/**
 * Which test decides drift for a column, and whether the dataset drifted.
 *
 * Preset "evidently" (Evidently's default data-drift logic):
 *   reference rows <= 1000: numeric → KS, drift when p <= 0.05; categorical → chi-square
 *     (our contingency test, with Yates' correction at dof 1; Evidently runs a goodness-of-fit test
 *     against reference shares, which can differ on small samples), binary categorical → z-test, p <= 0.05;
 *   reference rows > 1000: numeric → Wasserstein normalised by the reference std, drift when >= 0.1;
 *     categorical → Jensen–Shannon distance (base e), drift when >= 0.1.
 * Preset "default" (ours): the same small-sample tests; above 1000 reference rows numeric columns use
 *   PSI >= 0.2 over the reference deciles (the conventional "significant shift" band; KS p-values at such
 *   sizes flag differences too small to matter) and categorical columns Jensen–Shannon >= 0.1.
 * Dataset: drifted when at least half of the columns with a decision drift (both presets).
 * Multiple testing: with a correction, the p-values of the p-value-decided columns are adjusted together
 *   before comparing with 0.05; distance-decided columns are not affected.
 * Every statistic stays in the column result; the decision names the one that decides.
 */
import type { NotEnoughData } from './column-data.js';
import type { ColumnDrift } from './column-drift.js';
import { adjustPValues, type Correction } from './multiple-testing.js';

export type DriftPreset = 'default' | 'evidently';
export type DriftTest = 'ks' | 'wasserstein_normalised' | 'psi' | 'jensen_shannon' | 'chi_square' | 'z_test';

export interface DriftDecision {
  status: 'ok';
  column: string;
  test: DriftTest;
  /** p-value (drift when <= threshold) or distance (drift when >= threshold). */
  measure: 'p_value' | 'distance';
  value: number;
  /** The p-value after the multiple-testing correction, when one was asked for. */
  adjustedValue: number | null;
  threshold: number;
  drifted: boolean;
}

export type ColumnDecision = DriftDecision | (NotEnoughData & { column: string });

export interface DatasetDrift {
  preset: DriftPreset;
  correction: Correction;
  columns: ColumnDecision[];
  driftedColumns: number;
  decidedColumns: number;
  share: number;
  /** At least half of the decided columns drifted; false when no column could be decided. */
  drifted: boolean;
}

export const SMALL_REFERENCE_ROWS = 1000;
export const P_VALUE_THRESHOLD = 0.05;
export const DISTANCE_THRESHOLD = 0.1;
export const PSI_THRESHOLD = 0.2;
export const DATASET_DRIFT_SHARE = 0.5;

export function decideColumn(result: ColumnDrift, preset: DriftPreset = 'default'): ColumnDecision {
  if (result.status !== 'ok') return { status: 'not_enough_data', reason: result.reason, column: result.column };
  const small = result.referenceCount <= SMALL_REFERENCE_ROWS;
  const pTest = (test: DriftTest, p: number): DriftDecision => ({
    status: 'ok', column: result.column, test, measure: 'p_value', value: p, adjustedValue: null, threshold: P_VALUE_THRESHOLD, drifted: p <= P_VALUE_THRESHOLD,
  });
  const distance = (test: DriftTest, d: number, threshold: number): DriftDecision => ({
    status: 'ok', column: result.column, test, measure: 'distance', value: d, adjustedValue: null, threshold, drifted: d >= threshold,
  });
  if (result.kind === 'numeric') {
    if (small) return pTest('ks', result.ks.pValue);
    return preset === 'evidently' ? distance('wasserstein_normalised', result.wassersteinNormalised, DISTANCE_THRESHOLD) : distance('psi', result.psi, PSI_THRESHOLD);
  }
  if (small) {
    if (preset === 'evidently' && result.categories.length === 2) return pTest('z_test', result.zTest.pValue);
    return pTest('chi_square', result.chiSquare.pValue);
  }
  return distance('jensen_shannon', result.jensenShannon, DISTANCE_THRESHOLD);
}

export function decideDataset(results: ColumnDrift[], options: { preset?: DriftPreset; correction?: Correction } = {}): DatasetDrift {
  const preset = options.preset ?? 'default';
  const correction = options.correction ?? 'none';
  const columns = results.map((r) => decideColumn(r, preset));
  const pDecisions = columns.filter((c): c is DriftDecision => c.status === 'ok' && c.measure === 'p_value');
  if (correction !== 'none') {
    const adjusted = adjustPValues(pDecisions.map((d) => d.value), correction);
    pDecisions.forEach((d, i) => {
      d.adjustedValue = adjusted[i] as number;
      d.drifted = d.adjustedValue <= d.threshold;
    });
  }
  const decided = columns.filter((c): c is DriftDecision => c.status === 'ok');
  const driftedColumns = decided.filter((c) => c.drifted).length;
  const share = decided.length ? driftedColumns / decided.length : 0;
  return { preset, correction, columns, driftedColumns, decidedColumns: decided.length, share, drifted: decided.length > 0 && share >= DATASET_DRIFT_SHARE };
}
