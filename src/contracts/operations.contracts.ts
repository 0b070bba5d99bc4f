import { z } from 'zod';
import { IdSchema, PageQuerySchema } from './common.contracts.js';

export const ReadinessSchema = z
  .object({
    status: z.enum(['ready', 'not_ready']),
    database: z.object({ dialect: z.enum(['sqlite', 'postgres']), reachable: z.boolean(), pendingMigrations: z.array(z.string()) }),
    draining: z.boolean().meta({ description: 'True while the process is shutting down: stop sending it requests' }),
    reason: z.string().nullable(),
  })
  .meta({ id: 'Readiness' });
export type ReadinessOutput = z.infer<typeof ReadinessSchema>;

export const DeadLetterSchema = z
  .object({
    jobId: z.string(),
    name: z.string().meta({ example: 'trail.verify' }),
    payload: z.record(z.string(), z.unknown()),
    attempts: z.number().int(),
    lastError: z.string(),
    failedAt: z.string(),
    retriedAt: z.string().nullable(),
    retriedAsJobId: z.string().nullable(),
  })
  .meta({ id: 'FailedJob', description: 'A background job that used up its retries (dead letter)' });
export type DeadLetterOutput = z.infer<typeof DeadLetterSchema>;

export const DeadLetterQuerySchema = PageQuerySchema;

export const JobIdParamSchema = z.strictObject({ jobId: IdSchema });

/** `aims jobs run`: the operator sends a job by name with a JSON payload. */
export const EnqueueJobInputSchema = z.strictObject({
  name: z.string().min(1, { error: 'must not be empty' }).max(100, { error: 'must be at most 100 characters' }),
  payload: z.record(z.string(), z.unknown(), { error: 'must be a JSON object' }).default({}),
});
