import type { AppDeps } from '../app/shared/context.js';
import { newId } from '../app/shared/ids.js';
import type { EnqueueOptions, JobQueue } from '../app/shared/job-queue.js';
import { parseWith } from '../contracts/parse.js';
import { findClaimableJob, insertDeadLetter, insertJob, listDueSchedules, listSchedules, deleteSchedule, updateJob, upsertSchedule } from '../storage/repositories/job.repository.js';
import { inTransaction } from '../storage/transaction.js';
import type { JobDefinition } from './job-definition.js';
import { findJobDefinition } from './registry.js';
import { runJobAttempt, WORKER_NAME } from './run-job.js';
import { nextCronTime } from './schedules.js';

export interface TableQueueOptions {
  definitions: readonly JobDefinition[];
  schedules: Map<string, string>;
  pollMs: number;
  concurrency: number;
}

const MAX_RETRY_DELAY_S = 3600;

/**
 * The job queue on SQLite: a table, polled by every process that works jobs. SQLite's single
 * writer (BEGIN IMMEDIATE) makes claiming atomic even with a CLI worker beside the server; a job
 * whose worker died is taken again once its lease (the job's time limit) has passed. Also correct
 * on PostgreSQL (SKIP LOCKED), where tests use it; production PostgreSQL uses pg-boss.
 */
export class TableJobQueue implements JobQueue {
  readonly backend = 'table' as const;
  private timer: NodeJS.Timeout | undefined;
  private working = false;
  private stopping = new AbortController();
  private readonly inFlight = new Set<Promise<void>>();
  private ticking: Promise<void> | undefined;

  constructor(private readonly deps: () => AppDeps, private readonly options: TableQueueOptions) {}

  async enqueue(name: string, payload: Record<string, unknown>, options: EnqueueOptions = {}): Promise<string | null> {
    const definition = findJobDefinition(name, this.options.definitions);
    parseWith(definition.payload, payload, `payload of job ${name}`);
    const deps = this.deps();
    const now = deps.clock.now();
    const id = newId(now);
    const inserted = await insertJob(options.tx ?? deps.db, {
      id, name, organization_id: options.organizationId ?? null, payload_json: JSON.stringify(payload), state: 'created', attempts: 0,
      retry_limit: definition.retryLimit, retry_delay_seconds: definition.retryDelaySeconds, retry_backoff: definition.backoff ? 'exponential' : 'fixed',
      timeout_seconds: options.timeoutSeconds ?? definition.timeoutSeconds, singleton_key: options.singletonKey ?? null,
      run_after: (options.runAt ?? now).toISOString(), started_at: null, lease_expires_at: null, worker: null, last_error: null, created_at: now.toISOString(), finished_at: null,
    });
    return inserted ? id : null;
  }

  async work(): Promise<void> {
    if (this.working) return;
    this.working = true;
    this.stopping = new AbortController();
    await this.syncSchedules();
    this.schedule(0);
  }

  running(): number {
    return this.inFlight.size;
  }

  async stop(timeoutMs = 25_000): Promise<void> {
    this.working = false;
    if (this.timer) clearTimeout(this.timer);
    await this.ticking;
    const all = Promise.allSettled([...this.inFlight]);
    const timedOut = await Promise.race([all.then(() => false), new Promise<boolean>((r) => setTimeout(() => r(true), timeoutMs).unref())]);
    if (timedOut) {
      // Abandoned attempts are taken again by another worker once their lease passes.
      this.stopping.abort();
      await Promise.race([all, new Promise((r) => setTimeout(r, 1000).unref())]);
    }
  }

  /**
   * Fires due schedules and runs every due job in this call, one after another, until none is
   * left; returns how many attempts ran. For tests and one-off runs, not needed beside work().
   */
  async runDue(): Promise<number> {
    const deps = this.deps();
    await this.syncSchedules();
    await this.fireSchedules(deps);
    let ran = 0;
    for (;;) {
      const claimed = await this.claim(deps);
      if (!claimed) return ran;
      await this.execute(deps, claimed);
      ran += 1;
    }
  }

  /** One pass: fire due schedules, then start jobs until the concurrency is used. */
  private async tick(): Promise<void> {
    const deps = this.deps();
    await this.fireSchedules(deps);
    while (this.working && this.inFlight.size < this.options.concurrency) {
      const claimed = await this.claim(deps);
      if (!claimed) break;
      const run = this.execute(deps, claimed).finally(() => this.inFlight.delete(run));
      this.inFlight.add(run);
    }
  }

  private schedule(delayMs: number) {
    if (!this.working) return;
    this.timer = setTimeout(() => {
      this.ticking = this.tick()
        .catch((error: unknown) => this.deps().logger.error({ error: String(error) }, 'job queue poll failed; retrying'))
        .finally(() => this.schedule(this.options.pollMs));
    }, delayMs);
    this.timer.unref();
  }

