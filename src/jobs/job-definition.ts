import type { z } from 'zod';
import type { AppDeps } from '../app/shared/context.js';

/** What a job handler is told about the job it runs. */
export interface JobContext {
  deps: AppDeps;
  job: { id: string; name: string; organizationId: string | null; attempt: number };
  /** Aborted when the job's time limit passes or the process shuts down; long handlers check it. */
  signal: AbortSignal;
}

/**
 * A kind of background work, registered by name in `registry.ts`. Feature areas add one file in
 * `src/jobs/handlers/` and one line in the registry. Handlers may run more than once for one job
 * (a worker that dies mid-job is retried), so they are idempotent or do their writes in one
 * transaction; a job recorded as completed is never run again.
 */
export interface JobDefinition<P extends Record<string, unknown> = Record<string, unknown>> {
  name: string;
  description: string;
  payload: z.ZodType<P>;
  run(ctx: JobContext, payload: P): Promise<unknown>;
  /** Retries after the first attempt fails. */
  retryLimit: number;
  retryDelaySeconds: number;
  /** Double the delay on each retry (with jitter on PostgreSQL). */
  backoff: boolean;
  /** An attempt running longer is failed (and retried); also how long a dead worker holds a job. */
  timeoutSeconds: number;
  /** Cron expression (UTC) on which the job is sent with an empty payload; AIMS_JOB_SCHEDULES overrides it. */
  schedule?: string;
}

export function defineJob<P extends Record<string, unknown>>(definition: JobDefinition<P>): JobDefinition {
  return definition as unknown as JobDefinition;
}
