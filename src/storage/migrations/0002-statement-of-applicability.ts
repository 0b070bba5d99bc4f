import type { Kysely } from 'kysely';

/**
 * The Statement of Applicability: the organization's live decision per Annex A control, the
 * versions it issues (frozen as a document), and approvers' acceptance of evidence per control.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('soa_controls')
    .addColumn('organization_id', 'text', (c) => c.notNull().references('organizations.id'))
    .addColumn('control_id', 'text', (c) => c.notNull())
    .addColumn('applicability', 'text', (c) => c.notNull())
    .addColumn('justification', 'text')
    .addColumn('owner_user_id', 'text', (c) => c.references('users.id'))
    .addColumn('implementation_plan', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('soa_controls_pk', ['organization_id', 'control_id'])
    .execute();

  await db.schema
    .createTable('soa_versions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organization_id', 'text', (c) => c.notNull().references('organizations.id'))
    .addColumn('number', 'integer', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('issued_at', 'text')
    .addColumn('issued_by', 'text')
    .addColumn('issued_by_user_id', 'text', (c) => c.references('users.id'))
    .addColumn('issue_note', 'text')
    .addColumn('document_json', 'text')
    .addColumn('document_sha256', 'text')
    .addUniqueConstraint('soa_versions_number_uq', ['organization_id', 'number'])
    .execute();

  await db.schema
    .createTable('soa_evidence_acceptances')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organization_id', 'text', (c) => c.notNull().references('organizations.id'))
    .addColumn('control_id', 'text', (c) => c.notNull())
    .addColumn('evidence_id', 'text', (c) => c.notNull().references('evidence_items.id'))
    .addColumn('accepted_at', 'text', (c) => c.notNull())
    .addColumn('accepted_by', 'text', (c) => c.notNull())
    .addColumn('accepted_by_user_id', 'text', (c) => c.references('users.id'))
    .addColumn('note', 'text')
    .addUniqueConstraint('soa_evidence_acceptances_uq', ['organization_id', 'control_id', 'evidence_id'])
    .execute();
}
