/**
 * Table types for Kysely. Timestamps are ISO-8601 text in both dialects (see docs/adr/0004), JSON
 * is text, and there are no booleans: a nullable timestamp says when a flag became true.
 */
export interface OrganizationsTable {
  id: string;
  name: string;
  name_key: string;
  created_at: string;
}

export interface UsersTable {
  id: string;
  email: string;
  display_name: string;
  password_hash: string;
  created_at: string;
}

export interface MembershipsTable {
  organization_id: string;
  user_id: string;
  role: string;
  access_expires_at: string | null;
  created_at: string;
}

export interface SessionsTable {
  token_hash: string;
  organization_id: string;
  user_id: string;
  csrf_token: string;
  created_at: string;
  expires_at: string;
}

export interface ApiTokensTable {
  id: string;
  organization_id: string;
  user_id: string;
  name: string;
  role: string;
  token_hash: string;
  prefix: string;
  created_at: string;
  expires_at: string | null;
  revoked_at: string | null;
  last_used_at: string | null;
}

export interface TrailHeadsTable {
  organization_id: string;
  seq: number;
  hash: string;
}

export interface TrailEventsTable {
  organization_id: string;
  seq: number;
  id: string;
  actor_type: string;
  actor_id: string | null;
  actor_label: string;
  action: string;
  entity_type: string;
  entity_id: string;
  before_json: string;
  after_json: string;
  at: string;
  prev_hash: string;
  hash: string;
}

export interface EvidenceItemsTable {
  id: string;
  organization_id: string;
  title: string;
  kind: string;
  description: string | null;
  valid_from: string | null;
  valid_until: string | null;
  owner_user_id: string | null;
  sha256: string;
  size_bytes: number;
  media_type: string;
  file_name: string;
  created_at: string;
  created_by: string;
}

export interface EvidenceLinksTable {
  organization_id: string;
  evidence_id: string;
  entity_type: string;
  entity_id: string;
  created_at: string;
  created_by: string;
}

export interface SoaControlsTable {
  organization_id: string;
  control_id: string;
  applicability: string;
  justification: string | null;
  owner_user_id: string | null;
  implementation_plan: string | null;
  updated_at: string;
  updated_by: string;
}

export interface SoaVersionsTable {
  id: string;
  organization_id: string;
  number: number;
  state: string;
  created_at: string;
  created_by: string;
  issued_at: string | null;
  issued_by: string | null;
  issued_by_user_id: string | null;
  issue_note: string | null;
  /** The SoA as issued (canonical JSON), frozen; null while a draft. */
  document_json: string | null;
  document_sha256: string | null;
}

export interface SoaEvidenceAcceptancesTable {
  id: string;
  organization_id: string;
  control_id: string;
  evidence_id: string;
  accepted_at: string;
  accepted_by: string;
  accepted_by_user_id: string | null;
  note: string | null;
}

export interface SoaResponsibilitiesTable {
  organization_id: string;
  control_id: string;
  supplier_id: string;
  /** ours | supplier | shared */
  holder: string;
  contract_reference: string | null;
  updated_at: string;
  updated_by: string;
}

export interface AiSystemsTable {
  id: string;
  organization_id: string;
  name: string;
  purpose: string;
  intended_use: string | null;
  foreseeable_misuse: string | null;
  business_objectives: string | null;
  success_metrics_json: string;
  owner_user_id: string;
  business_unit: string | null;
  regions_json: string;
  lifecycle_stage: string;
  stage_reason: string | null;
  stage_changed_at: string;
  organization_roles_json: string;
  stakeholders_json: string;
  decisions_and_outputs: string | null;
  autonomy_level: string;
  human_oversight: string;
  regulatory_exposure_json: string;
  /** 'in' or 'out' of the AIMS scope (ISO/IEC 42001 4.3). */
  aims_scope: string;
  impact_on_people: string | null;
  safety_impact: string | null;
  people_affected: number | null;
  decisions_per_month: number | null;
  model_ids_json: string;
  wave_override: number | null;
  wave_override_reason: string | null;
  wave_override_by: string | null;
  wave_override_at: string | null;
  created_at: string;
  created_by: string;
  updated_at: string;
}

export interface SuppliersTable {
  id: string;
  organization_id: string;
  name: string;
  kind: string;
  contract_reference: string | null;
  components_json: string;
  system_ids_json: string;
  created_at: string;
  created_by: string;
  updated_at: string;
}

