import PgBoss from 'pg-boss';
import type { AppDeps } from '../app/shared/context.js';
import { newId } from '../app/shared/ids.js';
import type { EnqueueOptions, JobQueue } from '../app/shared/job-queue.js';
import { parseWith } from '../contracts/parse.js';
import { insertDeadLetter } from '../storage/repositories/job.repository.js';
import { executeRawSql } from '../storage/raw-sql.js';
import type { JobDefinition } from './job-definition.js';
import { findJobDefinition } from './registry.js';
import { runJobAttempt } from './run-job.js';

export interface PgBossQueueOptions {
  connectionString: string;
  definitions: readonly JobDefinition[];
  schedules: Map<string, string>;
  pollMs: number;
  concurrency: number;
  /** How often pg-boss looks for jobs whose worker died (expired) and for cron slots. */
  maintenanceSeconds: number;
}

/** Where pg-boss puts a job that used up its retries; our worker copies it into job_dead_letters. */
export const DEAD_LETTER_QUEUE = 'aims.dead-letter';
const SCHEMA = 'pgboss';

/** What we put in a pg-boss job: our id (also pg-boss's), the job's name (a dead letter keeps it) and the payload. */
interface Envelope {
  jobId?: string;
  jobName: string;
  organizationId: string | null;
  payload: Record<string, unknown>;
}

/**
 * The job queue on PostgreSQL: pg-boss (ADR 0020) in its own `pgboss` schema of the same database.
 * A job is fetched with SKIP LOCKED, so exactly one process runs each attempt; a job whose worker
 * died is failed by pg-boss's maintenance once its time limit passes, then retried with backoff;
 * after the last retry it goes to the dead-letter queue. Cron schedules are sent once per slot
 * whichever process fires them.
 */
export class PgBossJobQueue implements JobQueue {
  readonly backend = 'pg-boss' as const;
  private boss: PgBoss | undefined;
  private starting: Promise<PgBoss> | undefined;
  private workerMode = false;
  private readonly shutdown = new AbortController();
  private active = 0;

  constructor(private readonly deps: () => AppDeps, private readonly options: PgBossQueueOptions) {}

  async enqueue(name: string, payload: Record<string, unknown>, options: EnqueueOptions = {}): Promise<string | null> {
    const definition = findJobDefinition(name, this.options.definitions);
    parseWith(definition.payload, payload, `payload of job ${name}`);
    const boss = await this.start();
    const id = newId(this.deps().clock.now());
    const envelope: Envelope = { jobId: id, jobName: name, organizationId: options.organizationId ?? null, payload };
    const sendOptions: PgBoss.SendOptions = { id };
    if (options.runAt) sendOptions.startAfter = options.runAt;
    if (options.singletonKey) sendOptions.singletonKey = options.singletonKey;
    if (options.timeoutSeconds) sendOptions.expireInSeconds = options.timeoutSeconds;
    const tx = options.tx;
    if (tx) sendOptions.db = { executeSql: (text, values) => executeRawSql(tx, text, values) };
    return boss.send(name, envelope, sendOptions);
  }

  async work(): Promise<void> {
    if (this.workerMode) return;
    if (this.starting) {
      // Started to send only (a CLI command); restart with the supervisor and cron on.
      await (await this.starting).stop({ graceful: false, wait: true });
      this.starting = undefined;
      this.boss = undefined;
    }
    this.workerMode = true;
    const boss = await this.start();
    const pollingIntervalSeconds = Math.max(0.5, this.options.pollMs / 1000);
    for (const definition of this.options.definitions) {
      for (let i = 0; i < this.options.concurrency; i++) {
        await boss.work<Envelope>(definition.name, { includeMetadata: true, batchSize: 1, pollingIntervalSeconds }, async ([job]) => {
          if (job) return this.execute(definition, job);
        });
      }
    }
    await boss.work<Envelope>(DEAD_LETTER_QUEUE, { includeMetadata: true, batchSize: 10, pollingIntervalSeconds }, async (jobs) => {
      for (const job of jobs) await this.recordDeadLetter(job);
    });
    const scheduled = await boss.getSchedules();
    for (const [name, cron] of this.options.schedules) {
      await boss.schedule(name, cron, { jobName: name, organizationId: null, payload: {} } satisfies Envelope, { tz: 'UTC' });
    }
    for (const s of scheduled) if (!this.options.schedules.has(s.name)) await boss.unschedule(s.name);
  }

