import { sweepExpiredOperationalRows } from '../../storage/repositories/sweep.repository.js';
import type { AppDeps } from '../shared/context.js';

const DAY_MS = 86_400_000;

/**
 * Deletes rows that have served their purpose: ended sessions (ADR 0006 left them until the
 * person's next login), rate-limit hits older than a day, unfinished SSO logins past their expiry,
 * and finished jobs of the SQLite queue after a week (their runs stay in job_runs).
 */
export async function sweepExpired(deps: AppDeps) {
  const now = deps.clock.now();
  return sweepExpiredOperationalRows(deps.db, {
    nowIso: now.toISOString(),
    rateLimitBeforeIso: new Date(now.getTime() - DAY_MS).toISOString(),
    finishedJobsBeforeIso: new Date(now.getTime() - 7 * DAY_MS).toISOString(),
  });
}
