import type { IngestQuery, PredictionBatchOutput } from '../../contracts/monitoring.contracts.js';
import { checkPredictionCsvHeader, predictionFromCsv, predictionFromJson, type PredictionLogRow } from '../../domain/monitoring/prediction-log-row.js';
import { AppError } from '../../domain/shared/app-error.js';
import { findAiSystem } from '../../storage/repositories/ai-system.repository.js';
import { existingPredictionIds, findPredictionBatch, insertPredictionBatch, insertPredictionRecords, updatePredictionBatch } from '../../storage/repositories/prediction.repository.js';
import type { PredictionBatchesTable, PredictionRecordsTable } from '../../storage/schema.js';
import { inTransaction } from '../../storage/transaction.js';
import { appendTrailEvent } from '../trail/append-trail-event.js';
import { requirePermission } from '../shared/authorize.js';
import type { Actor, AppDeps } from '../shared/context.js';
import { newId } from '../shared/ids.js';
import { presentPredictionBatch } from './prediction.presenter.js';
import { streamRows, type IngestFormat } from './stream-rows.js';

export const DEFAULT_MAX_INGEST_BYTES = 200 * 1024 * 1024;
/** Rows per INSERT: well under SQLite's 32766 bound parameters (11 columns a row). */
const CHUNK = 500;

export interface IngestBody {
  format: IngestFormat;
  body: ReadableStream<Uint8Array> | null;
}

export interface IngestResult {
  batch: PredictionBatchOutput;
  /** False when the batch id was already stored: the first result is returned, nothing is written. */
  created: boolean;
}

/** Throws before a transport starts reading a body the actor may not send. */
export function assertMayIngest(actor: Actor): void {
  requirePermission(actor, 'monitoring:ingest');
}

export function rowError(line: number, column: string, reason: string): AppError {
  return AppError.invalidField(`line ${line}, ${column}`, reason);
}

/**
 * Stores a batch of prediction logs for a system (ISO/IEC 42001 9.1), streamed row by row and
 * inserted in chunks inside one transaction: a bad row rolls the whole batch back. A batch id
 * already stored returns the stored batch without reading the body. One trail event per batch
 * carries its counts and the sha256 of the body; rows are not trailed one by one.
 */
export async function ingestPredictions(deps: AppDeps, actor: Actor, systemId: string, query: IngestQuery, upload: IngestBody): Promise<IngestResult> {
  requirePermission(actor, 'monitoring:ingest');
  if (!(await findAiSystem(deps.db, actor.organizationId, systemId))) throw AppError.notFound('AI system', systemId);
  const existing = await findPredictionBatch(deps.db, actor.organizationId, systemId, 'predictions', query.batchId);
  if (existing) return { batch: presentPredictionBatch(existing), created: false };

  const { rows, digest } = streamRows(upload.body, upload.format, deps.settings.maxIngestBytes ?? DEFAULT_MAX_INGEST_BYTES);
  const now = deps.clock.now();
  const batch: PredictionBatchesTable = {
    id: newId(now), organization_id: actor.organizationId, system_id: systemId, kind: 'predictions', batch_id: query.batchId, format: upload.format,
    sha256: '', size_bytes: 0, row_count: 0, labelled_count: 0, first_timestamp: null, last_timestamp: null, created_at: now.toISOString(), created_by: actor.label,
  };
  return inTransaction(deps.db, async (tx) => {
    await insertPredictionBatch(tx, batch);
    const seen = new Set<string>();
    let chunk: Array<{ line: number; row: PredictionRecordsTable }> = [];
    const flush = async () => {
      const clash = await existingPredictionIds(tx, actor.organizationId, systemId, chunk.map((c) => c.row.prediction_id));
      const first = chunk.find((c) => clash.has(c.row.prediction_id));
      if (first) throw rowError(first.line, 'prediction id', `${first.row.prediction_id} was already ingested for this system in another batch`);
      await insertPredictionRecords(tx, chunk.map((c) => c.row));
      chunk = [];
    };
    let headerChecked = upload.format !== 'csv';
    for await (const { line, value } of rows) {
      if (!headerChecked) {
        const problem = checkPredictionCsvHeader(Object.keys(value as Record<string, string>));
        if (problem) throw rowError(1, problem.column, problem.reason);
        headerChecked = true;
      }
      const parsed = upload.format === 'csv' ? predictionFromCsv(value as Record<string, string>) : predictionFromJson(value);
      if (!parsed.ok) throw rowError(line, parsed.column, parsed.reason);
      const row: PredictionLogRow = parsed.row;
      if (seen.has(row.predictionId)) throw rowError(line, 'prediction id', `${row.predictionId} appears twice in this batch`);
      seen.add(row.predictionId);
      batch.row_count += 1;
      if (row.label !== null) batch.labelled_count += 1;
      if (!batch.first_timestamp || row.timestamp < batch.first_timestamp) batch.first_timestamp = row.timestamp;
      if (!batch.last_timestamp || row.timestamp > batch.last_timestamp) batch.last_timestamp = row.timestamp;
      chunk.push({
        line,
        row: {
          organization_id: actor.organizationId, system_id: systemId, prediction_id: row.predictionId, batch_id: batch.id, predicted_at: row.timestamp, model_version: row.modelVersion,
          prediction: row.prediction, features_json: JSON.stringify(row.features), sensitive_json: JSON.stringify(row.sensitive), label: row.label, label_batch_id: row.label === null ? null : batch.id,
        },
      });
      if (chunk.length >= CHUNK) await flush();
    }
    await flush();
    if (batch.row_count === 0) throw AppError.invalidField('body', 'holds no rows');
    batch.sha256 = digest.sha256();
    batch.size_bytes = digest.sizeBytes();
    await updatePredictionBatch(tx, actor.organizationId, batch.id, { sha256: batch.sha256, size_bytes: batch.size_bytes, row_count: batch.row_count, labelled_count: batch.labelled_count, first_timestamp: batch.first_timestamp, last_timestamp: batch.last_timestamp });
    const presented = presentPredictionBatch(batch);
    await appendTrailEvent(tx, deps, actor, { action: 'prediction_batch.ingested', entityType: 'prediction_batch', entityId: batch.id, before: null, after: presented });
    return { batch: presented, created: true };
  });
}
