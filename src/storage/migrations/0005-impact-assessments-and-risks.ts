import type { Kysely } from 'kysely';

/**
 * AI system impact assessments (6.1.4, 8.4), the organization's versioned scoring method, and the
 * AI risk register with its control links (6.1.2, 6.1.3) and signed residual-risk acceptances.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('scoring_methods')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organization_id', 'text', (c) => c.notNull().references('organizations.id'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('method_json', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addUniqueConstraint('scoring_methods_version_uq', ['organization_id', 'version'])
    .execute();

  await db.schema
    .createTable('impact_assessments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organization_id', 'text', (c) => c.notNull().references('organizations.id'))
    .addColumn('system_id', 'text', (c) => c.notNull().references('ai_systems.id'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('content_json', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_by_user_id', 'text', (c) => c.references('users.id'))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('submitted_at', 'text')
    .addColumn('submitted_by', 'text')
    .addColumn('submitted_by_user_id', 'text', (c) => c.references('users.id'))
    .addColumn('decided_at', 'text')
    .addColumn('decided_by', 'text')
    .addColumn('decided_by_user_id', 'text', (c) => c.references('users.id'))
    .addColumn('decision_note', 'text')
    .addColumn('next_review_on', 'text')
    .addUniqueConstraint('impact_assessments_version_uq', ['organization_id', 'system_id', 'version'])
    .execute();

  await db.schema
    .createTable('risks')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organization_id', 'text', (c) => c.notNull().references('organizations.id'))
    .addColumn('system_id', 'text', (c) => c.notNull().references('ai_systems.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text')
    .addColumn('source_type', 'text', (c) => c.notNull())
    .addColumn('source_ref', 'text')
    .addColumn('owner_user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('likelihood', 'integer', (c) => c.notNull())
    .addColumn('severity', 'integer', (c) => c.notNull())
    .addColumn('stakeholder_impact', 'integer', (c) => c.notNull())
    .addColumn('inherent_score', 'integer', (c) => c.notNull())
    .addColumn('inherent_level', 'text', (c) => c.notNull())
    .addColumn('treatment', 'text')
    .addColumn('treatment_plan', 'text')
    .addColumn('residual_likelihood', 'integer')
    .addColumn('residual_severity', 'integer')
    .addColumn('residual_stakeholder_impact', 'integer')
    .addColumn('residual_score', 'integer')
    .addColumn('residual_level', 'text')
    .addColumn('method_version', 'integer', (c) => c.notNull())
    .addColumn('assessed_at', 'text', (c) => c.notNull())
    .addColumn('next_review_on', 'text', (c) => c.notNull())
    .addColumn('closed_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('risks_system_idx').on('risks').columns(['organization_id', 'system_id']).execute();

  await db.schema
    .createTable('risk_controls')
    .addColumn('organization_id', 'text', (c) => c.notNull().references('organizations.id'))
    .addColumn('risk_id', 'text', (c) => c.notNull().references('risks.id'))
    .addColumn('control_id', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('risk_controls_pk', ['organization_id', 'risk_id', 'control_id'])
    .execute();
  await db.schema.createIndex('risk_controls_control_idx').on('risk_controls').columns(['organization_id', 'control_id']).execute();

  await db.schema
    .createTable('risk_acceptances')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organization_id', 'text', (c) => c.notNull().references('organizations.id'))
    .addColumn('risk_id', 'text', (c) => c.notNull().references('risks.id'))
    .addColumn('residual_level', 'text', (c) => c.notNull())
    .addColumn('justification', 'text', (c) => c.notNull())
    .addColumn('expires_on', 'text', (c) => c.notNull())
    .addColumn('accepted_at', 'text', (c) => c.notNull())
    .addColumn('accepted_by', 'text', (c) => c.notNull())
    .addColumn('accepted_by_user_id', 'text', (c) => c.references('users.id'))
    .execute();
}