  private async syncSchedules() {
    const deps = this.deps();
    const now = deps.clock.now();
    await inTransaction(deps.db, async (tx) => {
      const existing = new Map((await listSchedules(tx)).map((s) => [s.name, s]));
      for (const [name, cron] of this.options.schedules) {
        if (existing.get(name)?.cron === cron) continue;
        await upsertSchedule(tx, { name, cron, next_run_at: nextCronTime(cron, now).toISOString(), updated_at: now.toISOString() });
      }
      for (const name of existing.keys()) if (!this.options.schedules.has(name)) await deleteSchedule(tx, name);
    });
  }

  /** Each due schedule sends one job per slot: the slot's time is the singleton key, so two processes cannot both send it. */
  private async fireSchedules(deps: AppDeps) {
    const nowIso = deps.clock.now().toISOString();
    if ((await listDueSchedules(deps.db, nowIso)).length === 0) return;
    await inTransaction(deps.db, async (tx) => {
      for (const due of await listDueSchedules(tx, nowIso)) {
        await this.enqueue(due.name, {}, { singletonKey: `schedule:${due.next_run_at}`, tx });
        await upsertSchedule(tx, { ...due, next_run_at: nextCronTime(due.cron, deps.clock.now()).toISOString(), updated_at: nowIso });
      }
    });
  }

  private async claim(deps: AppDeps) {
    const names = this.options.definitions.map((d) => d.name);
    const nowIso = deps.clock.now().toISOString();
    // A plain read first: an idle queue must not take SQLite's write lock every poll.
    if (!(await findClaimableJob(deps.db, names, nowIso))) return undefined;
    return inTransaction(deps.db, async (tx) => {
      for (;;) {
        const job = await findClaimableJob(tx, names, nowIso);
        if (!job) return undefined;
        if (job.state === 'active' && job.attempts > job.retry_limit) {
          // Its last attempt died with its worker: nothing left to retry.
          await this.deadLetter(tx, deps, job, `the worker running attempt ${job.attempts} stopped before it finished (lease expired)`);
          continue;
        }
        const started = deps.clock.now();
        const claimed = { ...job, state: 'active', attempts: job.attempts + 1, started_at: started.toISOString(), lease_expires_at: new Date(started.getTime() + job.timeout_seconds * 1000).toISOString(), worker: WORKER_NAME };
        await updateJob(tx, job.id, { state: claimed.state, attempts: claimed.attempts, started_at: claimed.started_at, lease_expires_at: claimed.lease_expires_at, worker: claimed.worker });
        return claimed;
      }
    });
  }

  private async execute(deps: AppDeps, job: NonNullable<Awaited<ReturnType<TableJobQueue['claim']>>>) {
    const definition = this.options.definitions.find((d) => d.name === job.name)!;
    try {
      await runJobAttempt(deps, definition, { id: job.id, name: job.name, organizationId: job.organization_id, payload: JSON.parse(job.payload_json), attempt: job.attempts, timeoutSeconds: job.timeout_seconds }, this.stopping.signal);
      await updateJob(deps.db, job.id, { state: 'completed', finished_at: deps.clock.now().toISOString(), lease_expires_at: null });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      await inTransaction(deps.db, async (tx) => {
        if (job.attempts <= job.retry_limit) {
          const factor = job.retry_backoff === 'exponential' ? 2 ** (job.attempts - 1) : 1;
          const delay = Math.min(MAX_RETRY_DELAY_S, job.retry_delay_seconds * factor);
          await updateJob(tx, job.id, { state: 'retry', run_after: new Date(deps.clock.now().getTime() + delay * 1000).toISOString(), lease_expires_at: null, last_error: message.slice(0, 2000) });
        } else {
          await this.deadLetter(tx, deps, job, message);
        }
      }).catch((e: unknown) => deps.logger.error({ error: String(e), jobId: job.id }, 'could not record a failed job; it will be taken again when its lease passes'));
    }
  }

  private async deadLetter(tx: Parameters<typeof updateJob>[0], deps: AppDeps, job: { id: string; name: string; organization_id: string | null; payload_json: string; attempts: number }, message: string) {
    const nowIso = deps.clock.now().toISOString();
    await updateJob(tx, job.id, { state: 'failed', finished_at: nowIso, lease_expires_at: null, last_error: message.slice(0, 2000) });
    await insertDeadLetter(tx, { job_id: job.id, name: job.name, organization_id: job.organization_id, payload_json: job.payload_json, attempts: job.attempts, last_error: message.slice(0, 2000), failed_at: nowIso, retried_at: null, retried_as_job_id: null });
    deps.metrics.jobDeadLettered(job.name);
    deps.logger.error({ job: job.name, jobId: job.id, attempts: job.attempts, error: message }, 'job failed for good: moved to the dead letters');
  }
}
