import { z } from 'zod';
import { IdSchema, TimestampSchema } from './common.contracts.js';

/** The client's name for a batch: a resend with the same id is stored once (idempotent ingestion). */
export const IngestQuerySchema = z.strictObject({
  batchId: z
    .string({ error: 'is required' })
    .trim()
    .min(1, { error: 'is required' })
    .max(200, { error: 'must be at most 200 characters' })
    .regex(/^[A-Za-z0-9._:@/-]+$/, { error: 'may hold only letters, digits and . _ : @ / -' })
    .meta({ description: 'Your name for this batch; sending the same batch id again returns the first result' }),
});
export type IngestQuery = z.infer<typeof IngestQuerySchema>;

export const PredictionBatchSchema = z
  .object({
    id: IdSchema,
    systemId: IdSchema,
    kind: z.enum(['predictions', 'labels']),
    batchId: z.string(),
    format: z.enum(['csv', 'jsonl']),
    sha256: z.string().meta({ description: 'sha256 of the request body as received' }),
    sizeBytes: z.number().int(),
    rowCount: z.number().int(),
    labelledCount: z.number().int().meta({ description: 'Rows of this batch that carried (or, for labels, set) a label' }),
    firstTimestamp: TimestampSchema.nullable(),
    lastTimestamp: TimestampSchema.nullable(),
    createdAt: TimestampSchema,
    createdBy: z.string(),
  })
  .meta({ id: 'PredictionBatch' });
export type PredictionBatchOutput = z.infer<typeof PredictionBatchSchema>;

export const PredictionSummarySchema = z
  .object({
    systemId: IdSchema,
    rows: z.number().int(),
    labelled: z.number().int(),
    labelledShare: z.number().nullable().meta({ description: 'labelled / rows; null when there are no rows' }),
    firstTimestamp: TimestampSchema.nullable(),
    lastTimestamp: TimestampSchema.nullable(),
  })
  .meta({ id: 'PredictionSummary' });
export type PredictionSummaryOutput = z.infer<typeof PredictionSummarySchema>;
