import type { Conn } from '../database.js';
import type { DatasetVersionsTable, DatasetsTable } from '../schema.js';

export async function insertDataset(conn: Conn, row: DatasetsTable): Promise<void> {
  await conn.kysely.insertInto('datasets').values(row).execute();
}

export async function findDataset(conn: Conn, organizationId: string, id: string): Promise<DatasetsTable | undefined> {
  return conn.kysely.selectFrom('datasets').selectAll().where('organization_id', '=', organizationId).where('id', '=', id).executeTakeFirst();
}

export async function findDatasetByName(conn: Conn, organizationId: string, name: string): Promise<DatasetsTable | undefined> {
  return conn.kysely.selectFrom('datasets').selectAll().where('organization_id', '=', organizationId).where('name', '=', name).executeTakeFirst();
}

export async function listDatasets(conn: Conn, organizationId: string): Promise<DatasetsTable[]> {
  return conn.kysely.selectFrom('datasets').selectAll().where('organization_id', '=', organizationId).orderBy('id').execute();
}

export async function updateDataset(conn: Conn, organizationId: string, id: string, changes: Partial<Omit<DatasetsTable, 'id' | 'organization_id'>>): Promise<void> {
  await conn.kysely.updateTable('datasets').set(changes).where('organization_id', '=', organizationId).where('id', '=', id).execute();
}

export async function insertDatasetVersion(conn: Conn, row: DatasetVersionsTable): Promise<void> {
  await conn.kysely.insertInto('dataset_versions').values(row).execute();
}

export async function findDatasetVersion(conn: Conn, organizationId: string, id: string): Promise<DatasetVersionsTable | undefined> {
  return conn.kysely.selectFrom('dataset_versions').selectAll().where('organization_id', '=', organizationId).where('id', '=', id).executeTakeFirst();
}

/** Versions of one dataset (or of all datasets), oldest first. */
export async function listDatasetVersions(conn: Conn, organizationId: string, datasetId?: string): Promise<DatasetVersionsTable[]> {
  let query = conn.kysely.selectFrom('dataset_versions').selectAll().where('organization_id', '=', organizationId);
  if (datasetId) query = query.where('dataset_id', '=', datasetId);
  return query.orderBy('id').execute();
}
