import type { AppDeps } from '../app/shared/context.js';
import type { JobQueue } from '../app/shared/job-queue.js';
import type { JobsConfig } from '../config.js';
import { PgBossJobQueue } from './pg-boss-job-queue.js';
import { JOB_DEFINITIONS } from './registry.js';
import { resolveSchedules } from './schedules.js';
import { TableJobQueue } from './table-job-queue.js';

/**
 * pg-boss when the installation runs on a PostgreSQL server (DATABASE_URL), else the table queue
 * (SQLite, and test databases handed in without a URL). Schedules are checked here, at start, so
 * a wrong AIMS_JOB_SCHEDULES stops the process with an error naming it.
 */
export function createJobQueue(deps: () => AppDeps, config: JobsConfig, databaseUrl: string | undefined): JobQueue {
  const schedules = resolveSchedules(JOB_DEFINITIONS, config.schedules);
  const common = { definitions: JOB_DEFINITIONS, schedules, pollMs: config.pollMs, concurrency: config.concurrency };
  if (databaseUrl) return new PgBossJobQueue(deps, { ...common, connectionString: databaseUrl, maintenanceSeconds: config.maintenanceSeconds });
  return new TableJobQueue(deps, common);
}
