import type { Conn } from '../database.js';
import type { MembershipsTable, UsersTable } from '../schema.js';

export type MemberRow = UsersTable & Pick<MembershipsTable, 'organization_id' | 'role' | 'access_expires_at'>;

function members(conn: Conn, organizationId: string) {
  return conn.kysely
    .selectFrom('memberships')
    .innerJoin('users', 'users.id', 'memberships.user_id')
    .select(['users.id', 'users.email', 'users.display_name', 'users.password_hash', 'users.created_at'])
    .select(['memberships.organization_id', 'memberships.role', 'memberships.access_expires_at'])
    .where('memberships.organization_id', '=', organizationId);
}

export async function findMember(conn: Conn, organizationId: string, userId: string): Promise<MemberRow | undefined> {
  return members(conn, organizationId).where('users.id', '=', userId).executeTakeFirst();
}

export async function findMemberByEmail(conn: Conn, organizationId: string, email: string): Promise<MemberRow | undefined> {
  return members(conn, organizationId).where('users.email', '=', email).executeTakeFirst();
}

export async function listMembers(conn: Conn, organizationId: string, afterId: string | undefined, limit: number): Promise<MemberRow[]> {
  let query = members(conn, organizationId).orderBy('users.id').limit(limit);
  if (afterId) query = query.where('users.id', '>', afterId);
  return query.execute();
}

/**
 * Users are global (one login, possibly several organizations), so this lookup is not scoped:
 * it serves login and the check that an email is free. Everything else goes through a membership.
 */
export async function findUserByEmail(conn: Conn, email: string): Promise<UsersTable | undefined> {
  return conn.kysely.selectFrom('users').selectAll().where('email', '=', email).executeTakeFirst();
}

/** The organizations a user belongs to, oldest membership first; for login. */
export async function listMembershipsOfUser(conn: Conn, userId: string): Promise<MembershipsTable[]> {
  return conn.kysely.selectFrom('memberships').selectAll().where('user_id', '=', userId).orderBy('created_at').orderBy('organization_id').execute();
}

/** A user by id; global like the email lookup, for a caller whose membership is already proven. */
export async function findUserById(conn: Conn, userId: string): Promise<UsersTable | undefined> {
  return conn.kysely.selectFrom('users').selectAll().where('id', '=', userId).executeTakeFirst();
}

export async function insertUser(conn: Conn, row: UsersTable): Promise<void> {
  await conn.kysely.insertInto('users').values(row).execute();
}

export async function updateMembership(conn: Conn, organizationId: string, userId: string, change: Pick<MembershipsTable, 'role' | 'access_expires_at'>): Promise<void> {
  await conn.kysely.updateTable('memberships').set(change).where('organization_id', '=', organizationId).where('user_id', '=', userId).execute();
}

export async function deleteMembership(conn: Conn, organizationId: string, userId: string): Promise<void> {
  await conn.kysely.deleteFrom('memberships').where('organization_id', '=', organizationId).where('user_id', '=', userId).execute();
}

/**
 * Admins whose access has not ended; an organization must always keep one. On PostgreSQL the admin
 * rows are locked until commit, so two concurrent demotions cannot both see "another admin left".
 */
export async function countActiveAdmins(conn: Conn, organizationId: string, nowIso: string): Promise<number> {
  let query = conn.kysely
    .selectFrom('memberships')
    .select(['user_id', 'access_expires_at'])
    .where('organization_id', '=', organizationId)
    .where('role', '=', 'admin');
  if (conn.dialect === 'postgres') query = query.forUpdate();
  const admins = await query.execute();
  return admins.filter((a) => a.access_expires_at === null || a.access_expires_at > nowIso).length;
}

export async function insertMembership(conn: Conn, row: MembershipsTable): Promise<void> {
  await conn.kysely.insertInto('memberships').values(row).execute();
}