export interface ModelsTable {
  id: string;
  organization_id: string;
  name: string;
  description: string | null;
  supplier_id: string | null;
  task: string | null;
  approach: string | null;
  architecture_family: string | null;
  model_architecture: string | null;
  inputs_json: string;
  outputs_json: string;
  created_at: string;
  created_by: string;
  updated_at: string;
}

export interface ModelVersionsTable {
  id: string;
  organization_id: string;
  model_id: string;
  version: string;
  artifact_digest: string | null;
  training_date: string | null;
  dataset_version_ids_json: string;
  hyperparameters_json: string;
  metrics_json: string;
  limitations_json: string;
  created_at: string;
  created_by: string;
}

export interface DatasetsTable {
  id: string;
  organization_id: string;
  name: string;
  description: string | null;
  supplier_id: string | null;
  created_at: string;
  created_by: string;
  updated_at: string;
}

export interface DatasetVersionsTable {
  id: string;
  organization_id: string;
  dataset_id: string;
  version: string;
  parent_version_id: string | null;
  source: string | null;
  collection_method: string | null;
  licence: string | null;
  consent_basis: string | null;
  /** 'yes' or 'no'. */
  personal_data: string;
  preprocessing_json: string;
  representativeness_notes: string | null;
  quality_checks_json: string;
  created_at: string;
  created_by: string;
}

export interface AiSystemClassificationsTable {
  id: string;
  organization_id: string;
  system_id: string;
  version: number;
  answers_json: string;
  result_json: string;
  rules_version: string;
  answered_by: string;
  answered_at: string;
}

export interface WaveRankingSettingsTable {
  id: string;
  organization_id: string;
  version: number;
  weights_json: string;
  wave1_threshold: number;
  wave1_max_size: number;
  reason: string | null;
  created_at: string;
  created_by: string;
}

export interface ReviewTriggersTable {
  id: string;
  organization_id: string;
  source_type: string;
  source_id: string;
  reason: string;
  system_ids_json: string;
  created_at: string;
  resolved_at: string | null;
}

export interface ScoringMethodsTable {
  id: string;
  organization_id: string;
  version: number;
  method_json: string;
  reason: string;
  created_at: string;
  created_by: string;
}

export interface ImpactAssessmentsTable {
  id: string;
  organization_id: string;
  system_id: string;
  version: number;
  /** draft | submitted | approved | changes_requested | superseded */
  state: string;
  content_json: string;
  created_at: string;
  created_by: string;
  created_by_user_id: string | null;
  updated_at: string;
  submitted_at: string | null;
  submitted_by: string | null;
  submitted_by_user_id: string | null;
  decided_at: string | null;
  decided_by: string | null;
  decided_by_user_id: string | null;
  decision_note: string | null;
  next_review_on: string | null;
}

export interface RisksTable {
  id: string;
  organization_id: string;
  system_id: string;
  title: string;
  description: string | null;
  source_type: string;
  source_ref: string | null;
  owner_user_id: string;
  likelihood: number;
  severity: number;
  stakeholder_impact: number;
  inherent_score: number;
  inherent_level: string;
  treatment: string | null;
  treatment_plan: string | null;
  residual_likelihood: number | null;
  residual_severity: number | null;
  residual_stakeholder_impact: number | null;
  residual_score: number | null;
  residual_level: string | null;
  method_version: number;
  assessed_at: string;
  next_review_on: string;
  closed_at: string | null;
  created_at: string;
  created_by: string;
  updated_at: string;
}

export interface RiskControlsTable {
  organization_id: string;
  risk_id: string;
  control_id: string;
}

export interface RiskAcceptancesTable {
  id: string;
  organization_id: string;
  risk_id: string;
  residual_level: string;
  justification: string;
  expires_on: string;
  accepted_at: string;
  accepted_by: string;
  accepted_by_user_id: string | null;
}

