import type { ReadinessOutput } from '../../contracts/operations.contracts.js';
import { listAppliedMigrations } from '../../storage/repositories/backup.repository.js';
import { MIGRATIONS } from '../../storage/migrations/index.js';
import type { AppDeps } from '../shared/context.js';

const CHECK_TIMEOUT_MS = 3000;

/**
 * Whether this process should get traffic: the database answers (within 3 s), every migration
 * this build knows is applied, and the process is not shutting down. A load balancer routes
 * around a process that is not ready; /health only says the process is alive.
 */
export async function checkReadiness(deps: AppDeps, draining: boolean): Promise<ReadinessOutput> {
  const database = { dialect: deps.db.dialect, reachable: false, pendingMigrations: [] as string[] };
  let reason: string | null = null;
  try {
    const applied = new Set(await withTimeout(listAppliedMigrations(deps.db), CHECK_TIMEOUT_MS));
    database.reachable = true;
    database.pendingMigrations = Object.keys(MIGRATIONS).filter((name) => !applied.has(name));
    if (database.pendingMigrations.length) reason = `migrations not applied: ${database.pendingMigrations.join(', ')}; run "aims db migrate"`;
  } catch (error) {
    reason = `the database is not reachable: ${error instanceof Error ? error.message : String(error)}`;
  }
  if (!reason && draining) reason = 'shutting down';
  return { status: reason ? 'not_ready' : 'ready', database, draining, reason };
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([promise, new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms)))]).finally(() => clearTimeout(timer));
}
