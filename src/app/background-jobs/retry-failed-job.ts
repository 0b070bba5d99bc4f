import type { DeadLetterOutput } from '../../contracts/operations.contracts.js';
import { AppError } from '../../domain/shared/app-error.js';
import { findDeadLetter, markDeadLetterRetried } from '../../storage/repositories/job.repository.js';
import { inTransaction } from '../../storage/transaction.js';
import { appendTrailEvent } from '../trail/append-trail-event.js';
import { requirePermission } from '../shared/authorize.js';
import type { Actor, AppDeps } from '../shared/context.js';
import { presentDeadLetter } from './dead-letter.presenter.js';

/**
 * Sends a dead job again, with its payload, as a new job; the dead letter records which. Once
 * only: a second retry of the same dead letter is a CONFLICT (retry the new job if it fails too).
 */
export async function retryFailedJob(deps: AppDeps, actor: Actor, jobId: string): Promise<DeadLetterOutput> {
  requirePermission(actor, 'jobs:manage');
  return inTransaction(deps.db, async (tx) => {
    const row = await findDeadLetter(tx, actor.organizationId, jobId);
    if (!row) throw AppError.notFound('failed job', jobId);
    if (row.retried_at) throw AppError.conflict('jobId', `was already retried as job ${row.retried_as_job_id} at ${row.retried_at}`);
    const newJobId = await deps.jobs.enqueue(row.name, JSON.parse(row.payload_json) as Record<string, unknown>, { organizationId: row.organization_id, tx });
    if (!newJobId) throw AppError.conflict('jobId', 'an identical job is already queued');
    const now = deps.clock.now().toISOString();
    await markDeadLetterRetried(tx, row.job_id, now, newJobId);
    const after = presentDeadLetter({ ...row, retried_at: now, retried_as_job_id: newJobId });
    await appendTrailEvent(tx, deps, actor, { action: 'job.retried', entityType: 'job', entityId: row.job_id, before: presentDeadLetter(row), after });
    return after;
  });
}

/** Operator: sends a job by name (`aims jobs run`); installation-wide, no actor. */
export async function sendJob(deps: AppDeps, input: { name: string; payload: Record<string, unknown> }): Promise<{ jobId: string | null; name: string }> {
  return { jobId: await deps.jobs.enqueue(input.name, input.payload), name: input.name };
}
