import type { Conn } from '../database.js';
import type { RiskAcceptancesTable, RiskControlsTable, RisksTable, ScoringMethodsTable } from '../schema.js';

export async function listScoringMethods(conn: Conn, organizationId: string): Promise<ScoringMethodsTable[]> {
  return conn.kysely.selectFrom('scoring_methods').selectAll().where('organization_id', '=', organizationId).orderBy('version', 'desc').execute();
}

export async function insertScoringMethod(conn: Conn, row: ScoringMethodsTable): Promise<void> {
  await conn.kysely.insertInto('scoring_methods').values(row).execute();
}

export async function insertRisk(conn: Conn, row: RisksTable): Promise<void> {
  await conn.kysely.insertInto('risks').values(row).execute();
}

export async function findRisk(conn: Conn, organizationId: string, id: string): Promise<RisksTable | undefined> {
  return conn.kysely.selectFrom('risks').selectAll().where('organization_id', '=', organizationId).where('id', '=', id).executeTakeFirst();
}

export async function listRisks(conn: Conn, organizationId: string): Promise<RisksTable[]> {
  return conn.kysely.selectFrom('risks').selectAll().where('organization_id', '=', organizationId).orderBy('id').execute();
}

export async function updateRisk(conn: Conn, row: RisksTable): Promise<void> {
  const { organization_id, id, ...change } = row;
  await conn.kysely.updateTable('risks').set(change).where('organization_id', '=', organization_id).where('id', '=', id).execute();
}

export async function listRiskControls(conn: Conn, organizationId: string): Promise<RiskControlsTable[]> {
  return conn.kysely.selectFrom('risk_controls').selectAll().where('organization_id', '=', organizationId).orderBy('risk_id').orderBy('control_id').execute();
}

export async function replaceRiskControls(conn: Conn, organizationId: string, riskId: string, controlIds: readonly string[]): Promise<void> {
  await conn.kysely.deleteFrom('risk_controls').where('organization_id', '=', organizationId).where('risk_id', '=', riskId).execute();
  if (controlIds.length === 0) return;
  await conn.kysely
    .insertInto('risk_controls')
    .values(controlIds.map((control_id) => ({ organization_id: organizationId, risk_id: riskId, control_id })))
    .execute();
}

export async function listRiskAcceptances(conn: Conn, organizationId: string): Promise<RiskAcceptancesTable[]> {
  return conn.kysely.selectFrom('risk_acceptances').selectAll().where('organization_id', '=', organizationId).orderBy('id').execute();
}

export async function insertRiskAcceptance(conn: Conn, row: RiskAcceptancesTable): Promise<void> {
  await conn.kysely.insertInto('risk_acceptances').values(row).execute();
}
