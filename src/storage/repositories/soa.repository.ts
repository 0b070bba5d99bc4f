import type { Conn } from '../database.js';
import type { EvidenceItemsTable, SoaControlsTable, SoaEvidenceAcceptancesTable, SoaResponsibilitiesTable, SoaVersionsTable } from '../schema.js';

/** The entity type evidence is linked under when it supports an Annex A control. */
export const SOA_CONTROL_ENTITY = 'soa_control';

export async function listSoaControls(conn: Conn, organizationId: string): Promise<SoaControlsTable[]> {
  return conn.kysely.selectFrom('soa_controls').selectAll().where('organization_id', '=', organizationId).orderBy('control_id').execute();
}

export async function findSoaControl(conn: Conn, organizationId: string, controlId: string): Promise<SoaControlsTable | undefined> {
  return conn.kysely.selectFrom('soa_controls').selectAll().where('organization_id', '=', organizationId).where('control_id', '=', controlId).executeTakeFirst();
}

export async function insertSoaControl(conn: Conn, row: SoaControlsTable): Promise<void> {
  await conn.kysely.insertInto('soa_controls').values(row).execute();
}

export async function updateSoaControl(conn: Conn, row: SoaControlsTable): Promise<void> {
  const { organization_id, control_id, ...change } = row;
  await conn.kysely.updateTable('soa_controls').set(change).where('organization_id', '=', organization_id).where('control_id', '=', control_id).execute();
}

/** Newest first. */
export async function listSoaVersions(conn: Conn, organizationId: string): Promise<SoaVersionsTable[]> {
  return conn.kysely.selectFrom('soa_versions').selectAll().where('organization_id', '=', organizationId).orderBy('number', 'desc').execute();
}

export async function findSoaVersion(conn: Conn, organizationId: string, number: number): Promise<SoaVersionsTable | undefined> {
  return conn.kysely.selectFrom('soa_versions').selectAll().where('organization_id', '=', organizationId).where('number', '=', number).executeTakeFirst();
}

export async function findLatestSoaVersion(conn: Conn, organizationId: string): Promise<SoaVersionsTable | undefined> {
  return conn.kysely.selectFrom('soa_versions').selectAll().where('organization_id', '=', organizationId).orderBy('number', 'desc').limit(1).executeTakeFirst();
}

export async function insertSoaVersion(conn: Conn, row: SoaVersionsTable): Promise<void> {
  await conn.kysely.insertInto('soa_versions').values(row).execute();
}

export async function markSoaVersionIssued(
  conn: Conn,
  row: Pick<SoaVersionsTable, 'organization_id' | 'id' | 'issued_at' | 'issued_by' | 'issued_by_user_id' | 'issue_note' | 'document_json' | 'document_sha256'>,
): Promise<void> {
  const { organization_id, id, ...change } = row;
  await conn.kysely.updateTable('soa_versions').set({ ...change, state: 'issued' }).where('organization_id', '=', organization_id).where('id', '=', id).execute();
}

export async function listSoaAcceptances(conn: Conn, organizationId: string): Promise<SoaEvidenceAcceptancesTable[]> {
  return conn.kysely.selectFrom('soa_evidence_acceptances').selectAll().where('organization_id', '=', organizationId).orderBy('id').execute();
}

export async function findSoaAcceptance(conn: Conn, organizationId: string, controlId: string, evidenceId: string): Promise<SoaEvidenceAcceptancesTable | undefined> {
  return conn.kysely
    .selectFrom('soa_evidence_acceptances')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .where('control_id', '=', controlId)
    .where('evidence_id', '=', evidenceId)
    .executeTakeFirst();
}

export async function insertSoaAcceptance(conn: Conn, row: SoaEvidenceAcceptancesTable): Promise<void> {
  await conn.kysely.insertInto('soa_evidence_acceptances').values(row).execute();
}

export async function deleteSoaAcceptance(conn: Conn, organizationId: string, id: string): Promise<void> {
  await conn.kysely.deleteFrom('soa_evidence_acceptances').where('organization_id', '=', organizationId).where('id', '=', id).execute();
}

export type ControlEvidenceRow = EvidenceItemsTable & { control_id: string };

/** Every evidence item linked to an Annex A control, with the control it is linked to. */
export async function listControlEvidence(conn: Conn, organizationId: string): Promise<ControlEvidenceRow[]> {
  return conn.kysely
    .selectFrom('evidence_links')
    .innerJoin('evidence_items', (join) => join.onRef('evidence_items.id', '=', 'evidence_links.evidence_id').onRef('evidence_items.organization_id', '=', 'evidence_links.organization_id'))
    .selectAll('evidence_items')
    .select('evidence_links.entity_id as control_id')
    .where('evidence_links.organization_id', '=', organizationId)
    .where('evidence_links.entity_type', '=', SOA_CONTROL_ENTITY)
    .orderBy('evidence_items.id')
    .execute();
}

export async function listSoaResponsibilities(conn: Conn, organizationId: string): Promise<SoaResponsibilitiesTable[]> {
  return conn.kysely.selectFrom('soa_responsibilities').selectAll().where('organization_id', '=', organizationId).orderBy('control_id').orderBy('supplier_id').execute();
}

export async function findSoaResponsibility(conn: Conn, organizationId: string, controlId: string, supplierId: string): Promise<SoaResponsibilitiesTable | undefined> {
  return conn.kysely
    .selectFrom('soa_responsibilities')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .where('control_id', '=', controlId)
    .where('supplier_id', '=', supplierId)
    .executeTakeFirst();
}

export async function saveSoaResponsibility(conn: Conn, row: SoaResponsibilitiesTable, exists: boolean): Promise<void> {
  if (!exists) {
    await conn.kysely.insertInto('soa_responsibilities').values(row).execute();
    return;
  }
  const { organization_id, control_id, supplier_id, ...change } = row;
  await conn.kysely
    .updateTable('soa_responsibilities')
    .set(change)
    .where('organization_id', '=', organization_id)
    .where('control_id', '=', control_id)
    .where('supplier_id', '=', supplier_id)
    .execute();
}

export async function deleteSoaResponsibility(conn: Conn, organizationId: string, controlId: string, supplierId: string): Promise<void> {
  await conn.kysely.deleteFrom('soa_responsibilities').where('organization_id', '=', organizationId).where('control_id', '=', controlId).where('supplier_id', '=', supplierId).execute();
}

/** Evidence linked to a supplier: together with a control link, it is that supplier's proof for the control. */
export async function listSupplierEvidence(conn: Conn, organizationId: string): Promise<Array<EvidenceItemsTable & { supplier_id: string }>> {
  return conn.kysely
    .selectFrom('evidence_links')
    .innerJoin('evidence_items', (join) => join.onRef('evidence_items.id', '=', 'evidence_links.evidence_id').onRef('evidence_items.organization_id', '=', 'evidence_links.organization_id'))
    .selectAll('evidence_items')
    .select('evidence_links.entity_id as supplier_id')
    .where('evidence_links.organization_id', '=', organizationId)
    .where('evidence_links.entity_type', '=', 'supplier')
    .orderBy('evidence_items.id')
    .execute();
}
