import { sql } from 'kysely';
import type { Conn } from '../database.js';
import type { Database } from '../schema.js';

export type BackupTable = Exclude<keyof Database, 'sessions'>;

/**
 * What a backup holds, parents before children, each with the key it is read in order of.
 * Sessions are left out on purpose: a restore logs everyone out rather than reviving cookies. So
 * is operational state (jobs, job runs, dead letters, rate-limit hits, pending SSO logins): it
 * describes the old installation's processes, not the management system.
 */
export const BACKUP_TABLES: ReadonlyArray<{ table: BackupTable; key: string[] }> = [
  { table: 'organizations', key: ['id'] },
  { table: 'users', key: ['id'] },
  { table: 'memberships', key: ['organization_id', 'user_id'] },
  { table: 'api_tokens', key: ['id'] },
  { table: 'trail_heads', key: ['organization_id'] },
  { table: 'trail_events', key: ['organization_id', 'seq'] },
  { table: 'evidence_items', key: ['id'] },
  { table: 'evidence_links', key: ['organization_id', 'evidence_id', 'entity_type', 'entity_id'] },
  { table: 'soa_controls', key: ['organization_id', 'control_id'] },
  { table: 'soa_versions', key: ['id'] },
  { table: 'soa_evidence_acceptances', key: ['id'] },
  { table: 'ai_systems', key: ['id'] },
  { table: 'suppliers', key: ['id'] },
  { table: 'models', key: ['id'] },
  { table: 'datasets', key: ['id'] },
  // Ids are time-ordered, so a parent version always comes before the versions derived from it.
  { table: 'dataset_versions', key: ['id'] },
  { table: 'model_versions', key: ['id'] },
  { table: 'ai_system_classifications', key: ['id'] },
  { table: 'wave_ranking_settings', key: ['id'] },
  { table: 'review_triggers', key: ['id'] },
  { table: 'soa_responsibilities', key: ['organization_id', 'control_id', 'supplier_id'] },
  { table: 'scoring_methods', key: ['id'] },
  { table: 'impact_assessments', key: ['id'] },
  { table: 'risks', key: ['id'] },
  { table: 'risk_controls', key: ['organization_id', 'risk_id', 'control_id'] },
  { table: 'risk_acceptances', key: ['id'] },
  { table: 'sso_settings', key: ['organization_id'] },
  { table: 'sso_identities', key: ['issuer', 'subject'] },
  { table: 'prediction_batches', key: ['id'] },
  { table: 'prediction_records', key: ['organization_id', 'system_id', 'prediction_id'] },
];

/** A page of a table's rows, in key order. Operator-only: reads every tenant. */
export async function readTablePage(conn: Conn, table: BackupTable, key: string[], offset: number, limit: number): Promise<Record<string, unknown>[]> {
  let query = conn.kysely.selectFrom(table).selectAll();
  for (const column of key) query = query.orderBy(sql.ref(column));
  return (await query.limit(limit).offset(offset).execute()) as Record<string, unknown>[];
}

export async function insertRows(conn: Conn, table: BackupTable, rows: Record<string, unknown>[]): Promise<void> {
  if (rows.length === 0) return;
  // The table's shape was checked against the manifest; Kysely cannot type a dynamic table name.
  await conn.kysely.insertInto(table).values(rows as never).execute();
}

export async function countRows(conn: Conn, table: keyof Database): Promise<number> {
  const row = await conn.kysely.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function listAppliedMigrations(conn: Conn): Promise<string[]> {
  const rows = await conn.kysely
    .selectFrom('kysely_migration' as never)
    .select(sql<string>`name`.as('name'))
    .orderBy(sql.ref('name'))
    .execute();
  return (rows as Array<{ name: string }>).map((r) => r.name);
}
