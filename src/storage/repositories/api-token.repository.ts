import type { Conn } from '../database.js';
import type { ApiTokensTable } from '../schema.js';

export async function insertApiToken(conn: Conn, row: ApiTokensTable): Promise<void> {
  await conn.kysely.insertInto('api_tokens').values(row).execute();
}

/** Looked up by hash before the organization is known: the token is what tells us the organization. */
export async function findApiTokenByHash(conn: Conn, tokenHash: string): Promise<ApiTokensTable | undefined> {
  return conn.kysely.selectFrom('api_tokens').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();
}

export async function findApiToken(conn: Conn, organizationId: string, id: string): Promise<ApiTokensTable | undefined> {
  return conn.kysely.selectFrom('api_tokens').selectAll().where('organization_id', '=', organizationId).where('id', '=', id).executeTakeFirst();
}

export async function findApiTokenByName(conn: Conn, organizationId: string, name: string): Promise<ApiTokensTable | undefined> {
  return conn.kysely.selectFrom('api_tokens').selectAll().where('organization_id', '=', organizationId).where('name', '=', name).executeTakeFirst();
}

export async function listApiTokens(conn: Conn, organizationId: string, afterId: string | undefined, limit: number): Promise<ApiTokensTable[]> {
  let query = conn.kysely.selectFrom('api_tokens').selectAll().where('organization_id', '=', organizationId).orderBy('id').limit(limit);
  if (afterId) query = query.where('id', '>', afterId);
  return query.execute();
}

export async function listLiveTokensOfMember(conn: Conn, organizationId: string, userId: string): Promise<ApiTokensTable[]> {
  return conn.kysely
    .selectFrom('api_tokens')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .orderBy('id')
    .execute();
}

export async function markApiTokenRevoked(conn: Conn, organizationId: string, id: string, at: string): Promise<void> {
  await conn.kysely.updateTable('api_tokens').set({ revoked_at: at }).where('organization_id', '=', organizationId).where('id', '=', id).execute();
}

export async function touchApiToken(conn: Conn, organizationId: string, id: string, at: string): Promise<void> {
  await conn.kysely.updateTable('api_tokens').set({ last_used_at: at }).where('organization_id', '=', organizationId).where('id', '=', id).execute();
}
