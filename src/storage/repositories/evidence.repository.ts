import type { Conn } from '../database.js';
import type { EvidenceItemsTable, EvidenceLinksTable } from '../schema.js';

export async function insertEvidenceItem(conn: Conn, row: EvidenceItemsTable): Promise<void> {
  await conn.kysely.insertInto('evidence_items').values(row).execute();
}

export async function findEvidenceItem(conn: Conn, organizationId: string, id: string): Promise<EvidenceItemsTable | undefined> {
  return conn.kysely.selectFrom('evidence_items').selectAll().where('organization_id', '=', organizationId).where('id', '=', id).executeTakeFirst();
}

export interface EvidenceFilter {
  kind?: string | undefined;
  entityType?: string | undefined;
  entityId?: string | undefined;
}

/** Newest first (ids are time-ordered); `beforeId` is the keyset cursor. */
export async function listEvidenceItems(
  conn: Conn,
  organizationId: string,
  filter: EvidenceFilter,
  beforeId: string | undefined,
  limit: number,
): Promise<EvidenceItemsTable[]> {
  let query = conn.kysely.selectFrom('evidence_items').selectAll('evidence_items').where('evidence_items.organization_id', '=', organizationId);
  if (filter.kind) query = query.where('evidence_items.kind', '=', filter.kind);
  if (filter.entityType || filter.entityId) {
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom('evidence_links')
          .select('evidence_links.evidence_id')
          .whereRef('evidence_links.evidence_id', '=', 'evidence_items.id')
          .where('evidence_links.organization_id', '=', organizationId)
          .$if(Boolean(filter.entityType), (q) => q.where('evidence_links.entity_type', '=', filter.entityType!))
          .$if(Boolean(filter.entityId), (q) => q.where('evidence_links.entity_id', '=', filter.entityId!)),
      ),
    );
  }
  if (beforeId) query = query.where('evidence_items.id', '<', beforeId);
  return query.orderBy('evidence_items.id', 'desc').limit(limit).execute();
}

export async function insertEvidenceLink(conn: Conn, row: EvidenceLinksTable): Promise<void> {
  await conn.kysely.insertInto('evidence_links').values(row).execute();
}

export async function findEvidenceLink(
  conn: Conn,
  organizationId: string,
  key: Pick<EvidenceLinksTable, 'evidence_id' | 'entity_type' | 'entity_id'>,
): Promise<EvidenceLinksTable | undefined> {
  return conn.kysely
    .selectFrom('evidence_links')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .where('evidence_id', '=', key.evidence_id)
    .where('entity_type', '=', key.entity_type)
    .where('entity_id', '=', key.entity_id)
    .executeTakeFirst();
}

export async function listAllEvidenceLinks(conn: Conn, organizationId: string): Promise<EvidenceLinksTable[]> {
  return conn.kysely.selectFrom('evidence_links').selectAll().where('organization_id', '=', organizationId).execute();
}

export async function listEvidenceLinks(conn: Conn, organizationId: string, evidenceId: string): Promise<EvidenceLinksTable[]> {
  return conn.kysely
    .selectFrom('evidence_links')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .where('evidence_id', '=', evidenceId)
    .orderBy('created_at')
    .execute();
}
