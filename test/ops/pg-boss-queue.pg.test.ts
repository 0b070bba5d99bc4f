import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppDeps } from '../../src/app/shared/context.js';
import { loadConfig } from '../../src/config.js';
import { composeApp } from '../../src/main.js';
import { inTransaction } from '../../src/storage/transaction.js';
import { createPgDatabase, PG_SKIP_REASON, PG_URL, waitFor } from './pg-support.js';

describe.skipIf(!PG_URL)(`the pg-boss job queue on a real PostgreSQL server${PG_URL ? '' : ` (${PG_SKIP_REASON})`}`, () => {
  let database: Awaited<ReturnType<typeof createPgDatabase>>;
  let deps: AppDeps;
  let dataDir: string;

  beforeAll(async () => {
    database = await createPgDatabase();
    dataDir = mkdtempSync(join(tmpdir(), 'aims-pgboss-'));
    const config = loadConfig({ DATABASE_URL: database.url, AIMS_DATA_DIR: dataDir, AIMS_LOG_LEVEL: 'silent', AIMS_JOB_POLL_MS: '200', AIMS_JOB_MAINTENANCE_SECONDS: '1', AIMS_JOB_SCHEDULES: 'trail.verify=off;system.sweep=off' });
    deps = await composeApp(config);
    expect(deps.jobs.backend).toBe('pg-boss');
    await deps.jobs.work();
  });
  afterAll(async () => {
    await deps?.jobs.stop(5000);
    await deps?.db.close();
    await database?.dispose();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const runsOf = (jobId: string) => database.query('select attempt, outcome, error from job_runs where job_id = $1 order by attempt', [jobId]);

  it('runs a job once and records its run', async () => {
    const id = (await deps.jobs.enqueue('system.echo', { message: 'from pg-boss' }))!;
    const runs = await waitFor('the echo job to complete', async () => {
      const rows = await runsOf(id);
      return rows.some((r) => r.outcome === 'completed') ? rows : undefined;
    });
    expect(runs).toEqual([{ attempt: 1, outcome: 'completed', error: null }]);
  });

  it('retries a failing job with backoff and then records it as a dead letter', async () => {
    const id = (await deps.jobs.enqueue('system.echo', { failAttempts: 99 }))!;
    const dead = await waitFor('the dead letter', async () => (await database.query('select * from job_dead_letters where job_id = $1', [id]))[0], 45_000);
    expect(dead).toMatchObject({ name: 'system.echo', attempts: 4 });
    expect(String(dead.last_error)).toContain('echo was told to fail attempt 4');
    expect((await runsOf(id)).map((r) => r.outcome)).toEqual(['failed', 'failed', 'failed', 'failed']);
  }, 60_000);

  it('sends a job inside a transaction only when it commits', async () => {
    const countJobs = async () => Number((await database.query("select count(*)::int as n from pgboss.job where name = 'system.echo'"))[0]!.n);
    const before = await countJobs();
    await expect(
      inTransaction(deps.db, async (tx) => {
        await deps.jobs.enqueue('system.echo', { message: 'never' }, { tx, runAt: new Date(Date.now() + 3_600_000) });
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    expect(await countJobs()).toBe(before);
    await inTransaction(deps.db, (tx) => deps.jobs.enqueue('system.echo', { message: 'later' }, { tx, runAt: new Date(Date.now() + 3_600_000) }));
    expect(await countJobs()).toBe(before + 1);
  });
});
