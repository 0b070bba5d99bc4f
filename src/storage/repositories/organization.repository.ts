import type { Conn } from '../database.js';
import type { OrganizationsTable } from '../schema.js';

/** Organizations are the tenants themselves, so their queries are scoped by their own id. */
export async function insertOrganization(conn: Conn, row: OrganizationsTable): Promise<void> {
  await conn.kysely.insertInto('organizations').values(row).execute();
}

export async function findOrganization(conn: Conn, organizationId: string): Promise<OrganizationsTable | undefined> {
  return conn.kysely.selectFrom('organizations').selectAll().where('id', '=', organizationId).executeTakeFirst();
}

export async function findOrganizationByNameKey(conn: Conn, nameKey: string): Promise<OrganizationsTable | undefined> {
  return conn.kysely.selectFrom('organizations').selectAll().where('name_key', '=', nameKey).executeTakeFirst();
}

export async function countOrganizations(conn: Conn): Promise<number> {
  const row = await conn.kysely.selectFrom('organizations').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Every organization id; used by whole-database checks such as trail verification. */
export async function listOrganizationIds(conn: Conn): Promise<string[]> {
  const rows = await conn.kysely.selectFrom('organizations').select('id').orderBy('id').execute();
  return rows.map((r) => r.id);
}
