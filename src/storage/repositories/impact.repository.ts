import type { Conn } from '../database.js';
import type { ImpactAssessmentsTable } from '../schema.js';

export async function insertAssessment(conn: Conn, row: ImpactAssessmentsTable): Promise<void> {
  await conn.kysely.insertInto('impact_assessments').values(row).execute();
}

export async function findAssessment(conn: Conn, organizationId: string, id: string): Promise<ImpactAssessmentsTable | undefined> {
  return conn.kysely.selectFrom('impact_assessments').selectAll().where('organization_id', '=', organizationId).where('id', '=', id).executeTakeFirst();
}

/** Every version of every system's assessments, oldest first. */
export async function listAssessments(conn: Conn, organizationId: string, systemId?: string): Promise<ImpactAssessmentsTable[]> {
  let query = conn.kysely.selectFrom('impact_assessments').selectAll().where('organization_id', '=', organizationId);
  if (systemId) query = query.where('system_id', '=', systemId);
  return query.orderBy('system_id').orderBy('version').execute();
}

export async function updateAssessment(conn: Conn, row: ImpactAssessmentsTable): Promise<void> {
  const { organization_id, id, ...change } = row;
  await conn.kysely.updateTable('impact_assessments').set(change).where('organization_id', '=', organization_id).where('id', '=', id).execute();
}
