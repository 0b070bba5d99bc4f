import type { Conn } from '../database.js';
import type { PredictionBatchesTable, PredictionRecordsTable } from '../schema.js';

export async function findPredictionBatch(conn: Conn, organizationId: string, systemId: string, kind: string, batchId: string): Promise<PredictionBatchesTable | undefined> {
  return conn.kysely.selectFrom('prediction_batches').selectAll().where('organization_id', '=', organizationId).where('system_id', '=', systemId).where('kind', '=', kind).where('batch_id', '=', batchId).executeTakeFirst();
}

export async function insertPredictionBatch(conn: Conn, row: PredictionBatchesTable): Promise<void> {
  await conn.kysely.insertInto('prediction_batches').values(row).execute();
}

export async function updatePredictionBatch(conn: Conn, organizationId: string, id: string, changes: Partial<Pick<PredictionBatchesTable, 'sha256' | 'size_bytes' | 'row_count' | 'labelled_count' | 'first_timestamp' | 'last_timestamp'>>): Promise<void> {
  await conn.kysely.updateTable('prediction_batches').set(changes).where('organization_id', '=', organizationId).where('id', '=', id).execute();
}

export async function listPredictionBatches(conn: Conn, organizationId: string): Promise<PredictionBatchesTable[]> {
  return conn.kysely.selectFrom('prediction_batches').selectAll().where('organization_id', '=', organizationId).orderBy('id').execute();
}

export async function insertPredictionRecords(conn: Conn, rows: PredictionRecordsTable[]): Promise<void> {
  if (rows.length > 0) await conn.kysely.insertInto('prediction_records').values(rows).execute();
}

/** Which of these prediction ids the system already holds. */
export async function existingPredictionIds(conn: Conn, organizationId: string, systemId: string, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await conn.kysely.selectFrom('prediction_records').select('prediction_id').where('organization_id', '=', organizationId).where('system_id', '=', systemId).where('prediction_id', 'in', ids).execute();
  return new Set(rows.map((r) => r.prediction_id));
}

/** Sets the label of one prediction; returns how many rows matched (0 or 1). */
export async function setPredictionLabel(conn: Conn, organizationId: string, systemId: string, predictionId: string, label: string, labelBatchId: string): Promise<number> {
  const result = await conn.kysely.updateTable('prediction_records').set({ label, label_batch_id: labelBatchId }).where('organization_id', '=', organizationId).where('system_id', '=', systemId).where('prediction_id', '=', predictionId).executeTakeFirst();
  return Number(result.numUpdatedRows);
}

export async function summarizePredictions(conn: Conn, organizationId: string, systemId: string): Promise<{ rows: number; labelled: number; first: string | null; last: string | null }> {
  const row = await conn.kysely
    .selectFrom('prediction_records')
    .select((eb) => [eb.fn.countAll<number>().as('rows'), eb.fn.count<number>('label').as('labelled'), eb.fn.min('predicted_at').as('first'), eb.fn.max('predicted_at').as('last')])
    .where('organization_id', '=', organizationId)
    .where('system_id', '=', systemId)
    .executeTakeFirstOrThrow();
  return { rows: Number(row.rows), labelled: Number(row.labelled), first: (row.first as string | null) ?? null, last: (row.last as string | null) ?? null };
}
