import type { PredictionBatchOutput } from '../../contracts/monitoring.contracts.js';
import type { PredictionBatchesTable } from '../../storage/schema.js';

export function presentPredictionBatch(row: PredictionBatchesTable): PredictionBatchOutput {
  return {
    id: row.id,
    systemId: row.system_id,
    kind: row.kind as PredictionBatchOutput['kind'],
    batchId: row.batch_id,
    format: row.format as PredictionBatchOutput['format'],
    sha256: row.sha256,
    sizeBytes: Number(row.size_bytes),
    rowCount: Number(row.row_count),
    labelledCount: Number(row.labelled_count),
    firstTimestamp: row.first_timestamp,
    lastTimestamp: row.last_timestamp,
    createdAt: row.created_at,
    createdBy: row.created_by,
  };
}
