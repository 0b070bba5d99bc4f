import { join } from 'node:path';
import pino from 'pino';
import { LoginThrottle } from './app/identity/login-throttle.js';
import type { AppDeps } from './app/shared/context.js';
import { createMetrics } from './app/shared/metrics.js';
import { RateLimiter } from './app/shared/rate-limiter.js';
import type { Config } from './config.js';
import { systemClock, type Clock } from './domain/shared/clock.js';
import { createJobQueue } from './jobs/create-job-queue.js';
import { BlobStore } from './storage/blob-store.js';
import { assertDatabaseReachable, openDatabase, type Db } from './storage/database.js';
import { migrateToLatest } from './storage/migrator.js';

/**
 * The composition root: opens the database, brings its schema up to date and wires the
 * dependencies every use case receives. The server, the CLI and the tests all start here.
 */
export async function composeApp(config: Config, options: { db?: Db; clock?: Clock; migrate?: boolean } = {}): Promise<AppDeps> {
  const logger = pino({ level: config.logLevel, base: { service: 'openaims' } });
  const db = options.db ?? openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, poolSize: config.dbPoolSize });
  if (!options.db) {
    try {
      await assertDatabaseReachable(db, config.databaseUrl);
    } catch (error) {
      await db.close();
      throw error;
    }
  }
  if (options.migrate !== false) {
    const applied = await migrateToLatest(db);
    if (applied.length) logger.info({ applied }, 'database migrated');
  }
  const deps: AppDeps = {
    db,
    clock: options.clock ?? systemClock,
    blobs: new BlobStore(join(config.dataDir, 'evidence')),
    logger,
    settings: { maxUploadBytes: config.maxUploadBytes, sessionTtlMs: config.sessionTtlMs, secretsKey: config.secretsKey, publicUrl: config.publicUrl },
    loginThrottle: new LoginThrottle(),
    intakeLimiter: new RateLimiter('intake', config.intakeRateLimitPerMinute, 60_000, (retryAt) => `too many requests to intake endpoints for this caller; try again after ${retryAt.toISOString()}`),
    // pg-boss only for a PostgreSQL server named by DATABASE_URL; a database handed in (tests) uses the table queue.
    jobs: createJobQueue(() => deps, config.jobs, options.db ? undefined : config.databaseUrl),
    metrics: createMetrics(),
  };
  return deps;
}
