import type { Conn } from '../../storage/database.js';

/** How a job is sent: for whom, when, at most once per key, and inside which transaction. */
export interface EnqueueOptions {
  /** The organization the job acts for; null or absent for installation-wide work. */
  organizationId?: string | null;
  /** Not before this time. */
  runAt?: Date;
  /** At most one job of this name with this key is ever queued (e.g. one per schedule slot). */
  singletonKey?: string;
  /** Overrides the job's own time limit for this one job. */
  timeoutSeconds?: number;
  /** Send inside this transaction: the job exists only if the transaction commits. */
  tx?: Conn;
}

/**
 * The one job interface of OpenAIMS (ADR 0020). Use cases send jobs by name; worker processes
 * (`aims worker`, and `aims serve` unless told not to) run them. On PostgreSQL it is pg-boss, on
 * SQLite a table polled in-process; both retry with backoff and keep a dead letter per job that
 * used up its retries.
 */
export interface JobQueue {
  readonly backend: 'table' | 'pg-boss';
  /** Returns the job's id, or null when a job with the same singleton key already exists. */
  enqueue(name: string, payload: Record<string, unknown>, options?: EnqueueOptions): Promise<string | null>;
  /** Start taking jobs (and firing schedules) in this process. */
  work(): Promise<void>;
  /** Stop taking jobs, let running ones finish for up to `timeoutMs`, then release connections. */
  stop(timeoutMs?: number): Promise<void>;
  /** Jobs this process is running now. */
  running(): number;
}
