/**
 * The offline drift report behind `aims drift`: types the columns from the reference, fits the
 * reference profile, compares the current table, decides drift with a preset, and adds fairness and
 * performance when the prediction (and label) columns are named. No database, no clock.
 */
import { AppError } from '../../domain/shared/app-error.js';
import { classificationMetrics, type ClassificationMetrics } from '../../domain/monitoring/classification-metrics.js';
import { parseNumericColumn, type CategoricalColumn, type Column } from '../../domain/monitoring/column-data.js';
import { compareWindow, type ColumnDrift } from '../../domain/monitoring/column-drift.js';
import { decideDataset, type DatasetDrift, type DriftPreset } from '../../domain/monitoring/drift-decision.js';
import { fairnessByGroup, type FairnessReport } from '../../domain/monitoring/fairness.js';
import type { Correction } from '../../domain/monitoring/multiple-testing.js';
import { fitReferenceProfile } from '../../domain/monitoring/reference-profile.js';
import { regressionMetrics, type RegressionMetrics } from '../../domain/monitoring/regression-metrics.js';

/** A table read from a file: column names and the text cells of each column. */
export interface TextTable {
  columns: string[];
  cells: Map<string, (string | null)[]>;
  rows: number;
}

export interface OfflineDriftOptions {
  preset?: DriftPreset;
  correction?: Correction;
  /** Columns to treat as categorical even when every value is a number. */
  categorical?: string[];
  sensitive?: string[];
  label?: string;
  prediction?: string;
  minGroupSize?: number;
}

export interface OfflineDriftReport {
  referenceRows: number;
  currentRows: number;
  columnTypes: Record<string, 'numeric' | 'categorical'>;
  results: ColumnDrift[];
  decision: DatasetDrift;
  fairness: FairnessReport | null;
  performance: { kind: 'classification'; metrics: ClassificationMetrics } | { kind: 'regression'; metrics: RegressionMetrics } | null;
}

const MISSING = /^(na|nan|null|none)?$/i;

/** Numeric when every non-missing reference cell is a finite number and the column is not forced categorical. */
function inferType(cells: (string | null)[]): 'numeric' | 'categorical' {
  let seen = false;
  for (const cell of cells) {
    const text = (cell ?? '').trim();
    if (MISSING.test(text)) continue;
    seen = true;
    if (!Number.isFinite(Number(text))) return 'categorical';
  }
  return seen ? 'numeric' : 'categorical';
}

function toColumn(name: string, kind: 'numeric' | 'categorical', cells: (string | null)[]): Column {
  if (kind === 'numeric') return parseNumericColumn(name, cells);
  return { kind: 'categorical', name, values: cells.map((c) => (c == null || c.trim() === '' ? null : c)) };
}

function requireColumn(table: TextTable, name: string, flag: string): (string | null)[] {
  const cells = table.cells.get(name);
  if (!cells) throw AppError.invalidField(flag, `column "${name}" is not in the current file`);
  return cells;
}

function binary(name: string, cells: (string | null)[]): number[] {
  return cells.map((c, i) => {
    const t = (c ?? '').trim();
    if (t === '1' || t.toLowerCase() === 'true') return 1;
    if (t === '0' || t.toLowerCase() === 'false') return 0;
    throw AppError.invalidField(name, `row ${i + 1} is "${t}"; fairness and classification need 0/1 (or true/false)`);
  });
}

export function buildOfflineDriftReport(reference: TextTable, current: TextTable, options: OfflineDriftOptions = {}): OfflineDriftReport {
  const forced = new Set(options.categorical ?? []);
  for (const name of forced) if (!reference.cells.has(name)) throw AppError.invalidField('--categorical', `column "${name}" is not in the reference file`);
  const columnTypes: Record<string, 'numeric' | 'categorical'> = {};
  for (const name of reference.columns) columnTypes[name] = forced.has(name) ? 'categorical' : inferType(reference.cells.get(name) ?? []);
  const referenceColumns = reference.columns.map((name) => toColumn(name, columnTypes[name] as 'numeric' | 'categorical', reference.cells.get(name) ?? []));
  const profile = fitReferenceProfile(referenceColumns);
  // A current column that the reference types as numeric must parse as numbers (the error names it).
  const currentColumns = current.columns.map((name) => toColumn(name, columnTypes[name] ?? inferType(current.cells.get(name) ?? []), current.cells.get(name) ?? []));
  const results = compareWindow(profile, currentColumns);
  const decision = decideDataset(results, { preset: options.preset, correction: options.correction });

  let fairness: FairnessReport | null = null;
  let performance: OfflineDriftReport['performance'] = null;
  const labelCells = options.label ? requireColumn(current, options.label, '--label') : null;
  if (options.sensitive?.length) {
    if (!options.prediction) throw AppError.invalidField('--prediction', 'is needed with --sensitive');
    const predictions = binary(options.prediction, requireColumn(current, options.prediction, '--prediction'));
    const labels = labelCells && options.label ? binary(options.label, labelCells) : null;
    const sensitive: CategoricalColumn[] = options.sensitive.map((name) => ({ kind: 'categorical', name, values: requireColumn(current, name, '--sensitive') }));
    fairness = fairnessByGroup(predictions, labels, sensitive, { minGroupSize: options.minGroupSize });
  }
  if (labelCells && options.label && options.prediction) {
    const predictionCells = requireColumn(current, options.prediction, '--prediction');
    const isBinary = labelCells.every((c) => ['0', '1', 'true', 'false'].includes((c ?? '').trim().toLowerCase()));
    if (isBinary) performance = { kind: 'classification', metrics: classificationMetrics(binary(options.label, labelCells), { predictions: binary(options.prediction, predictionCells) }) };
    else {
      const actual = parseNumericColumn(options.label, labelCells).values;
      const predicted = parseNumericColumn(options.prediction, predictionCells).values;
      performance = { kind: 'regression', metrics: regressionMetrics(actual, predicted) };
    }
  }
  return { referenceRows: reference.rows, currentRows: current.rows, columnTypes, results, decision, fairness, performance };
}
