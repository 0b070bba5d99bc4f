import type { Conn } from '../database.js';
import type { SsoIdentitiesTable, SsoLoginRequestsTable, SsoSettingsTable } from '../schema.js';

export async function findSsoSettings(conn: Conn, organizationId: string): Promise<SsoSettingsTable | undefined> {
  return conn.kysely.selectFrom('sso_settings').selectAll().where('organization_id', '=', organizationId).executeTakeFirst();
}

export async function upsertSsoSettings(conn: Conn, row: SsoSettingsTable): Promise<void> {
  const { organization_id: _key, ...changes } = row;
  await conn.kysely.insertInto('sso_settings').values(row).onConflict((oc) => oc.column('organization_id').doUpdateSet(changes)).execute();
}

/** By issuer and subject: the identity names the user before any organization is known (not scoped, like findUserByEmail). */
export async function findSsoIdentity(conn: Conn, issuer: string, subject: string): Promise<SsoIdentitiesTable | undefined> {
  return conn.kysely.selectFrom('sso_identities').selectAll().where('issuer', '=', issuer).where('subject', '=', subject).executeTakeFirst();
}

export async function insertSsoIdentity(conn: Conn, row: SsoIdentitiesTable): Promise<void> {
  await conn.kysely.insertInto('sso_identities').values(row).execute();
}

export async function listSsoIdentities(conn: Conn, organizationId: string): Promise<SsoIdentitiesTable[]> {
  return conn.kysely.selectFrom('sso_identities').selectAll().where('organization_id', '=', organizationId).orderBy('issuer').orderBy('subject').execute();
}

export async function insertSsoLoginRequest(conn: Conn, row: SsoLoginRequestsTable): Promise<void> {
  await conn.kysely.insertInto('sso_login_requests').values(row).execute();
}

/**
 * Takes a pending login by the hash of its state, once: deleted in the same statement (not scoped:
 * the state is what tells us the organization, like a session cookie).
 */
export async function takeSsoLoginRequest(conn: Conn, stateHash: string): Promise<SsoLoginRequestsTable | undefined> {
  const row = await conn.kysely.selectFrom('sso_login_requests').selectAll().where('state_hash', '=', stateHash).executeTakeFirst();
  if (!row) return undefined;
  const deleted = await conn.kysely.deleteFrom('sso_login_requests').where('state_hash', '=', stateHash).executeTakeFirst();
  return Number(deleted.numDeletedRows ?? 0n) === 1 ? row : undefined;
}
