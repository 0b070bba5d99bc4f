import type { Conn } from '../database.js';
import type { ModelVersionsTable, ModelsTable } from '../schema.js';

export async function insertModel(conn: Conn, row: ModelsTable): Promise<void> {
  await conn.kysely.insertInto('models').values(row).execute();
}

export async function findModel(conn: Conn, organizationId: string, id: string): Promise<ModelsTable | undefined> {
  return conn.kysely.selectFrom('models').selectAll().where('organization_id', '=', organizationId).where('id', '=', id).executeTakeFirst();
}

export async function findModelByName(conn: Conn, organizationId: string, name: string): Promise<ModelsTable | undefined> {
  return conn.kysely.selectFrom('models').selectAll().where('organization_id', '=', organizationId).where('name', '=', name).executeTakeFirst();
}

export async function listModels(conn: Conn, organizationId: string): Promise<ModelsTable[]> {
  return conn.kysely.selectFrom('models').selectAll().where('organization_id', '=', organizationId).orderBy('id').execute();
}

export async function updateModel(conn: Conn, organizationId: string, id: string, changes: Partial<Omit<ModelsTable, 'id' | 'organization_id'>>): Promise<void> {
  await conn.kysely.updateTable('models').set(changes).where('organization_id', '=', organizationId).where('id', '=', id).execute();
}

export async function insertModelVersion(conn: Conn, row: ModelVersionsTable): Promise<void> {
  await conn.kysely.insertInto('model_versions').values(row).execute();
}

/** Versions of one model (or of all models), oldest first: ids are time-ordered. */
export async function listModelVersions(conn: Conn, organizationId: string, modelId?: string): Promise<ModelVersionsTable[]> {
  let query = conn.kysely.selectFrom('model_versions').selectAll().where('organization_id', '=', organizationId);
  if (modelId) query = query.where('model_id', '=', modelId);
  return query.orderBy('id').execute();
}
