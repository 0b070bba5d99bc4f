import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyTrail } from '../../src/app/trail/verify-trail.js';
import { fixedClock } from '../../src/domain/shared/clock.js';
import { AppError } from '../../src/domain/shared/app-error.js';
import { JOB_DEFINITIONS } from '../../src/jobs/registry.js';
import { resolveSchedules } from '../../src/jobs/schedules.js';
import { TableJobQueue } from '../../src/jobs/table-job-queue.js';
import { inTransaction } from '../../src/storage/transaction.js';
import { call, createHarness, createMember, createOrg, loginHeaders, type Harness, type TestOrg } from '../support/harness.js';
import { TEST_DIALECTS } from '../support/test-database.js';

describe.each(TEST_DIALECTS)('the table job queue on %s', (dialect) => {
  let h: Harness;
  let queue: TableJobQueue;
  let clock: ReturnType<typeof fixedClock>;
  let orgA: TestOrg;
  let orgB: TestOrg;

  const runs = async (jobId: string) => (await h.testDb.raw('select attempt, outcome, worker, error from job_runs where job_id = ? order by attempt', [jobId])) as Array<{ attempt: number; outcome: string; error: string | null }>;
  const jobRow = async (jobId: string) => ((await h.testDb.raw('select state, attempts, run_after from jobs where id = ?', [jobId])) as Array<{ state: string; attempts: number; run_after: string }>)[0]!;

  beforeAll(async () => {
    h = await createHarness(dialect);
    // Near the real time (session cookies may not expire 400 days ahead), on a whole minute plus 30 s.
    clock = fixedClock(new Date(Math.floor(Date.now() / 60_000) * 60_000 + 30_000));
    h.deps.clock = clock;
    queue = h.deps.jobs as TableJobQueue;
    expect(queue.backend).toBe('table');
    orgA = await createOrg(h);
    orgB = await createOrg(h);
  });
  afterAll(() => h.dispose());

  it('runs a job once, records the run, and does not run it again', async () => {
    const id = (await h.deps.jobs.enqueue('system.echo', { message: 'hello' }))!;
    expect(await queue.runDue()).toBe(1);
    expect(await queue.runDue()).toBe(0);
    expect(await jobRow(id)).toMatchObject({ state: 'completed', attempts: 1 });
    const [run] = await runs(id);
    expect(run).toMatchObject({ attempt: 1, outcome: 'completed' });
    const result = (await h.testDb.raw('select result_json from job_runs where job_id = ?', [id])) as Array<{ result_json: string }>;
    expect(JSON.parse(result[0]!.result_json)).toMatchObject({ message: 'hello', attempt: 1 });
  });

  it('retries with growing delays, then moves the job to the dead letters, which its admin sees and retries once', async () => {
    const id = (await h.deps.jobs.enqueue('system.echo', { failAttempts: 99 }, { organizationId: orgA.organizationId }))!;
    expect(await queue.runDue()).toBe(1);
    const afterFirst = await jobRow(id);
    expect(afterFirst.state).toBe('retry');
    expect(new Date(afterFirst.run_after).getTime() - clock.now().getTime()).toBe(1000);
    expect(await queue.runDue()).toBe(0); // not due yet
    for (const delay of [1000, 2000, 4000]) {
      clock.advance(delay);
      expect(await queue.runDue()).toBe(1);
    }
    expect(await jobRow(id)).toMatchObject({ state: 'failed', attempts: 4 });
    expect((await runs(id)).map((r) => r.outcome)).toEqual(['failed', 'failed', 'failed', 'failed']);

    const admin = await loginHeaders(h, orgA.admin.email);
    const listed = await call(h, 'GET', '/api/v1/jobs/failed', { headers: admin });
    expect(listed.status).toBe(200);
    expect(listed.json.items).toHaveLength(1);
    expect(listed.json.items[0]).toMatchObject({ jobId: id, name: 'system.echo', attempts: 4, lastError: 'echo was told to fail attempt 4', retriedAt: null });

    const otherAdmin = await loginHeaders(h, orgB.admin.email);
    expect((await call(h, 'GET', '/api/v1/jobs/failed', { headers: otherAdmin })).json.items).toEqual([]);
    expect((await call(h, 'POST', `/api/v1/jobs/failed/${id}/retry`, { headers: otherAdmin })).status).toBe(404);
    const contributor = await createMember(h, orgA, 'contributor');
    expect((await call(h, 'GET', '/api/v1/jobs/failed', { headers: await loginHeaders(h, contributor.email) })).status).toBe(403);

    const bad = await call(h, 'POST', '/api/v1/jobs/failed/not-a-uuid/retry', { headers: admin });
    expect(bad.status).toBe(400);
    expect(bad.json.error.details.fields[0].field).toBe('jobId');

    const retried = await call(h, 'POST', `/api/v1/jobs/failed/${id}/retry`, { headers: admin });
    expect(retried.status).toBe(200);
    expect(retried.json.retriedAsJobId).toEqual(expect.any(String));
    const again = await call(h, 'POST', `/api/v1/jobs/failed/${id}/retry`, { headers: admin });
    expect(again.status).toBe(409);
    expect(again.json.error.details.fields[0].field).toBe('jobId');
    expect(await jobRow(retried.json.retriedAsJobId)).toMatchObject({ state: 'created', attempts: 0 });
    const events = (await h.testDb.raw("select entity_id from trail_events where action = 'job.retried' and organization_id = ?", [orgA.organizationId])) as Array<{ entity_id: string }>;
    expect(events.map((e) => e.entity_id)).toEqual([id]);
    expect((await verifyTrail(h.deps.db)).ok).toBe(true);
  });

  it('takes a job again once the lease of a worker that died has passed, and completes it once', async () => {
    const id = (await h.deps.jobs.enqueue('system.echo', { message: 'orphan' }))!;
    // What a worker killed mid-job leaves behind: the job active, its lease running.
    await h.testDb.raw("update jobs set state = 'active', attempts = 1, worker = 'dead:1', lease_expires_at = ? where id = ?", [new Date(clock.now().getTime() + 60_000).toISOString(), id]);
    await queue.runDue();
    expect(await jobRow(id)).toMatchObject({ state: 'active', attempts: 1 });
    clock.advance(60_001);
    await queue.runDue();
    expect(await jobRow(id)).toMatchObject({ state: 'completed', attempts: 2 });
    expect((await runs(id)).filter((r) => r.outcome === 'completed')).toHaveLength(1);
  });

  it('fires a schedule once per slot even when two workers poll it, and refuses a wrong schedule naming the variable', async () => {
    const schedules = resolveSchedules(JOB_DEFINITIONS, 'system.echo=*/5 * * * *;trail.verify=off;system.sweep=off');
    const options = { definitions: JOB_DEFINITIONS, schedules, pollMs: 1000, concurrency: 1 };
    const one = new TableJobQueue(() => h.deps, options);
    const two = new TableJobQueue(() => h.deps, options);
    const echoRuns = async () =>
      ((await h.testDb.raw("select count(*) as n from job_runs r join jobs j on j.id = r.job_id where j.name = 'system.echo' and j.singleton_key like 'schedule:%' and r.outcome = 'completed'")) as Array<{ n: number | string }>)[0]!.n;
    const before = Number(await echoRuns());
    await one.runDue(); // registers the schedule: next slot in the future
    clock.advance(5 * 60_000);
    await Promise.all([one.runDue(), two.runDue()]);
    expect(Number(await echoRuns())).toBe(before + 1);
    clock.advance(11 * 60_000); // two slots passed while nobody polled: one catch-up run, not two
    await Promise.all([two.runDue(), one.runDue()]);
    expect(Number(await echoRuns())).toBe(before + 2);
    // Put the built-in schedules back for the other tests.
    await new TableJobQueue(() => h.deps, { ...options, schedules: resolveSchedules(JOB_DEFINITIONS, undefined) }).runDue();

    expect(() => resolveSchedules(JOB_DEFINITIONS, 'system.echo=every minute')).toThrow(/AIMS_JOB_SCHEDULES/);
    expect(() => resolveSchedules(JOB_DEFINITIONS, 'nope=* * * * *')).toThrow(/"nope" is not a known job/);
  });

  it('refuses unknown jobs and bad payloads naming the field, and a job sent in a rolled-back transaction never exists', async () => {
    const unknown = await h.deps.jobs.enqueue('nope', {}).catch((e: unknown) => e);
    expect(unknown).toBeInstanceOf(AppError);
    expect((unknown as AppError).details.fields?.[0]?.field).toBe('name');
    const badPayload = (await h.deps.jobs.enqueue('system.echo', { delayMs: -1, extra: true }).catch((e: unknown) => e)) as AppError;
    expect(badPayload.code).toBe('VALIDATION_FAILED');
    expect(badPayload.details.fields?.map((f) => f.field).sort()).toEqual(['delayMs', 'extra']);

    const count = async () => Number(((await h.testDb.raw('select count(*) as n from jobs')) as Array<{ n: number | string }>)[0]!.n);
    const before = await count();
    await expect(
      inTransaction(h.deps.db, async (tx) => {
        await h.deps.jobs.enqueue('system.echo', {}, { tx });
        throw new Error('the use case failed after sending its job');
      }),
    ).rejects.toThrow('the use case failed');
    expect(await count()).toBe(before);
  });

  it("trail.verify records each organization's verification in its own trail and fails nothing when it finds a problem", async () => {
    await h.deps.jobs.enqueue('trail.verify', {});
    await queue.runDue();
    const recorded = (await h.testDb.raw("select organization_id, after_json from trail_events where action = 'trail.verified'")) as Array<{ organization_id: string; after_json: string }>;
    expect(recorded.map((r) => r.organization_id).sort()).toEqual([orgA.organizationId, orgB.organizationId].sort());
    expect(recorded.every((r) => (JSON.parse(r.after_json) as { ok: boolean }).ok)).toBe(true);
    expect((await verifyTrail(h.deps.db)).ok).toBe(true);

    await h.testDb.raw('update organizations set name = ? where id = ?', ['Renamed behind our back', orgB.organizationId]);
    const id = (await h.deps.jobs.enqueue('trail.verify', {}))!;
    await queue.runDue();
    expect(await jobRow(id)).toMatchObject({ state: 'completed' });
    const latest = (await h.testDb.raw("select after_json from trail_events where action = 'trail.verified' and organization_id = ? order by seq desc", [orgB.organizationId])) as Array<{ after_json: string }>;
    expect(JSON.parse(latest[0]!.after_json)).toMatchObject({ ok: false, problem: expect.stringContaining('changed outside OpenAIMS') });
  });
});