  running(): number {
    return this.active;
  }

  async stop(timeoutMs = 25_000): Promise<void> {
    const starting = this.starting;
    this.starting = undefined;
    if (!starting) return;
    const boss = await starting.catch(() => undefined);
    if (!boss) return;
    const stopped = new Promise<void>((resolve) => boss.once('stopped', () => resolve()));
    await boss.stop({ graceful: true, timeout: timeoutMs, wait: true });
    // wait:true resolves once stopping began on some versions; wait for the pool to be closed.
    await Promise.race([stopped, new Promise((r) => setTimeout(r, timeoutMs + 2000).unref())]);
    this.shutdown.abort();
  }

  private start(): Promise<PgBoss> {
    this.starting ??= (async () => {
      const boss = new PgBoss({
        connectionString: this.options.connectionString,
        schema: SCHEMA,
        max: Math.max(2, this.options.concurrency + 1),
        application_name: 'openaims-jobs',
        supervise: this.workerMode,
        schedule: this.workerMode,
        maintenanceIntervalSeconds: this.options.maintenanceSeconds,
        cronMonitorIntervalSeconds: Math.min(30, Math.max(1, this.options.maintenanceSeconds)),
        cronWorkerIntervalSeconds: Math.min(5, Math.max(1, this.options.maintenanceSeconds)),
      });
      boss.on('error', (error: Error) => this.deps().logger.error({ error: error.message }, 'job queue (pg-boss) error; it keeps trying'));
      await boss.start();
      await ensureQueue(boss, DEAD_LETTER_QUEUE, { name: DEAD_LETTER_QUEUE, retryLimit: 5, retryDelay: 10, retryBackoff: true });
      for (const d of this.options.definitions) {
        await ensureQueue(boss, d.name, { name: d.name, retryLimit: d.retryLimit, retryDelay: d.retryDelaySeconds, retryBackoff: d.backoff, expireInSeconds: d.timeoutSeconds, deadLetter: DEAD_LETTER_QUEUE });
      }
      this.boss = boss;
      return boss;
    })();
    return this.starting;
  }

  private async execute(definition: JobDefinition, job: PgBoss.JobWithMetadata<Envelope>) {
    this.active += 1;
    try {
      const { result } = await runJobAttempt(
        this.deps(),
        definition,
        { id: job.id, name: definition.name, organizationId: job.data.organizationId ?? null, payload: job.data.payload ?? {}, attempt: job.retryCount + 1, timeoutSeconds: job.expireInSeconds },
        this.shutdown.signal,
      );
      return result;
    } finally {
      this.active -= 1;
    }
  }

  private async recordDeadLetter(job: PgBoss.JobWithMetadata<Envelope>) {
    const deps = this.deps();
    const output = job.output as { message?: string; value?: { message?: string } } | null;
    const message = output?.message ?? output?.value?.message ?? JSON.stringify(output ?? 'failed');
    const name = job.data.jobName ?? 'unknown';
    await insertDeadLetter(deps.db, {
      job_id: job.data.jobId ?? job.id, name, organization_id: job.data.organizationId ?? null, payload_json: JSON.stringify(job.data.payload ?? {}),
      attempts: job.retryLimit + 1, last_error: message.slice(0, 2000), failed_at: deps.clock.now().toISOString(), retried_at: null, retried_as_job_id: null,
    });
    deps.metrics.jobDeadLettered(name);
    deps.logger.error({ job: name, jobId: job.data.jobId ?? job.id, error: message }, 'job failed for good: moved to the dead letters');
  }
}

async function ensureQueue(boss: PgBoss, name: string, options: PgBoss.Queue) {
  if (!(await boss.getQueue(name))) {
    try {
      await boss.createQueue(name, options);
      return;
    } catch (error) {
      // Another process created it at the same moment.
      if (!(await boss.getQueue(name))) throw error;
    }
  }
  await boss.updateQueue(name, options);
}
