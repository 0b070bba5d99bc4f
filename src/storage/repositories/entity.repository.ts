import type { Conn } from '../database.js';

/**
 * Whether an entity of a linkable type exists in the organization. Each feature area that makes
 * its entities linkable adds a line here, with the table that holds them.
 */
export async function entityExists(conn: Conn, organizationId: string, entityType: string, entityId: string): Promise<boolean> {
  switch (entityType) {
    case 'organization':
      return entityId === organizationId;
    case 'user': {
      const row = await conn.kysely
        .selectFrom('memberships')
        .select('user_id')
        .where('organization_id', '=', organizationId)
        .where('user_id', '=', entityId)
        .executeTakeFirst();
      return row !== undefined;
    }
    case 'evidence': {
      const row = await conn.kysely
        .selectFrom('evidence_items')
        .select('id')
        .where('organization_id', '=', organizationId)
        .where('id', '=', entityId)
        .executeTakeFirst();
      return row !== undefined;
    }
    default:
      return false;
  }
}
