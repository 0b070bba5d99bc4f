import type { Conn } from '../database.js';
import type { JobDeadLettersTable, JobRunsTable, JobSchedulesTable, JobsTable } from '../schema.js';

// Job tables are installation-wide, not per organization: a job may act for one organization
// (organization_id) or for the whole installation (null). The queue itself is claimed by any
// worker process, so these lookups are deliberately not scoped; the API lists dead letters
// through listDeadLetters with the caller's organization.

/** Inserts a job; a second job with the same name and singleton key is silently not inserted. Returns whether it was. */
export async function insertJob(conn: Conn, row: JobsTable): Promise<boolean> {
  const result = await conn.kysely.insertInto('jobs').values(row).onConflict((oc) => oc.columns(['name', 'singleton_key']).doNothing()).executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0n) > 0;
}

/**
 * The next job this worker may run: due and waiting, or running past its lease (its worker died).
 * PostgreSQL: SKIP LOCKED lets concurrent claimers pass each other; SQLite serializes writers anyway.
 */
export async function findClaimableJob(conn: Conn, names: readonly string[], nowIso: string): Promise<JobsTable | undefined> {
  if (names.length === 0) return undefined;
  let query = conn.kysely
    .selectFrom('jobs')
    .selectAll()
    .where('name', 'in', names)
    .where((eb) => eb.or([eb.and([eb('state', 'in', ['created', 'retry']), eb('run_after', '<=', nowIso)]), eb.and([eb('state', '=', 'active'), eb('lease_expires_at', '<', nowIso)])]))
    .orderBy('run_after')
    .limit(1);
  if (conn.dialect === 'postgres') query = query.forUpdate().skipLocked();
  return query.executeTakeFirst();
}

export async function updateJob(conn: Conn, id: string, changes: Partial<Omit<JobsTable, 'id'>>): Promise<void> {
  await conn.kysely.updateTable('jobs').set(changes).where('id', '=', id).execute();
}

export async function findJob(conn: Conn, id: string): Promise<JobsTable | undefined> {
  return conn.kysely.selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function countJobsByState(conn: Conn): Promise<Array<{ name: string; state: string; count: number }>> {
  const rows = await conn.kysely.selectFrom('jobs').select(['name', 'state']).select((eb) => eb.fn.countAll<number>().as('count')).groupBy(['name', 'state']).execute();
  return rows.map((r) => ({ name: r.name, state: r.state, count: Number(r.count) }));
}

/** Completed and failed jobs older than the cut-off; their runs stay in job_runs. */
export async function deleteFinishedJobs(conn: Conn, beforeIso: string): Promise<number> {
  const result = await conn.kysely.deleteFrom('jobs').where('state', 'in', ['completed', 'failed']).where('finished_at', '<', beforeIso).executeTakeFirst();
  return Number(result.numDeletedRows ?? 0n);
}

export async function listSchedules(conn: Conn): Promise<JobSchedulesTable[]> {
  return conn.kysely.selectFrom('job_schedules').selectAll().orderBy('name').execute();
}

export async function upsertSchedule(conn: Conn, row: JobSchedulesTable): Promise<void> {
  await conn.kysely
    .insertInto('job_schedules')
    .values(row)
    .onConflict((oc) => oc.column('name').doUpdateSet({ cron: row.cron, next_run_at: row.next_run_at, updated_at: row.updated_at }))
    .execute();
}

export async function deleteSchedule(conn: Conn, name: string): Promise<void> {
  await conn.kysely.deleteFrom('job_schedules').where('name', '=', name).execute();
}

export async function listDueSchedules(conn: Conn, nowIso: string): Promise<JobSchedulesTable[]> {
  let query = conn.kysely.selectFrom('job_schedules').selectAll().where('next_run_at', '<=', nowIso);
  if (conn.dialect === 'postgres') query = query.forUpdate().skipLocked();
  return query.execute();
}

export async function insertJobRun(conn: Conn, row: JobRunsTable): Promise<void> {
  await conn.kysely.insertInto('job_runs').values(row).execute();
}

export async function finishJobRun(conn: Conn, id: string, changes: Pick<JobRunsTable, 'finished_at' | 'outcome' | 'error' | 'result_json' | 'completed_job_id'>): Promise<void> {
  await conn.kysely.updateTable('job_runs').set(changes).where('id', '=', id).execute();
}

export async function findCompletedRun(conn: Conn, jobId: string): Promise<JobRunsTable | undefined> {
  return conn.kysely.selectFrom('job_runs').selectAll().where('completed_job_id', '=', jobId).executeTakeFirst();
}

export async function listJobRuns(conn: Conn, filter: { jobId?: string; name?: string; organizationId?: string | null }, limit: number): Promise<JobRunsTable[]> {
  let query = conn.kysely.selectFrom('job_runs').selectAll();
  if (filter.jobId) query = query.where('job_id', '=', filter.jobId);
  if (filter.name) query = query.where('name', '=', filter.name);
  if (filter.organizationId !== undefined) query = filter.organizationId === null ? query.where('organization_id', 'is', null) : query.where('organization_id', '=', filter.organizationId);
  return query.orderBy('started_at', 'desc').orderBy('id', 'desc').limit(limit).execute();
}

/** Records a job that used up its retries; a second report of the same job is ignored. */
export async function insertDeadLetter(conn: Conn, row: JobDeadLettersTable): Promise<void> {
  await conn.kysely.insertInto('job_dead_letters').values(row).onConflict((oc) => oc.column('job_id').doNothing()).execute();
}

/** Dead letters of one organization (or, with null, of the installation), newest first; `beforeFailedAt` + id is the keyset cursor. */
export async function listDeadLetters(conn: Conn, organizationId: string | null, cursor: { failedAt: string; jobId: string } | undefined, limit: number): Promise<JobDeadLettersTable[]> {
  let query = conn.kysely.selectFrom('job_dead_letters').selectAll();
  query = organizationId === null ? query.where('organization_id', 'is', null) : query.where('organization_id', '=', organizationId);
  if (cursor) query = query.where((eb) => eb.or([eb('failed_at', '<', cursor.failedAt), eb.and([eb('failed_at', '=', cursor.failedAt), eb('job_id', '<', cursor.jobId)])]));
  return query.orderBy('failed_at', 'desc').orderBy('job_id', 'desc').limit(limit).execute();
}

export async function listAllDeadLetters(conn: Conn, limit: number): Promise<JobDeadLettersTable[]> {
  return conn.kysely.selectFrom('job_dead_letters').selectAll().orderBy('failed_at', 'desc').orderBy('job_id', 'desc').limit(limit).execute();
}

export async function findDeadLetter(conn: Conn, organizationId: string | null, jobId: string): Promise<JobDeadLettersTable | undefined> {
  let query = conn.kysely.selectFrom('job_dead_letters').selectAll().where('job_id', '=', jobId);
  query = organizationId === null ? query.where('organization_id', 'is', null) : query.where('organization_id', '=', organizationId);
  return query.executeTakeFirst();
}

export async function markDeadLetterRetried(conn: Conn, jobId: string, retriedAt: string, newJobId: string): Promise<void> {
  await conn.kysely.updateTable('job_dead_letters').set({ retried_at: retriedAt, retried_as_job_id: newJobId }).where('job_id', '=', jobId).execute();
}
