import type { IngestQuery } from '../../contracts/monitoring.contracts.js';
import { labelFromCsv, labelFromJson } from '../../domain/monitoring/prediction-log-row.js';
import { AppError } from '../../domain/shared/app-error.js';
import { findAiSystem } from '../../storage/repositories/ai-system.repository.js';
import { findPredictionBatch, insertPredictionBatch, setPredictionLabel, updatePredictionBatch } from '../../storage/repositories/prediction.repository.js';
import type { PredictionBatchesTable } from '../../storage/schema.js';
import { inTransaction } from '../../storage/transaction.js';
import { appendTrailEvent } from '../trail/append-trail-event.js';
import { requirePermission } from '../shared/authorize.js';
import type { Actor, AppDeps } from '../shared/context.js';
import { newId } from '../shared/ids.js';
import { DEFAULT_MAX_INGEST_BYTES, rowError, type IngestBody, type IngestResult } from './ingest-predictions.js';
import { presentPredictionBatch } from './prediction.presenter.js';
import { streamRows } from './stream-rows.js';

/**
 * Joins labels that arrive after the predictions (ground truth is often late) by prediction id.
 * All or nothing: a label for a prediction id the system does not hold names its line and the
 * batch is rolled back. Idempotent per batch id like the predictions.
 */
export async function ingestLabels(deps: AppDeps, actor: Actor, systemId: string, query: IngestQuery, upload: IngestBody): Promise<IngestResult> {
  requirePermission(actor, 'monitoring:ingest');
  if (!(await findAiSystem(deps.db, actor.organizationId, systemId))) throw AppError.notFound('AI system', systemId);
  const existing = await findPredictionBatch(deps.db, actor.organizationId, systemId, 'labels', query.batchId);
  if (existing) return { batch: presentPredictionBatch(existing), created: false };

  const { rows, digest } = streamRows(upload.body, upload.format, deps.settings.maxIngestBytes ?? DEFAULT_MAX_INGEST_BYTES);
  const now = deps.clock.now();
  const batch: PredictionBatchesTable = {
    id: newId(now), organization_id: actor.organizationId, system_id: systemId, kind: 'labels', batch_id: query.batchId, format: upload.format,
    sha256: '', size_bytes: 0, row_count: 0, labelled_count: 0, first_timestamp: null, last_timestamp: null, created_at: now.toISOString(), created_by: actor.label,
  };
  return inTransaction(deps.db, async (tx) => {
    await insertPredictionBatch(tx, batch);
    const seen = new Set<string>();
    const idColumn = upload.format === 'csv' ? 'prediction_id' : 'predictionId';
    for await (const { line, value } of rows) {
      const parsed = upload.format === 'csv' ? labelFromCsv(value as Record<string, string>) : labelFromJson(value);
      if (!parsed.ok) throw rowError(line, parsed.column, parsed.reason);
      if (seen.has(parsed.row.predictionId)) throw rowError(line, idColumn, `${parsed.row.predictionId} appears twice in this batch`);
      seen.add(parsed.row.predictionId);
      const matched = await setPredictionLabel(tx, actor.organizationId, systemId, parsed.row.predictionId, parsed.row.label, batch.id);
      if (matched === 0) throw rowError(line, idColumn, `no prediction ${parsed.row.predictionId} was ingested for this system`);
      batch.row_count += 1;
      batch.labelled_count += 1;
    }
    if (batch.row_count === 0) throw AppError.invalidField('body', 'holds no rows');
    batch.sha256 = digest.sha256();
    batch.size_bytes = digest.sizeBytes();
    await updatePredictionBatch(tx, actor.organizationId, batch.id, { sha256: batch.sha256, size_bytes: batch.size_bytes, row_count: batch.row_count, labelled_count: batch.labelled_count });
    const presented = presentPredictionBatch(batch);
    await appendTrailEvent(tx, deps, actor, { action: 'prediction_batch.ingested', entityType: 'prediction_batch', entityId: batch.id, before: null, after: presented });
    return { batch: presented, created: true };
  });
}
