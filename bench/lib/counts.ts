import { sql } from 'kysely';
import type { Db } from '../../src/storage/database.js';

/** Row counts that show the seeding went through the product (every change has its trail event). */
export async function countRows(db: Db): Promise<{ evidence: number; trailEvents: number }> {
  const count = async (table: 'evidence_items' | 'trail_events') => {
    const row = await db.kysely.selectFrom(table).select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow();
    return Number(row.n);
  };
  return { evidence: await count('evidence_items'), trailEvents: await count('trail_events') };
}
