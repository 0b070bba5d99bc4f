import { sql } from 'kysely';
import type { Conn } from '../database.js';
import type { RateLimitHitsTable } from '../schema.js';

// Rate limits are keyed by a hash of what is limited (an email, a token id), across every
// organization: a limit protects the installation before the caller's organization is known.

/**
 * Serializes counting for one key inside the caller's transaction, so concurrent attempts from
 * several server processes cannot all read "9" and all pass a limit of 10. PostgreSQL: a
 * transaction-scoped advisory lock on the key. SQLite: the write transaction (BEGIN IMMEDIATE) already is one.
 */
export async function lockRateLimitKey(conn: Conn, bucket: string, keyHash: string): Promise<void> {
  if (conn.dialect !== 'postgres') return;
  await sql`select pg_advisory_xact_lock(hashtext(${`${bucket}:${keyHash}`}))`.execute(conn.kysely);
}

/** The key's hits since the given time, oldest first, at most `limit`. */
export async function listRecentHits(conn: Conn, bucket: string, keyHash: string, sinceIso: string, limit: number): Promise<Pick<RateLimitHitsTable, 'at'>[]> {
  return conn.kysely
    .selectFrom('rate_limit_hits')
    .select('at')
    .where('bucket', '=', bucket)
    .where('key_hash', '=', keyHash)
    .where('at', '>', sinceIso)
    .orderBy('at', 'desc')
    .limit(limit)
    .execute()
    .then((rows) => rows.reverse());
}

export async function insertRateLimitHit(conn: Conn, row: RateLimitHitsTable): Promise<void> {
  await conn.kysely.insertInto('rate_limit_hits').values(row).execute();
}

export async function deleteRateLimitHits(conn: Conn, bucket: string, keyHash: string): Promise<void> {
  await conn.kysely.deleteFrom('rate_limit_hits').where('bucket', '=', bucket).where('key_hash', '=', keyHash).execute();
}
