import type { Conn } from '../database.js';
import type { TrailEventsTable, TrailHeadsTable } from '../schema.js';

export async function insertTrailHead(conn: Conn, row: TrailHeadsTable): Promise<void> {
  await conn.kysely.insertInto('trail_heads').values(row).execute();
}

/**
 * Reads the organization's chain head inside a write transaction and holds it until commit.
 * PostgreSQL: the row lock serializes concurrent writers of one organization across processes.
 * SQLite: there is one writer at a time anyway, and SQLite has no FOR UPDATE.
 */
export async function lockTrailHead(conn: Conn, organizationId: string): Promise<TrailHeadsTable | undefined> {
  let query = conn.kysely.selectFrom('trail_heads').selectAll().where('organization_id', '=', organizationId);
  if (conn.dialect === 'postgres') query = query.forUpdate();
  return query.executeTakeFirst();
}

export async function findTrailHead(conn: Conn, organizationId: string): Promise<TrailHeadsTable | undefined> {
  return conn.kysely.selectFrom('trail_heads').selectAll().where('organization_id', '=', organizationId).executeTakeFirst();
}

export async function updateTrailHead(conn: Conn, row: TrailHeadsTable): Promise<void> {
  await conn.kysely.updateTable('trail_heads').set({ seq: row.seq, hash: row.hash }).where('organization_id', '=', row.organization_id).execute();
}

export async function insertTrailEvent(conn: Conn, row: TrailEventsTable): Promise<void> {
  await conn.kysely.insertInto('trail_events').values(row).execute();
}

export interface TrailFilter {
  entityType?: string | undefined;
  entityId?: string | undefined;
  actorId?: string | undefined;
  fromIso?: string | undefined;
  toIso?: string | undefined;
}

/** Newest first; `beforeSeq` is the keyset cursor. */
export async function listTrailEvents(
  conn: Conn,
  organizationId: string,
  filter: TrailFilter,
  beforeSeq: number | undefined,
  limit: number,
): Promise<TrailEventsTable[]> {
  let query = conn.kysely.selectFrom('trail_events').selectAll().where('organization_id', '=', organizationId);
  if (filter.entityType) query = query.where('entity_type', '=', filter.entityType);
  if (filter.entityId) query = query.where('entity_id', '=', filter.entityId);
  if (filter.actorId) query = query.where('actor_id', '=', filter.actorId);
  if (filter.fromIso) query = query.where('at', '>=', filter.fromIso);
  if (filter.toIso) query = query.where('at', '<', filter.toIso);
  if (beforeSeq !== undefined) query = query.where('seq', '<', beforeSeq);
  return query.orderBy('seq', 'desc').limit(limit).execute();
}

/** The organization's events of the given actions, oldest first: the snapshots a state check compares with. */
export async function listEventsByAction(conn: Conn, organizationId: string, actions: readonly string[]): Promise<Pick<TrailEventsTable, 'seq' | 'action' | 'entity_type' | 'entity_id' | 'after_json'>[]> {
  if (actions.length === 0) return [];
  return conn.kysely
    .selectFrom('trail_events')
    .select(['seq', 'action', 'entity_type', 'entity_id', 'after_json'])
    .where('organization_id', '=', organizationId)
    .where('action', 'in', actions)
    .orderBy('seq')
    .execute();
}

/** Oldest first, for walking the chain in pages. */
export async function readTrailChunk(conn: Conn, organizationId: string, afterSeq: number, limit: number): Promise<TrailEventsTable[]> {
  return conn.kysely
    .selectFrom('trail_events')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .where('seq', '>', afterSeq)
    .orderBy('seq')
    .limit(limit)
    .execute();
}

/** Organizations that have trail rows; a verifier compares this with the heads to find orphans. */
export async function listTrailOrganizationIds(conn: Conn): Promise<string[]> {
  const rows = await conn.kysely.selectFrom('trail_events').select('organization_id').distinct().execute();
  return rows.map((r) => r.organization_id);
}

export async function listTrailHeadOrganizationIds(conn: Conn): Promise<string[]> {
  const rows = await conn.kysely.selectFrom('trail_heads').select('organization_id').orderBy('organization_id').execute();
  return rows.map((r) => r.organization_id);
}

/** Who (user id) did the first event of this action on an entity; null for system actors or none. */
export async function findFirstEventActorId(conn: Conn, organizationId: string, entityType: string, entityId: string, action: string): Promise<string | null> {
  const row = await conn.kysely
    .selectFrom('trail_events')
    .select('actor_id')
    .where('organization_id', '=', organizationId)
    .where('entity_type', '=', entityType)
    .where('entity_id', '=', entityId)
    .where('action', '=', action)
    .orderBy('seq')
    .limit(1)
    .executeTakeFirst();
  return row?.actor_id ?? null;
}
