/**
 * The shape of one prediction-log row (issue 6; ISO/IEC 42001 9.1 monitoring needs the system's
 * own outputs). Pure: the transport hands over a record of column -> value, this decides what it
 * means. CSV columns: prediction_id, timestamp, model_version, prediction, label; a column named
 * `sensitive.<attribute>` is a sensitive attribute (kept apart, used only for fairness); every
 * other column is a feature. JSON lines use predictionId, timestamp, modelVersion, prediction,
 * label, features {…} and sensitive {…}.
 */

export type CellValue = string | number | boolean | null;

export interface PredictionLogRow {
  predictionId: string;
  timestamp: string;
  modelVersion: string | null;
  prediction: string;
  label: string | null;
  features: Record<string, CellValue>;
  sensitive: Record<string, CellValue>;
}

export interface LabelRow {
  predictionId: string;
  label: string;
}

export type RowResult<T> = { ok: true; row: T } | { ok: false; column: string; reason: string };

export const SENSITIVE_PREFIX = 'sensitive.';
const RESERVED_CSV = new Set(['prediction_id', 'timestamp', 'model_version', 'prediction', 'label']);
const MAX_ID = 200;
const MAX_TEXT = 1000;
const MAX_COLUMNS = 500;
const ISO_TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

/** A CSV cell as a value: empty is missing, a finite number is a number, anything else text. */
export function csvCell(raw: string): CellValue {
  const text = raw.trim();
  if (text === '') return null;
  const n = Number(text);
  return Number.isFinite(n) && /^[-+]?(\d|\.\d)/.test(text) ? n : text;
}

function requiredText(value: unknown, column: string, max: number): RowResult<string> {
  if (value === undefined || value === null || (typeof value === 'string' && value.trim() === '')) return { ok: false, column, reason: 'is required' };
  if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') return { ok: false, column, reason: 'must be text or a number' };
  const text = String(value).trim();
  if (text.length > max) return { ok: false, column, reason: `is longer than ${max} characters` };
  return { ok: true, row: text };
}

function optionalText(value: unknown, column: string, max: number): RowResult<string | null> {
  if (value === undefined || value === null || value === '') return { ok: true, row: null };
  return requiredText(value, column, max);
}

function timestampOf(value: unknown, column: string): RowResult<string> {
  const text = requiredText(value, column, 64);
  if (!text.ok) return text;
  const ms = Date.parse(text.row);
  if (!ISO_TIMESTAMP.test(text.row) || Number.isNaN(ms)) return { ok: false, column, reason: 'must be an ISO 8601 timestamp with a time zone, e.g. 2026-01-31T12:00:00Z' };
  return { ok: true, row: new Date(ms).toISOString() };
}

function cells(value: unknown, column: string): RowResult<Record<string, CellValue>> {
  if (value === undefined || value === null) return { ok: true, row: {} };
  if (typeof value !== 'object' || Array.isArray(value)) return { ok: false, column, reason: 'must be an object of name -> value' };
  const out: Record<string, CellValue> = {};
  const entries = Object.entries(value as Record<string, unknown>);
  if (entries.length > MAX_COLUMNS) return { ok: false, column, reason: `has more than ${MAX_COLUMNS} entries` };
  for (const [name, cell] of entries) {
    if (cell === null || typeof cell === 'string' || typeof cell === 'boolean') out[name] = cell;
    else if (typeof cell === 'number' && Number.isFinite(cell)) out[name] = cell;
    else return { ok: false, column: `${column}.${name}`, reason: 'must be text, a finite number, true/false or null' };
  }
  return { ok: true, row: out };
}

