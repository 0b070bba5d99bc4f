import type { Conn } from '../database.js';
import type { ReviewTriggersTable, WaveRankingSettingsTable } from '../schema.js';

export async function insertWaveSettings(conn: Conn, row: WaveRankingSettingsTable): Promise<void> {
  await conn.kysely.insertInto('wave_ranking_settings').values(row).execute();
}

/** Every version of the organization's wave-ranking settings, newest first. */
export async function listWaveSettings(conn: Conn, organizationId: string): Promise<WaveRankingSettingsTable[]> {
  return conn.kysely.selectFrom('wave_ranking_settings').selectAll().where('organization_id', '=', organizationId).orderBy('version', 'desc').execute();
}

export async function insertReviewTrigger(conn: Conn, row: ReviewTriggersTable): Promise<void> {
  await conn.kysely.insertInto('review_triggers').values(row).execute();
}

/** Newest first; `beforeId` is the keyset cursor. */
export async function listReviewTriggers(conn: Conn, organizationId: string, filter: { open?: boolean | undefined }, beforeId: string | undefined, limit: number): Promise<ReviewTriggersTable[]> {
  let query = conn.kysely.selectFrom('review_triggers').selectAll().where('organization_id', '=', organizationId);
  if (filter.open === true) query = query.where('resolved_at', 'is', null);
  if (filter.open === false) query = query.where('resolved_at', 'is not', null);
  if (beforeId) query = query.where('id', '<', beforeId);
  return query.orderBy('id', 'desc').limit(limit).execute();
}
