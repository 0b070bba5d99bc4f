import { mkdtempSync, rmSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { initializeOrganization } from '../../src/app/identity/initialize-organization.js';
import type { AppDeps } from '../../src/app/shared/context.js';
import { loadConfig } from '../../src/config.js';
import { composeApp } from '../../src/main.js';
import { createPgDatabase, PG_SKIP_REASON, PG_URL, waitFor } from './pg-support.js';
import { startAims, stopAims, type AimsProcess } from './processes.js';

const ADMIN = { email: 'admin@example.com', password: 'a long admin password' };

/**
 * Scale-out on PostgreSQL, with real processes: two `aims serve` and one `aims worker` on one
 * database. Both servers also run jobs, so three processes compete for every job.
 */
describe.skipIf(!PG_URL)(`two servers and a worker on one PostgreSQL database${PG_URL ? '' : ` (${PG_SKIP_REASON})`}`, () => {
  let database: Awaited<ReturnType<typeof createPgDatabase>>;
  let dataDir: string;
  let deps: AppDeps;
  const processes: AimsProcess[] = [];
  let serverA: AimsProcess;
  let serverB: AimsProcess;

  beforeAll(async () => {
    database = await createPgDatabase();
    dataDir = mkdtempSync(join(tmpdir(), 'aims-multi-'));
    const env = {
      DATABASE_URL: database.url,
      AIMS_DATA_DIR: dataDir,
      AIMS_LOG_LEVEL: 'warn',
      AIMS_JOB_POLL_MS: '200',
      AIMS_JOB_MAINTENANCE_SECONDS: '1',
      // Every minute, so the test sees a slot fire; the real schedules stay out of the way.
      AIMS_JOB_SCHEDULES: 'system.echo=* * * * *;trail.verify=off;system.sweep=off',
      AIMS_SHUTDOWN_TIMEOUT_SECONDS: '20',
    };
    // The test process sends jobs and reads the database; it runs none.
    deps = await composeApp(loadConfig({ ...env, AIMS_LOG_LEVEL: 'silent' }));
    await initializeOrganization(deps, { organizationName: 'Scale-out Ltd', adminEmail: ADMIN.email, adminName: 'Admin', adminPassword: ADMIN.password });
    // Started one after the other: each migrates (a no-op by then) and sets up pg-boss's schema.
    serverA = await startAims(['serve', '--port', '0'], env);
    serverB = await startAims(['serve', '--port', '0'], env);
    processes.push(serverA, serverB, await startAims(['worker'], env));
  }, 180_000);

  afterAll(async () => {
    await Promise.all(processes.map((p) => stopAims(p)));
    await deps?.jobs.stop(5000);
    await deps?.db.close();
    await database?.dispose();
    rmSync(dataDir, { recursive: true, force: true });
  }, 60_000);

  const login = async (url: string, password = ADMIN.password) => {
    const response = await fetch(`${url}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: ADMIN.email, password }) });
    if (response.status !== 200) return { status: response.status, headers: undefined };
    const body = (await response.json()) as { csrfToken: string };
    return { status: 200, headers: { cookie: (response.headers.get('set-cookie') ?? '').split(';')[0]!, 'x-csrf-token': body.csrfToken } };
  };
  const runsOf = (jobId: string) => database.query('select attempt, outcome, worker from job_runs where job_id = $1 order by started_at', [jobId]);

  it('answers readiness on both servers', async () => {
    for (const server of [serverA, serverB]) {
      const response = await fetch(`${server.url}/api/v1/ready`);
      expect(response.status).toBe(200);
      expect(await response.json()).toMatchObject({ status: 'ready', database: { dialect: 'postgres', reachable: true, pendingMigrations: [] } });
    }
  });

  it('serves the same data from either server: a session opened on one works on the other, a write on one is read on the other', async () => {
    const session = await login(serverA.url!);
    expect(session.status).toBe(200);
    const me = await fetch(`${serverB.url}/api/v1/me`, { headers: session.headers });
    expect(me.status).toBe(200);
    expect(((await me.json()) as { user: { email: string } }).user.email).toBe(ADMIN.email);

    const added = await fetch(`${serverB.url}/api/v1/users`, {
      method: 'POST',
      headers: { ...session.headers, 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'second@example.com', displayName: 'Second', password: 'another long password', role: 'contributor' }),
    });
    expect(added.status).toBe(201);
    const listed = (await (await fetch(`${serverA.url}/api/v1/users`, { headers: session.headers })).json()) as { items: Array<{ email: string }> };
    expect(listed.items.map((u) => u.email)).toContain('second@example.com');
  });

  it('counts failed logins across both servers: the throttle is in the database', async () => {
    for (let i = 0; i < 10; i++) expect((await login(i % 2 ? serverA.url! : serverB.url!, 'wrong password!!')).status).toBe(401);
    expect((await login(serverA.url!)).status).toBe(429);
    expect((await login(serverB.url!)).status).toBe(429);
    await database.query("delete from rate_limit_hits where bucket = 'login'");
  });

  it('retries a job whose process was killed mid-job (SIGKILL) on another process: neither lost nor run twice', async () => {
    const jobId = (await deps.jobs.enqueue('system.echo', { message: 'survive a kill', delayMs: 3000 }, { timeoutSeconds: 5 }))!;
    const first = await waitFor('a process to start the job', async () => (await runsOf(jobId))[0]);
    const victim = processes.find((p) => first.worker === `${hostname()}:${p.pid}`);
    expect(victim, `job_runs names ${String(first.worker)}, which is none of the children`).toBeDefined();
    victim!.child.kill('SIGKILL');
    await victim!.exited;

    const runs = await waitFor('the job to complete on another process', async () => {
      const rows = await runsOf(jobId);
      return rows.some((r) => r.outcome === 'completed') ? rows : undefined;
    }, 40_000);
    const completed = runs.filter((r) => r.outcome === 'completed');
    expect(completed).toHaveLength(1);
    expect(completed[0]!.worker).not.toBe(first.worker);
    expect(completed[0]!.attempt).toBeGreaterThanOrEqual(2);
    // The killed attempt never finished; nothing else ran it.
    expect(runs.filter((r) => r.worker === first.worker).map((r) => r.outcome)).toEqual(['running']);
    await new Promise((r) => setTimeout(r, 3000));
    expect((await runsOf(jobId)).filter((r) => r.outcome === 'completed')).toHaveLength(1);
  }, 90_000);

  it('runs a scheduled job exactly once per slot, whichever of the processes fires it', async () => {
    const scheduledRuns = () =>
      database.query(
        "select r.job_id, r.outcome, date_trunc('minute', j.created_on) as slot from job_runs r join pgboss.job j on j.id::text = r.job_id where r.name = 'system.echo' and j.singleton_key is null and (j.data->>'jobId') is null",
      );
    const firstSlot = await waitFor('the every-minute schedule to fire', async () => {
      const rows = await scheduledRuns();
      return rows.some((r) => r.outcome === 'completed') ? rows : undefined;
    }, 75_000, 500);
    // Give every process time to have fired the same slot, had the queue let it.
    await new Promise((r) => setTimeout(r, 5000));
    const rows = await scheduledRuns();
    const bySlot = new Map<string, Set<string>>();
    for (const r of rows) bySlot.set(String(r.slot), (bySlot.get(String(r.slot)) ?? new Set()).add(String(r.job_id)));
    expect(firstSlot.length).toBeGreaterThan(0);
    for (const jobs of bySlot.values()) expect(jobs.size).toBe(1);
    expect(rows.filter((r) => r.outcome === 'completed').length).toBe(bySlot.size);
  }, 120_000);

  it('finishes a running job before a process stops on SIGTERM, and exits 0', async () => {
    const survivor = processes.find((p) => p.child.exitCode === null && p.child.signalCode === null)!;
    // Hold the other live processes' workers off by stopping one at a time is not needed: whoever takes it, stop that one.
    const jobId = (await deps.jobs.enqueue('system.echo', { message: 'finish me', delayMs: 2500 }))!;
    const first = await waitFor('a process to start the job', async () => (await runsOf(jobId))[0]);
    const runner = processes.find((p) => first.worker === `${hostname()}:${p.pid}`) ?? survivor;
    expect(await stopAims(runner)).toBe(0);
    const runs = await runsOf(jobId);
    expect(runs).toEqual([expect.objectContaining({ attempt: 1, outcome: 'completed', worker: first.worker })]);
  }, 60_000);
});
