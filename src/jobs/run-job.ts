import { hostname } from 'node:os';
import type { AppDeps } from '../app/shared/context.js';
import { newId } from '../app/shared/ids.js';
import { parseWith } from '../contracts/parse.js';
import { isUniqueViolation } from '../storage/constraint-errors.js';
import { findCompletedRun, finishJobRun, insertJobRun } from '../storage/repositories/job.repository.js';
import type { JobDefinition } from './job-definition.js';

/** How job_runs names the process that ran an attempt. */
export const WORKER_NAME = `${hostname()}:${process.pid}`;

export interface JobAttempt {
  id: string;
  name: string;
  organizationId: string | null;
  payload: unknown;
  /** 1 for the first try. */
  attempt: number;
  timeoutSeconds: number;
}

export type AttemptResult = { outcome: 'completed' | 'skipped'; result: unknown };

/**
 * Runs one attempt of a job, the same way on both backends: skips a job already recorded as
 * completed (a redelivery after a crash between our commit and the queue's acknowledgement),
 * records the attempt in job_runs, enforces the time limit, and counts it in the metrics.
 * Throws the handler's error so the queue can retry or dead-letter the job.
 */
export async function runJobAttempt(deps: AppDeps, definition: JobDefinition, attempt: JobAttempt, shutdown: AbortSignal): Promise<AttemptResult> {
  const done = await findCompletedRun(deps.db, attempt.id);
  if (done) return { outcome: 'skipped', result: done.result_json === null ? null : JSON.parse(done.result_json) };

  const runId = newId(deps.clock.now());
  await insertJobRun(deps.db, {
    id: runId, job_id: attempt.id, name: attempt.name, organization_id: attempt.organizationId, attempt: attempt.attempt,
    worker: WORKER_NAME, started_at: deps.clock.now().toISOString(), finished_at: null, outcome: 'running', error: null, result_json: null, completed_job_id: null,
  });
  deps.metrics.jobStarted(attempt.name);
  const started = performance.now();
  const seconds = () => (performance.now() - started) / 1000;
  const timeout = new AbortController();
  const timer = setTimeout(() => timeout.abort(), attempt.timeoutSeconds * 1000);
  const signal = AbortSignal.any([timeout.signal, shutdown]);
  try {
    const payload = parseWith(definition.payload, attempt.payload ?? {}, `payload of job ${attempt.name}`);
    const work = definition.run({ deps, job: { id: attempt.id, name: attempt.name, organizationId: attempt.organizationId, attempt: attempt.attempt }, signal }, payload);
    const result = await Promise.race([work, new Promise<never>((_, reject) => timeout.signal.addEventListener('abort', () => reject(new Error(`job ran longer than its time limit of ${attempt.timeoutSeconds}s`)), { once: true }))]);
    const resultJson = JSON.stringify(result ?? null);
    try {
      await finishJobRun(deps.db, runId, { finished_at: deps.clock.now().toISOString(), outcome: 'completed', error: null, result_json: resultJson, completed_job_id: attempt.id });
    } catch (error) {
      // Another attempt completed the same job first (this one outlived its lease): record, do not fail.
      if (!isUniqueViolation(error)) throw error;
      await finishJobRun(deps.db, runId, { finished_at: deps.clock.now().toISOString(), outcome: 'skipped', error: 'another attempt completed this job first', result_json: resultJson, completed_job_id: null });
      deps.metrics.jobFinished(attempt.name, 'skipped', seconds());
      return { outcome: 'skipped', result };
    }
    deps.metrics.jobFinished(attempt.name, 'completed', seconds());
    return { outcome: 'completed', result };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    await finishJobRun(deps.db, runId, { finished_at: deps.clock.now().toISOString(), outcome: 'failed', error: message.slice(0, 2000), result_json: null, completed_job_id: null }).catch(() => {});
    deps.metrics.jobFinished(attempt.name, 'failed', seconds());
    deps.logger.warn({ job: attempt.name, jobId: attempt.id, attempt: attempt.attempt, error: message }, 'job attempt failed');
    throw error;
  } finally {
    clearTimeout(timer);
  }
}