function assemble(parts: { predictionId: unknown; timestamp: unknown; modelVersion: unknown; prediction: unknown; label: unknown }, names: { id: string; model: string }, features: Record<string, CellValue>, sensitive: Record<string, CellValue>): RowResult<PredictionLogRow> {
  const predictionId = requiredText(parts.predictionId, names.id, MAX_ID);
  if (!predictionId.ok) return predictionId;
  const timestamp = timestampOf(parts.timestamp, 'timestamp');
  if (!timestamp.ok) return timestamp;
  const modelVersion = optionalText(parts.modelVersion, names.model, MAX_ID);
  if (!modelVersion.ok) return modelVersion;
  const prediction = requiredText(parts.prediction, 'prediction', MAX_TEXT);
  if (!prediction.ok) return prediction;
  const label = optionalText(parts.label, 'label', MAX_TEXT);
  if (!label.ok) return label;
  return { ok: true, row: { predictionId: predictionId.row, timestamp: timestamp.row, modelVersion: modelVersion.row, prediction: prediction.row, label: label.row, features, sensitive } };
}

/** Checks that a CSV header carries the required columns and no column twice. */
export function checkPredictionCsvHeader(header: readonly string[]): { column: string; reason: string } | null {
  const seen = new Set<string>();
  for (const name of header) {
    if (seen.has(name)) return { column: name, reason: 'appears twice in the header' };
    seen.add(name);
  }
  for (const required of ['prediction_id', 'timestamp', 'prediction']) if (!seen.has(required)) return { column: required, reason: 'is missing from the header' };
  if (header.length > MAX_COLUMNS) return { column: 'header', reason: `has more than ${MAX_COLUMNS} columns` };
  return null;
}

export function predictionFromCsv(record: Record<string, string>): RowResult<PredictionLogRow> {
  const features: Record<string, CellValue> = {};
  const sensitive: Record<string, CellValue> = {};
  for (const [name, raw] of Object.entries(record)) {
    if (RESERVED_CSV.has(name)) continue;
    if (name.startsWith(SENSITIVE_PREFIX)) sensitive[name.slice(SENSITIVE_PREFIX.length)] = csvCell(raw);
    else features[name] = csvCell(raw);
  }
  return assemble({ predictionId: record.prediction_id, timestamp: record.timestamp, modelVersion: record.model_version, prediction: record.prediction, label: record.label }, { id: 'prediction_id', model: 'model_version' }, features, sensitive);
}

export function predictionFromJson(value: unknown): RowResult<PredictionLogRow> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { ok: false, column: 'line', reason: 'must be a JSON object' };
  const object = value as Record<string, unknown>;
  const allowed = new Set(['predictionId', 'timestamp', 'modelVersion', 'prediction', 'label', 'features', 'sensitive']);
  const unknown = Object.keys(object).find((key) => !allowed.has(key));
  if (unknown) return { ok: false, column: unknown, reason: 'is not a known field (put model inputs under features)' };
  const features = cells(object.features, 'features');
  if (!features.ok) return features;
  const sensitive = cells(object.sensitive, 'sensitive');
  if (!sensitive.ok) return sensitive;
  return assemble({ predictionId: object.predictionId, timestamp: object.timestamp, modelVersion: object.modelVersion, prediction: object.prediction, label: object.label }, { id: 'predictionId', model: 'modelVersion' }, features.row, sensitive.row);
}

export function labelFromCsv(record: Record<string, string>): RowResult<LabelRow> {
  return labelOf(record.prediction_id, record.label, 'prediction_id');
}

export function labelFromJson(value: unknown): RowResult<LabelRow> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { ok: false, column: 'line', reason: 'must be a JSON object' };
  const object = value as Record<string, unknown>;
  return labelOf(object.predictionId, object.label, 'predictionId');
}

function labelOf(id: unknown, label: unknown, idColumn: string): RowResult<LabelRow> {
  const predictionId = requiredText(id, idColumn, MAX_ID);
  if (!predictionId.ok) return predictionId;
  const text = requiredText(label, 'label', MAX_TEXT);
  if (!text.ok) return text;
  return { ok: true, row: { predictionId: predictionId.row, label: text.row } };
}
