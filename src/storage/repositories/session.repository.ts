import type { Conn } from '../database.js';
import type { SessionsTable } from '../schema.js';

export async function insertSession(conn: Conn, row: SessionsTable): Promise<void> {
  await conn.kysely.insertInto('sessions').values(row).execute();
}

/** Looked up by the hash of the cookie's secret; the secret itself is never stored. */
export async function findSessionByHash(conn: Conn, tokenHash: string): Promise<SessionsTable | undefined> {
  return conn.kysely.selectFrom('sessions').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();
}

export async function deleteSession(conn: Conn, organizationId: string, tokenHash: string): Promise<void> {
  await conn.kysely.deleteFrom('sessions').where('organization_id', '=', organizationId).where('token_hash', '=', tokenHash).execute();
}

/** Ends every session a person has in one organization (their access there was removed). */
export async function deleteSessionsOfMember(conn: Conn, organizationId: string, userId: string): Promise<void> {
  await conn.kysely.deleteFrom('sessions').where('organization_id', '=', organizationId).where('user_id', '=', userId).execute();
}

/** Drops a user's ended sessions; called at each login so the table does not grow without bound. */
export async function deleteExpiredSessionsOfUser(conn: Conn, userId: string, nowIso: string): Promise<void> {
  await conn.kysely.deleteFrom('sessions').where('user_id', '=', userId).where('expires_at', '<=', nowIso).execute();
}
