import type { Conn } from '../database.js';

/** Installation-wide clean-up of expired operational rows; not scoped, it runs for every organization. */
export async function sweepExpiredOperationalRows(conn: Conn, cutoffs: { nowIso: string; rateLimitBeforeIso: string; finishedJobsBeforeIso: string }) {
  const count = (r: { numDeletedRows?: bigint }) => Number(r.numDeletedRows ?? 0n);
  const sessions = count(await conn.kysely.deleteFrom('sessions').where('expires_at', '<=', cutoffs.nowIso).executeTakeFirst());
  const rateLimitHits = count(await conn.kysely.deleteFrom('rate_limit_hits').where('at', '<', cutoffs.rateLimitBeforeIso).executeTakeFirst());
  const ssoLoginRequests = count(await conn.kysely.deleteFrom('sso_login_requests').where('expires_at', '<=', cutoffs.nowIso).executeTakeFirst());
  const finishedJobs = count(await conn.kysely.deleteFrom('jobs').where('state', 'in', ['completed', 'failed']).where('finished_at', '<', cutoffs.finishedJobsBeforeIso).executeTakeFirst());
  return { sessions, rateLimitHits, ssoLoginRequests, finishedJobs };
}
