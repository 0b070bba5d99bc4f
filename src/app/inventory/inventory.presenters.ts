import type {
  DatasetOutput,
  DatasetVersionOutput,
  ModelOutput,
  ModelVersionOutput,
  ReviewTriggerOutput,
  SupplierOutput,
  SystemOutput,
  WaveSettingsOutput,
} from '../../contracts/inventory.contracts.js';
import { DEFAULT_WAVE_SETTINGS } from '../../domain/inventory/wave-ranking.js';
import type { ClassificationRecordOutput } from '../../contracts/classification.contracts.js';
import type {
  AiSystemClassificationsTable,
  AiSystemsTable,
  DatasetVersionsTable,
  DatasetsTable,
  ModelVersionsTable,
  ModelsTable,
  ReviewTriggersTable,
  SuppliersTable,
  WaveRankingSettingsTable,
} from '../../storage/schema.js';

/** JSON columns are written only by these use cases, so their shape is known. */
export function fromJson<T>(text: string): T {
  return JSON.parse(text) as T;
}

const num = (n: number | null): number | null => (n === null ? null : Number(n));

/** The system record as the API and the trail show it (without derived classification and ranking). */
export function presentSystem(row: AiSystemsTable): SystemOutput {
  return {
    id: row.id,
    name: row.name,
    purpose: row.purpose,
    intendedUse: row.intended_use,
    foreseeableMisuse: row.foreseeable_misuse,
    businessObjectives: row.business_objectives,
    successMetrics: fromJson(row.success_metrics_json),
    ownerUserId: row.owner_user_id,
    businessUnit: row.business_unit,
    regions: fromJson(row.regions_json),
    lifecycleStage: row.lifecycle_stage as SystemOutput['lifecycleStage'],
    stageReason: row.stage_reason,
    stageChangedAt: row.stage_changed_at,
    organizationRoles: fromJson(row.organization_roles_json),
    affectedStakeholders: fromJson(row.stakeholders_json),
    decisionsAndOutputs: row.decisions_and_outputs,
    autonomyLevel: row.autonomy_level as SystemOutput['autonomyLevel'],
    humanOversight: row.human_oversight as SystemOutput['humanOversight'],
    regulatoryExposure: fromJson(row.regulatory_exposure_json),
    inAimsScope: row.aims_scope === 'in',
    impactOnPeople: row.impact_on_people as SystemOutput['impactOnPeople'],
    safetyImpact: row.safety_impact as SystemOutput['safetyImpact'],
    peopleAffected: num(row.people_affected),
    decisionsPerMonth: num(row.decisions_per_month),
    modelIds: fromJson(row.model_ids_json),
    waveOverride:
      row.wave_override_reason === null
        ? null
        : { wave: row.wave_override === null ? null : Number(row.wave_override), reason: row.wave_override_reason, by: row.wave_override_by ?? '', at: row.wave_override_at ?? row.updated_at },
    createdAt: row.created_at,
    createdBy: row.created_by,
    updatedAt: row.updated_at,
  };
}

export function presentSupplier(row: SuppliersTable): SupplierOutput {
  return {
    id: row.id,
    name: row.name,
    kind: row.kind as SupplierOutput['kind'],
    contractReference: row.contract_reference,
    components: fromJson(row.components_json),
    systemIds: fromJson(row.system_ids_json),
    createdAt: row.created_at,
    createdBy: row.created_by,
    updatedAt: row.updated_at,
  };
}

export function presentModel(row: ModelsTable): ModelOutput {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    supplierId: row.supplier_id,
    task: row.task,
    approach: row.approach as ModelOutput['approach'],
    architectureFamily: row.architecture_family,
    modelArchitecture: row.model_architecture,
    inputs: fromJson(row.inputs_json),
    outputs: fromJson(row.outputs_json),
    createdAt: row.created_at,
    createdBy: row.created_by,
    updatedAt: row.updated_at,
  };
}

export function presentModelVersion(row: ModelVersionsTable): ModelVersionOutput {
  return {
    id: row.id,
    modelId: row.model_id,
    version: row.version,
    artifactDigest: row.artifact_digest,
    trainingDate: row.training_date,
    datasetVersionIds: fromJson(row.dataset_version_ids_json),
    hyperparameters: fromJson(row.hyperparameters_json),
    metrics: fromJson(row.metrics_json),
    limitations: fromJson(row.limitations_json),
    createdAt: row.created_at,
    createdBy: row.created_by,
  };
}

export function presentDataset(row: DatasetsTable): DatasetOutput {
  return { id: row.id, name: row.name, description: row.description, supplierId: row.supplier_id, createdAt: row.created_at, createdBy: row.created_by, updatedAt: row.updated_at };
}

export function presentDatasetVersion(row: DatasetVersionsTable): DatasetVersionOutput {
  return {
    id: row.id,
    datasetId: row.dataset_id,
    version: row.version,
    parentVersionId: row.parent_version_id,
    source: row.source,
    collectionMethod: row.collection_method,
    licence: row.licence,
    consentBasis: row.consent_basis,
    containsPersonalData: row.personal_data === 'yes',
    preprocessingSteps: fromJson(row.preprocessing_json),
    representativenessNotes: row.representativeness_notes,
    qualityChecks: fromJson(row.quality_checks_json),
    createdAt: row.created_at,
    createdBy: row.created_by,
  };
}

export function presentReviewTrigger(row: ReviewTriggersTable): ReviewTriggerOutput {
  return {
    id: row.id,
    sourceType: row.source_type,
    sourceId: row.source_id,
    reason: row.reason,
    systemIds: fromJson(row.system_ids_json),
    createdAt: row.created_at,
    resolvedAt: row.resolved_at,
  };
}

/** A stored settings version, or the built-in defaults as version 0. */
export function presentWaveSettings(row: WaveRankingSettingsTable | undefined): WaveSettingsOutput {
  if (!row) return { version: 0, ...DEFAULT_WAVE_SETTINGS, weights: { ...DEFAULT_WAVE_SETTINGS.weights }, reason: null, createdAt: null, createdBy: null };
  return {
    version: Number(row.version),
    weights: fromJson(row.weights_json),
    wave1Threshold: Number(row.wave1_threshold),
    wave1MaxSize: Number(row.wave1_max_size),
    reason: row.reason,
    createdAt: row.created_at,
    createdBy: row.created_by,
  };
}

export function presentClassification(row: AiSystemClassificationsTable): ClassificationRecordOutput {
  return {
    id: row.id,
    systemId: row.system_id,
    version: Number(row.version),
    answers: fromJson(row.answers_json),
    result: fromJson(row.result_json),
    rulesVersion: row.rules_version,
    answeredBy: row.answered_by,
    answeredAt: row.answered_at,
  };
}
