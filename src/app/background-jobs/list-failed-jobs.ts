import type { Page, PageQuery } from '../../contracts/common.contracts.js';
import type { DeadLetterOutput } from '../../contracts/operations.contracts.js';
import { listAllDeadLetters, listDeadLetters } from '../../storage/repositories/job.repository.js';
import { requirePermission } from '../shared/authorize.js';
import type { Actor, AppDeps } from '../shared/context.js';
import { decodeCursor, toPage } from '../shared/cursor.js';
import { presentDeadLetter } from './dead-letter.presenter.js';

/** The organization's jobs that used up their retries, newest first (ISO/IEC 42001 9.1: monitoring that did not run must be seen). */
export async function listFailedJobs(deps: AppDeps, actor: Actor, query: PageQuery): Promise<Page<DeadLetterOutput>> {
  requirePermission(actor, 'jobs:read');
  const raw = decodeCursor<string>(query.cursor, 'string');
  const [failedAt, jobId] = raw ? raw.split('|') : [];
  const rows = await listDeadLetters(deps.db, actor.organizationId, failedAt && jobId ? { failedAt, jobId } : undefined, query.limit + 1);
  return toPage(rows, query.limit, (r) => `${r.failed_at}|${r.job_id}`, presentDeadLetter);
}

/** Every dead letter of the installation, installation-wide jobs included: for the operator's CLI only. */
export async function listAllFailedJobs(deps: AppDeps, limit: number): Promise<DeadLetterOutput[]> {
  return (await listAllDeadLetters(deps.db, limit)).map(presentDeadLetter);
}
