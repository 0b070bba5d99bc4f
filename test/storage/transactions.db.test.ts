import { PGlite } from '@electric-sql/pglite';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendTrailEvent } from '../../src/app/trail/append-trail-event.js';
import { listTrailEvents } from '../../src/app/trail/list-trail-events.js';
import { verifyTrail } from '../../src/app/trail/verify-trail.js';
import { fromDialect } from '../../src/storage/database.js';
import { PGliteDialect } from '../../src/storage/pglite-dialect.js';
import { inTransaction } from '../../src/storage/transaction.js';
import { createHarness, createMember, createOrg, type Harness } from '../support/harness.js';
import { TEST_DIALECTS } from '../support/test-database.js';

describe('PGlite dialect', () => {
  it("keeps one transaction's committed row when a concurrent one rolls back", async () => {
    const pglite = await PGlite.create();
    const db = fromDialect(new PGliteDialect(pglite), 'postgres');
    try {
      await sql`create table t (v text)`.execute(db.kysely);
      const committing = db.kysely.transaction().execute(async (trx) => {
        await sql`insert into t values ('kept')`.execute(trx);
        await new Promise((r) => setTimeout(r, 20));
      });
      const rollingBack = db.kysely
        .transaction()
        .execute(async (trx) => {
          await sql`insert into t values ('discarded')`.execute(trx);
          throw new Error('roll back');
        })
        .catch((error: Error) => error.message);
      expect(await Promise.all([committing, rollingBack])).toEqual([undefined, 'roll back']);
      const rows = await sql<{ v: string }>`select v from t`.execute(db.kysely);
      expect(rows.rows).toEqual([{ v: 'kept' }]);
    } finally {
      await db.close();
      await pglite.close();
    }
  });
});

describe.each(TEST_DIALECTS)('transactions on %s', (dialect) => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness(dialect);
  });
  afterAll(() => h.dispose());

  it('keeps the chain linear when many changes to one organization run at once', async () => {
    const org = await createOrg(h);
    await Promise.all(Array.from({ length: 12 }, () => createMember(h, org, 'contributor')));
    const events = await listTrailEvents(h.deps, org.admin, { limit: 100 });
    expect(events.items.map((e) => e.seq)).toEqual(Array.from({ length: 14 }, (_, i) => 14 - i));
    expect((await verifyTrail(h.deps.db)).ok).toBe(true);
  });

  it('rolls back the change and its trail event together', async () => {
    const org = await createOrg(h);
    const before = await listTrailEvents(h.deps, org.admin, { limit: 100 });
    await expect(
      inTransaction(h.deps.db, async (tx) => {
        await tx.kysely.updateTable('organizations').set({ name: 'Renamed' }).where('id', '=', org.organizationId).execute();
        await appendTrailEvent(tx, h.deps, org.admin, { action: 'organization.renamed', entityType: 'organization', entityId: org.organizationId, before: null, after: { name: 'Renamed' } });
        throw new Error('crash before commit');
      }),
    ).rejects.toThrow('crash before commit');
    const row = await h.deps.db.kysely.selectFrom('organizations').select('name').where('id', '=', org.organizationId).executeTakeFirstOrThrow();
    expect(row.name).toBe(org.name);
    expect((await listTrailEvents(h.deps, org.admin, { limit: 100 })).items).toEqual(before.items);
  });

  it('turns a unique violation that slipped past the checks into a CONFLICT', async () => {
    const org = await createOrg(h);
    await expect(
      inTransaction(h.deps.db, async (tx) => {
        await tx.kysely.insertInto('organizations').values({ id: crypto.randomUUID(), name: 'x', name_key: org.name.toLowerCase(), created_at: new Date().toISOString() }).execute();
      }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
  });
});
