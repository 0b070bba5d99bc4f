import type { Kysely } from 'kysely';

/**
 * The AI system inventory (ISO/IEC 42001 A.4, A.6, A.7, A.10): systems, models and their versions,
 * datasets and their versions, suppliers, EU AI Act classification records, the wave-ranking
 * settings and the review triggers other areas consume. Links between records are JSON id lists
 * on the record that owns them, so every change to a link is a change to a snapshotted record.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('ai_systems')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organization_id', 'text', (c) => c.notNull().references('organizations.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('purpose', 'text', (c) => c.notNull())
    .addColumn('intended_use', 'text')
    .addColumn('foreseeable_misuse', 'text')
    .addColumn('business_objectives', 'text')
    .addColumn('success_metrics_json', 'text', (c) => c.notNull())
    .addColumn('owner_user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('business_unit', 'text')
    .addColumn('regions_json', 'text', (c) => c.notNull())
    .addColumn('lifecycle_stage', 'text', (c) => c.notNull())
    .addColumn('stage_reason', 'text')
    .addColumn('stage_changed_at', 'text', (c) => c.notNull())
    .addColumn('organization_roles_json', 'text', (c) => c.notNull())
    .addColumn('stakeholders_json', 'text', (c) => c.notNull())
    .addColumn('decisions_and_outputs', 'text')
    .addColumn('autonomy_level', 'text', (c) => c.notNull())
    .addColumn('human_oversight', 'text', (c) => c.notNull())
    .addColumn('regulatory_exposure_json', 'text', (c) => c.notNull())
    .addColumn('aims_scope', 'text', (c) => c.notNull())
    .addColumn('impact_on_people', 'text')
    .addColumn('safety_impact', 'text')
    .addColumn('people_affected', 'integer')
    .addColumn('decisions_per_month', 'integer')
    .addColumn('model_ids_json', 'text', (c) => c.notNull())
    .addColumn('wave_override', 'integer')
    .addColumn('wave_override_reason', 'text')
    .addColumn('wave_override_by', 'text')
    .addColumn('wave_override_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('ai_systems_org_name_uq', ['organization_id', 'name'])
    .execute();
  await db.schema.createIndex('ai_systems_org_idx').on('ai_systems').columns(['organization_id', 'id']).execute();

  await db.schema
    .createTable('suppliers')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organization_id', 'text', (c) => c.notNull().references('organizations.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('contract_reference', 'text')
    .addColumn('components_json', 'text', (c) => c.notNull())
    .addColumn('system_ids_json', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('suppliers_org_name_uq', ['organization_id', 'name'])
    .execute();
  await db.schema.createIndex('suppliers_org_idx').on('suppliers').columns(['organization_id', 'id']).execute();

  await db.schema
    .createTable('models')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organization_id', 'text', (c) => c.notNull().references('organizations.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('description', 'text')
    .addColumn('supplier_id', 'text', (c) => c.references('suppliers.id'))
    .addColumn('task', 'text')
    .addColumn('approach', 'text')
    .addColumn('architecture_family', 'text')
    .addColumn('model_architecture', 'text')
    .addColumn('inputs_json', 'text', (c) => c.notNull())
    .addColumn('outputs_json', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('models_org_name_uq', ['organization_id', 'name'])
    .execute();
  await db.schema.createIndex('models_org_idx').on('models').columns(['organization_id', 'id']).execute();

  await db.schema
    .createTable('datasets')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organization_id', 'text', (c) => c.notNull().references('organizations.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('description', 'text')
    .addColumn('supplier_id', 'text', (c) => c.references('suppliers.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('datasets_org_name_uq', ['organization_id', 'name'])
    .execute();
  await db.schema.createIndex('datasets_org_idx').on('datasets').columns(['organization_id', 'id']).execute();

  await db.schema
    .createTable('dataset_versions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organization_id', 'text', (c) => c.notNull().references('organizations.id'))
    .addColumn('dataset_id', 'text', (c) => c.notNull().references('datasets.id'))
    .addColumn('version', 'text', (c) => c.notNull())
    .addColumn('parent_version_id', 'text', (c) => c.references('dataset_versions.id'))
    .addColumn('source', 'text')
    .addColumn('collection_method', 'text')
    .addColumn('licence', 'text')
    .addColumn('consent_basis', 'text')
    .addColumn('personal_data', 'text', (c) => c.notNull())
    .addColumn('preprocessing_json', 'text', (c) => c.notNull())
    .addColumn('representativeness_notes', 'text')
    .addColumn('quality_checks_json', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addUniqueConstraint('dataset_versions_uq', ['organization_id', 'dataset_id', 'version'])
    .execute();
  await db.schema.createIndex('dataset_versions_org_idx').on('dataset_versions').columns(['organization_id', 'dataset_id']).execute();

  await db.schema
    .createTable('model_versions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organization_id', 'text', (c) => c.notNull().references('organizations.id'))
    .addColumn('model_id', 'text', (c) => c.notNull().references('models.id'))
    .addColumn('version', 'text', (c) => c.notNull())
    .addColumn('artifact_digest', 'text')
    .addColumn('training_date', 'text')
    .addColumn('dataset_version_ids_json', 'text', (c) => c.notNull())
    .addColumn('hyperparameters_json', 'text', (c) => c.notNull())
    .addColumn('metrics_json', 'text', (c) => c.notNull())
    .addColumn('limitations_json', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addUniqueConstraint('model_versions_uq', ['organization_id', 'model_id', 'version'])
    .execute();
  await db.schema.createIndex('model_versions_org_idx').on('model_versions').columns(['organization_id', 'model_id']).execute();

  await db.schema
    .createTable('ai_system_classifications')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organization_id', 'text', (c) => c.notNull().references('organizations.id'))
    .addColumn('system_id', 'text', (c) => c.notNull().references('ai_systems.id'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('answers_json', 'text', (c) => c.notNull())
    .addColumn('result_json', 'text', (c) => c.notNull())
    .addColumn('rules_version', 'text', (c) => c.notNull())
    .addColumn('answered_by', 'text', (c) => c.notNull())
    .addColumn('answered_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('ai_system_classifications_uq', ['organization_id', 'system_id', 'version'])
    .execute();

  await db.schema
    .createTable('wave_ranking_settings')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organization_id', 'text', (c) => c.notNull().references('organizations.id'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('weights_json', 'text', (c) => c.notNull())
    .addColumn('wave1_threshold', 'integer', (c) => c.notNull())
    .addColumn('wave1_max_size', 'integer', (c) => c.notNull())
    .addColumn('reason', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addUniqueConstraint('wave_ranking_settings_uq', ['organization_id', 'version'])
    .execute();

  await db.schema
    .createTable('review_triggers')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organization_id', 'text', (c) => c.notNull().references('organizations.id'))
    .addColumn('source_type', 'text', (c) => c.notNull())
    .addColumn('source_id', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('system_ids_json', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('resolved_at', 'text')
    .execute();
  await db.schema.createIndex('review_triggers_org_idx').on('review_triggers').columns(['organization_id', 'id']).execute();
}
