import { findAnnexAControl } from '../../domain/catalog/index.js';
import type { Conn } from '../database.js';

/**
 * Where each linkable entity type lives: its table and the column holding its id. Each feature
 * area that makes its entities linkable adds a line here. `organization` is the tenant itself.
 */
const ENTITY_TABLES = {
  user: { table: 'memberships', idColumn: 'user_id' },
  evidence: { table: 'evidence_items', idColumn: 'id' },
  ai_system: { table: 'ai_systems', idColumn: 'id' },
  model: { table: 'models', idColumn: 'id' },
  model_version: { table: 'model_versions', idColumn: 'id' },
  dataset: { table: 'datasets', idColumn: 'id' },
  dataset_version: { table: 'dataset_versions', idColumn: 'id' },
  supplier: { table: 'suppliers', idColumn: 'id' },
} as const;

/** Whether an entity of a linkable type exists in the organization. */
export async function entityExists(conn: Conn, organizationId: string, entityType: string, entityId: string): Promise<boolean> {
  if (entityType === 'organization') return entityId === organizationId;
  // Annex A controls come from the catalog; every organization has all 38 in its SoA.
  if (entityType === 'soa_control') return findAnnexAControl(entityId) !== undefined;
  const place = ENTITY_TABLES[entityType as keyof typeof ENTITY_TABLES];
  if (!place) return false;
  const row = await conn.kysely
    .selectFrom(place.table)
    .select(place.idColumn)
    .where('organization_id', '=', organizationId)
    .where(place.idColumn, '=', entityId)
    .executeTakeFirst();
  return row !== undefined;
}
