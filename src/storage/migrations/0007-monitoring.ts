import type { Kysely } from 'kysely';

/**
 * Post-market monitoring (issue 6, ISO/IEC 42001 9.1): prediction logs ingested in batches, each
 * batch kept once per client batch id (idempotent ingestion), and the prediction rows themselves,
 * to which labels are joined later by prediction id.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('prediction_batches')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organization_id', 'text', (c) => c.notNull().references('organizations.id'))
    .addColumn('system_id', 'text', (c) => c.notNull().references('ai_systems.id'))
    // predictions or labels
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('batch_id', 'text', (c) => c.notNull())
    .addColumn('format', 'text', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('size_bytes', 'integer', (c) => c.notNull())
    .addColumn('row_count', 'integer', (c) => c.notNull())
    .addColumn('labelled_count', 'integer', (c) => c.notNull())
    .addColumn('first_timestamp', 'text')
    .addColumn('last_timestamp', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addUniqueConstraint('prediction_batches_batch_uq', ['organization_id', 'system_id', 'kind', 'batch_id'])
    .execute();

  await db.schema
    .createTable('prediction_records')
    .addColumn('organization_id', 'text', (c) => c.notNull().references('organizations.id'))
    .addColumn('system_id', 'text', (c) => c.notNull().references('ai_systems.id'))
    .addColumn('prediction_id', 'text', (c) => c.notNull())
    .addColumn('batch_id', 'text', (c) => c.notNull().references('prediction_batches.id'))
    .addColumn('predicted_at', 'text', (c) => c.notNull())
    .addColumn('model_version', 'text')
    .addColumn('prediction', 'text', (c) => c.notNull())
    .addColumn('features_json', 'text', (c) => c.notNull())
    .addColumn('sensitive_json', 'text', (c) => c.notNull())
    .addColumn('label', 'text')
    .addColumn('label_batch_id', 'text', (c) => c.references('prediction_batches.id'))
    .addPrimaryKeyConstraint('prediction_records_pk', ['organization_id', 'system_id', 'prediction_id'])
    .execute();
  await db.schema.createIndex('prediction_records_time_idx').on('prediction_records').columns(['organization_id', 'system_id', 'predicted_at']).execute();
}
