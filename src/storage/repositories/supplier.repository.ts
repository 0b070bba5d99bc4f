import type { Conn } from '../database.js';
import type { SuppliersTable } from '../schema.js';

export async function insertSupplier(conn: Conn, row: SuppliersTable): Promise<void> {
  await conn.kysely.insertInto('suppliers').values(row).execute();
}

export async function findSupplier(conn: Conn, organizationId: string, id: string): Promise<SuppliersTable | undefined> {
  return conn.kysely.selectFrom('suppliers').selectAll().where('organization_id', '=', organizationId).where('id', '=', id).executeTakeFirst();
}

export async function findSupplierByName(conn: Conn, organizationId: string, name: string): Promise<SuppliersTable | undefined> {
  return conn.kysely.selectFrom('suppliers').selectAll().where('organization_id', '=', organizationId).where('name', '=', name).executeTakeFirst();
}

export async function listSuppliers(conn: Conn, organizationId: string): Promise<SuppliersTable[]> {
  return conn.kysely.selectFrom('suppliers').selectAll().where('organization_id', '=', organizationId).orderBy('id').execute();
}

export async function updateSupplier(conn: Conn, organizationId: string, id: string, changes: Partial<Omit<SuppliersTable, 'id' | 'organization_id'>>): Promise<void> {
  await conn.kysely.updateTable('suppliers').set(changes).where('organization_id', '=', organizationId).where('id', '=', id).execute();
}