export interface Database {
  organizations: OrganizationsTable;
  users: UsersTable;
  memberships: MembershipsTable;
  sessions: SessionsTable;
  api_tokens: ApiTokensTable;
  trail_heads: TrailHeadsTable;
  trail_events: TrailEventsTable;
  evidence_items: EvidenceItemsTable;
  evidence_links: EvidenceLinksTable;
  soa_controls: SoaControlsTable;
  soa_versions: SoaVersionsTable;
  soa_evidence_acceptances: SoaEvidenceAcceptancesTable;
  ai_systems: AiSystemsTable;
  suppliers: SuppliersTable;
  models: ModelsTable;
  model_versions: ModelVersionsTable;
  datasets: DatasetsTable;
  dataset_versions: DatasetVersionsTable;
  ai_system_classifications: AiSystemClassificationsTable;
  wave_ranking_settings: WaveRankingSettingsTable;
  review_triggers: ReviewTriggersTable;
  soa_responsibilities: SoaResponsibilitiesTable;
  scoring_methods: ScoringMethodsTable;
  impact_assessments: ImpactAssessmentsTable;
  risks: RisksTable;
  risk_controls: RiskControlsTable;
  risk_acceptances: RiskAcceptancesTable;
  jobs: JobsTable;
  job_schedules: JobSchedulesTable;
  job_runs: JobRunsTable;
  job_dead_letters: JobDeadLettersTable;
  rate_limit_hits: RateLimitHitsTable;
  sso_settings: SsoSettingsTable;
  sso_identities: SsoIdentitiesTable;
  sso_login_requests: SsoLoginRequestsTable;
  prediction_batches: PredictionBatchesTable;
  prediction_records: PredictionRecordsTable;
}

/** The job queue on SQLite (PostgreSQL keeps its queue in pg-boss's schema). state: created, retry, active, completed, failed. */
export interface JobsTable {
  id: string;
  name: string;
  organization_id: string | null;
  payload_json: string;
  state: string;
  attempts: number;
  retry_limit: number;
  retry_delay_seconds: number;
  /** 'exponential' or 'fixed' (no booleans, ADR 0004). */
  retry_backoff: string;
  timeout_seconds: number;
  singleton_key: string | null;
  run_after: string;
  started_at: string | null;
  lease_expires_at: string | null;
  worker: string | null;
  last_error: string | null;
  created_at: string;
  finished_at: string | null;
}

export interface JobSchedulesTable {
  name: string;
  cron: string;
  next_run_at: string;
  updated_at: string;
}

/** One row per attempt of a job, on both backends. outcome: running, completed, failed, skipped. */
export interface JobRunsTable {
  id: string;
  job_id: string;
  name: string;
  organization_id: string | null;
  attempt: number;
  worker: string;
  started_at: string;
  finished_at: string | null;
  outcome: string;
  error: string | null;
  result_json: string | null;
  completed_job_id: string | null;
}

export interface JobDeadLettersTable {
  job_id: string;
  name: string;
  organization_id: string | null;
  payload_json: string;
  attempts: number;
  last_error: string;
  failed_at: string;
  retried_at: string | null;
  retried_as_job_id: string | null;
}

export interface RateLimitHitsTable {
  id: string;
  bucket: string;
  key_hash: string;
  at: string;
}

export interface SsoSettingsTable {
  organization_id: string;
  issuer: string;
  client_id: string;
  client_secret_enc: string | null;
  scopes: string;
  role_claim: string | null;
  role_map_json: string;
  default_role: string | null;
  enabled_at: string | null;
  local_login_disabled_at: string | null;
  updated_at: string;
  updated_by: string;
}

export interface SsoIdentitiesTable {
  issuer: string;
  subject: string;
  user_id: string;
  organization_id: string;
  created_at: string;
}

export interface SsoLoginRequestsTable {
  state_hash: string;
  organization_id: string;
  code_verifier: string;
  nonce: string;
  created_at: string;
  expires_at: string;
}

/** One ingested batch of prediction logs or labels; (organization, system, kind, batch_id) is unique so a resend is stored once. */
export interface PredictionBatchesTable {
  id: string;
  organization_id: string;
  system_id: string;
  kind: string;
  batch_id: string;
  format: string;
  sha256: string;
  size_bytes: number;
  row_count: number;
  labelled_count: number;
  first_timestamp: string | null;
  last_timestamp: string | null;
  created_at: string;
  created_by: string;
}

/** One logged prediction; the label arrives with it or later, joined by prediction id. */
export interface PredictionRecordsTable {
  organization_id: string;
  system_id: string;
  prediction_id: string;
  batch_id: string;
  predicted_at: string;
  model_version: string | null;
  prediction: string;
  features_json: string;
  sensitive_json: string;
  label: string | null;
  label_batch_id: string | null;
}
