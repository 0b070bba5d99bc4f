import type { Conn } from '../database.js';
import type { AiSystemClassificationsTable, AiSystemsTable } from '../schema.js';

export async function insertAiSystem(conn: Conn, row: AiSystemsTable): Promise<void> {
  await conn.kysely.insertInto('ai_systems').values(row).execute();
}

export async function findAiSystem(conn: Conn, organizationId: string, id: string): Promise<AiSystemsTable | undefined> {
  return conn.kysely.selectFrom('ai_systems').selectAll().where('organization_id', '=', organizationId).where('id', '=', id).executeTakeFirst();
}

export async function findAiSystemByName(conn: Conn, organizationId: string, name: string): Promise<AiSystemsTable | undefined> {
  return conn.kysely.selectFrom('ai_systems').selectAll().where('organization_id', '=', organizationId).where('name', '=', name).executeTakeFirst();
}

/** Every system of the organization, oldest first. Inventories are small enough to rank in memory. */
export async function listAiSystems(conn: Conn, organizationId: string): Promise<AiSystemsTable[]> {
  return conn.kysely.selectFrom('ai_systems').selectAll().where('organization_id', '=', organizationId).orderBy('id').execute();
}

export async function updateAiSystem(conn: Conn, organizationId: string, id: string, changes: Partial<Omit<AiSystemsTable, 'id' | 'organization_id'>>): Promise<void> {
  await conn.kysely.updateTable('ai_systems').set(changes).where('organization_id', '=', organizationId).where('id', '=', id).execute();
}

export async function insertClassification(conn: Conn, row: AiSystemClassificationsTable): Promise<void> {
  await conn.kysely.insertInto('ai_system_classifications').values(row).execute();
}

/** A system's classification versions, newest first. */
export async function listClassifications(conn: Conn, organizationId: string, systemId: string): Promise<AiSystemClassificationsTable[]> {
  return conn.kysely
    .selectFrom('ai_system_classifications')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .where('system_id', '=', systemId)
    .orderBy('version', 'desc')
    .execute();
}

export async function listAllClassifications(conn: Conn, organizationId: string): Promise<AiSystemClassificationsTable[]> {
  return conn.kysely.selectFrom('ai_system_classifications').selectAll().where('organization_id', '=', organizationId).orderBy('id').execute();
}
