import type { Kysely } from 'kysely';

/** Shared-responsibility matrix: per Annex A control and supplier, who holds the control. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('soa_responsibilities')
    .addColumn('organization_id', 'text', (c) => c.notNull().references('organizations.id'))
    .addColumn('control_id', 'text', (c) => c.notNull())
    .addColumn('supplier_id', 'text', (c) => c.notNull().references('suppliers.id'))
    .addColumn('holder', 'text', (c) => c.notNull())
    .addColumn('contract_reference', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('soa_responsibilities_pk', ['organization_id', 'control_id', 'supplier_id'])
    .execute();
}
