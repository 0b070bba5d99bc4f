import { z } from 'zod';
import {
  AUTONOMY_LEVELS,
  COMPONENT_TYPES,
  HUMAN_OVERSIGHT_MODES,
  IMPACT_LEVELS,
  LIFECYCLE_STAGES,
  METRIC_KINDS,
  MODEL_APPROACHES,
  ORGANIZATION_ROLES,
  QUALITY_RESULTS,
  SUPPLIER_KINDS,
} from '../domain/inventory/inventory-terms.js';
import { DateSchema, IdSchema, PageQuerySchema, TimestampSchema, nameSchema, TEXT_ERROR } from './common.contracts.js';

function oneOf<T extends readonly [string, ...string[]]>(values: T) {
  return z.enum(values, { error: `must be one of: ${values.join(', ')}` });
}

/** Free text of a bounded length, trimmed; empty text counts as absent. */
function text(max: number) {
  return z
    .string(TEXT_ERROR)
    .trim()
    .max(max, { error: `must be at most ${max} characters` });
}

/** A list of short texts, bounded in count and length. */
function textList(maxItems: number, maxLength = 300) {
  return z.array(nameSchema(maxLength), { error: 'must be a list of texts' }).max(maxItems, { error: `must have at most ${maxItems} entries` });
}

function uniqueIds(maxItems: number) {
  return z
    .array(IdSchema, { error: 'must be a list of ids' })
    .max(maxItems, { error: `must have at most ${maxItems} entries` })
    .refine((ids) => new Set(ids).size === ids.length, { error: 'must not name the same id twice' });
}

// Stored as 32-bit integers on PostgreSQL.
const count = z.number({ error: 'must be a number' }).int({ error: 'must be a whole number' }).min(0, { error: 'must be 0 or more' }).max(2_000_000_000, { error: 'must be at most 2000000000' });

export const LifecycleStageSchema = oneOf(LIFECYCLE_STAGES).meta({ description: 'planning → design → development → validation → deployed → retired' });
export const ImpactLevelSchema = oneOf(IMPACT_LEVELS);

// ---------------------------------------------------------------- AI systems

const SystemFields = z.strictObject({
  name: nameSchema(200),
  purpose: text(4000).min(1, { error: 'must not be empty' }),
  intendedUse: text(4000).nullable(),
  foreseeableMisuse: text(4000).nullable().meta({ description: 'Reasonably foreseeable misuse (EU AI Act Art. 3(13)); the model card\'s out-of-scope use' }),
  businessObjectives: text(4000).nullable(),
  successMetrics: textList(30),
  ownerUserId: IdSchema.meta({ description: 'A member of the organization; defaults to the caller' }),
  businessUnit: text(200).nullable(),
  regions: textList(50, 100).meta({ description: 'Where the system is used or placed on the market, e.g. EU, DE, US-CA' }),
  organizationRoles: z
    .array(oneOf(ORGANIZATION_ROLES), { error: 'must be a list of roles' })
    .min(1, { error: 'must name at least one role' })
    .max(4)
    .refine((r) => new Set(r).size === r.length, { error: 'must not name a role twice' })
    .meta({ description: 'The organization\'s roles for this system: developer, provider, deployer, user' }),
  affectedStakeholders: textList(50),
  decisionsAndOutputs: text(4000).nullable(),
  autonomyLevel: oneOf(AUTONOMY_LEVELS),
  humanOversight: oneOf(HUMAN_OVERSIGHT_MODES).meta({ description: 'EU AI Act Art. 14' }),
  regulatoryExposure: textList(30).meta({ description: 'Regimes the system is exposed to, e.g. EU AI Act, GDPR, consumer credit law' }),
  inAimsScope: z.boolean({ error: 'must be true or false' }),
  impactOnPeople: ImpactLevelSchema.nullable().meta({ description: 'Impact on people (rights, livelihood); null until assessed' }),
  safetyImpact: ImpactLevelSchema.nullable().meta({ description: 'Impact on health and safety; null until assessed' }),
  peopleAffected: count.nullable().meta({ description: 'People affected per year, roughly' }),
  decisionsPerMonth: count.nullable(),
  modelIds: uniqueIds(50).meta({ description: 'Models of the inventory this system uses' }),
});

export const RegisterSystemInputSchema = SystemFields.partial().required({ name: true, purpose: true, organizationRoles: true }).extend({
  lifecycleStage: LifecycleStageSchema.optional().meta({ description: 'Stage when it enters the inventory; default planning. Later moves go through /stage' }),
});
export type RegisterSystemInput = z.infer<typeof RegisterSystemInputSchema>;

export const ChangeSystemInputSchema = SystemFields.partial().refine((v) => Object.keys(v).length > 0, { path: ['(body)'], error: 'give at least one field to change' });
export type ChangeSystemInput = z.infer<typeof ChangeSystemInputSchema>;

export const MoveStageInputSchema = z.strictObject({
  stage: LifecycleStageSchema,
  reason: text(2000).optional().meta({ description: 'Required to move back, or to retire a system that is not deployed' }),
});
export type MoveStageInput = z.infer<typeof MoveStageInputSchema>;

export const WaveOverrideSchema = z
  .object({ wave: z.number().int().nullable().meta({ description: 'null: returned to the proposal' }), reason: z.string(), by: z.string(), at: TimestampSchema })
  .meta({ id: 'WaveOverride', description: 'The last decision to override the wave proposal, with its reason' });

export const SystemSchema = z
  .object({
    id: IdSchema,
    name: z.string(),
    purpose: z.string(),
    intendedUse: z.string().nullable(),
    foreseeableMisuse: z.string().nullable(),
    businessObjectives: z.string().nullable(),
    successMetrics: z.array(z.string()),
    ownerUserId: IdSchema,
    businessUnit: z.string().nullable(),
    regions: z.array(z.string()),
    lifecycleStage: LifecycleStageSchema,
    stageReason: z.string().nullable(),
    stageChangedAt: TimestampSchema,
    organizationRoles: z.array(oneOf(ORGANIZATION_ROLES)),
    affectedStakeholders: z.array(z.string()),
    decisionsAndOutputs: z.string().nullable(),
    autonomyLevel: oneOf(AUTONOMY_LEVELS),
    humanOversight: oneOf(HUMAN_OVERSIGHT_MODES),
    regulatoryExposure: z.array(z.string()),
    inAimsScope: z.boolean(),
    impactOnPeople: ImpactLevelSchema.nullable(),
    safetyImpact: ImpactLevelSchema.nullable(),
    peopleAffected: z.number().nullable(),
    decisionsPerMonth: z.number().nullable(),
    modelIds: z.array(IdSchema),
    waveOverride: WaveOverrideSchema.nullable(),
    createdAt: TimestampSchema,
    createdBy: z.string(),
    updatedAt: TimestampSchema,
  })
  .meta({ id: 'AiSystem' });
export type SystemOutput = z.infer<typeof SystemSchema>;

export const RankingFactorSchema = z.object({
  factor: z.string(),
  weight: z.number(),
  value: z.number().meta({ description: '0..1' }),
  basis: z.string().meta({ description: 'What the value was derived from' }),
});

export const SystemRankingSchema = z
  .object({
    score: z.number().meta({ description: '0..100, higher is certified earlier' }),
    factors: z.array(RankingFactorSchema),
    proposedWave: z.number().int().meta({ description: '1 when the method proposes it for the first certification wave, else 2' }),
    wave: z.number().int().meta({ description: 'The override when there is one, else the proposed wave' }),
    settingsVersion: z.number().int(),
  })
  .meta({ id: 'SystemRanking' });
export type SystemRankingOutput = z.infer<typeof SystemRankingSchema>;

export const ClassificationSummarySchema = z
  .object({
    version: z.number().int(),
    tier: z.string(),
    annexIIIPoints: z.array(z.string()),
    annexI: z.boolean(),
    gpai: z.string(),
    complete: z.boolean(),
    answeredBy: z.string(),
    answeredAt: TimestampSchema,
  })
  .meta({ id: 'ClassificationSummary' });

export const SystemDetailSchema = SystemSchema.extend({
  classification: ClassificationSummarySchema.nullable().meta({ description: 'The current (latest) EU AI Act screening, or null' }),
  ranking: SystemRankingSchema,
}).meta({ id: 'AiSystemDetail' });
export type SystemDetailOutput = z.infer<typeof SystemDetailSchema>;

export const SystemListQuerySchema = PageQuerySchema.extend({
  stage: LifecycleStageSchema.optional(),
  wave: z.coerce.number({ error: 'must be a number' }).int().min(1).max(9).optional().meta({ description: 'Only systems in this wave' }),
  tier: z.string().max(40).optional().meta({ description: "Only systems whose latest EU AI Act screening has this tier (e.g. high-risk), or 'unscreened'" }),
  ownerUserId: IdSchema.optional().meta({ description: 'Only systems owned by this member' }),
});
export type SystemListQuery = z.infer<typeof SystemListQuerySchema>;

// ---------------------------------------------------------------- ranking

export const RANKING_FACTORS = ['impactOnPeople', 'safety', 'complianceExposure', 'scale', 'autonomy'] as const;

const weight = z.number({ error: 'must be a number' }).min(0, { error: 'must be 0 or more' }).max(10, { error: 'must be at most 10' });

export const WaveSettingsInputSchema = z.strictObject({
  weights: z.strictObject({ impactOnPeople: weight, safety: weight, complianceExposure: weight, scale: weight, autonomy: weight }).refine((w) => Object.values(w).some((v) => v > 0), { error: 'at least one weight must be above 0' }),
  wave1Threshold: z.number({ error: 'must be a number' }).int().min(0, { error: 'must be 0 to 100' }).max(100, { error: 'must be 0 to 100' }).meta({ description: 'Minimum score for the wave-1 proposal' }),
  wave1MaxSize: z.number({ error: 'must be a number' }).int().min(1, { error: 'must be at least 1' }).max(500, { error: 'must be at most 500' }),
  reason: text(2000).optional(),
});
export type WaveSettingsInput = z.infer<typeof WaveSettingsInputSchema>;

export const WaveSettingsSchema = z
  .object({
    version: z.number().int().meta({ description: '0 for the built-in defaults' }),
    weights: z.object({ impactOnPeople: z.number(), safety: z.number(), complianceExposure: z.number(), scale: z.number(), autonomy: z.number() }),
    wave1Threshold: z.number(),
    wave1MaxSize: z.number(),
    reason: z.string().nullable(),
    createdAt: TimestampSchema.nullable(),
    createdBy: z.string().nullable(),
  })
  .meta({ id: 'WaveSettings' });
export type WaveSettingsOutput = z.infer<typeof WaveSettingsSchema>;

export const WaveOverrideInputSchema = z.strictObject({
  wave: z.number({ error: 'must be a number or null' }).int({ error: 'must be a whole number' }).min(1, { error: 'must be 1 to 9' }).max(9, { error: 'must be 1 to 9' }).nullable().meta({ description: 'The wave to put the system in; null to return to the proposal' }),
  reason: text(2000).min(1, { error: 'is required: say why the proposal is overridden' }),
});
export type WaveOverrideInput = z.infer<typeof WaveOverrideInputSchema>;

export const WaveProposalSchema = z
  .object({
    settings: WaveSettingsSchema,
    wave1: z.array(z.object({ systemId: IdSchema, name: z.string(), score: z.number(), overridden: z.boolean() })),
    ranked: z.array(z.object({ systemId: IdSchema, name: z.string(), score: z.number(), proposedWave: z.number(), wave: z.number() })),
  })
  .meta({ id: 'WaveProposal' });
export type WaveProposalOutput = z.infer<typeof WaveProposalSchema>;

// ---------------------------------------------------------------- suppliers

export const SupplierComponentSchema = z.strictObject({
  name: nameSchema(200),
  type: oneOf(COMPONENT_TYPES),
  version: text(100).optional(),
  description: text(1000).optional(),
});

const SupplierFields = z.strictObject({
  name: nameSchema(200),
  kind: oneOf(SUPPLIER_KINDS),
  contractReference: text(300).nullable(),
  components: z.array(SupplierComponentSchema, { error: 'must be a list of components' }).max(100, { error: 'must have at most 100 entries' }),
  systemIds: uniqueIds(200).meta({ description: 'Systems of the inventory that use what this supplier provides' }),
});
export const RegisterSupplierInputSchema = SupplierFields.partial().required({ name: true, kind: true });
export type RegisterSupplierInput = z.infer<typeof RegisterSupplierInputSchema>;
export const ChangeSupplierInputSchema = SupplierFields.partial().refine((v) => Object.keys(v).length > 0, { path: ['(body)'], error: 'give at least one field to change' });
export type ChangeSupplierInput = z.infer<typeof ChangeSupplierInputSchema>;

export const SupplierSchema = z
  .object({
    id: IdSchema,
    name: z.string(),
    kind: oneOf(SUPPLIER_KINDS),
    contractReference: z.string().nullable(),
    components: z.array(z.object({ name: z.string(), type: oneOf(COMPONENT_TYPES), version: z.string().optional(), description: z.string().optional() })),
    systemIds: z.array(IdSchema),
    createdAt: TimestampSchema,
    createdBy: z.string(),
    updatedAt: TimestampSchema,
  })
  .meta({ id: 'Supplier' });
export type SupplierOutput = z.infer<typeof SupplierSchema>;

// ---------------------------------------------------------------- models

const ModelFields = z.strictObject({
  name: nameSchema(200),
  description: text(4000).nullable(),
  supplierId: IdSchema.nullable().meta({ description: 'The supplier when the model comes from a third party' }),
  task: text(200).nullable().meta({ description: 'e.g. classification, regression, text generation' }),
  approach: oneOf(MODEL_APPROACHES).nullable(),
  architectureFamily: text(200).nullable().meta({ description: 'e.g. gradient boosted trees, transformer' }),
  modelArchitecture: text(200).nullable().meta({ description: 'e.g. XGBoost, Llama-3-8B' }),
  inputs: textList(20, 100).meta({ description: 'Input formats, e.g. tabular, text, image' }),
  outputs: textList(20, 100),
});
export const RegisterModelInputSchema = ModelFields.partial().required({ name: true });
export type RegisterModelInput = z.infer<typeof RegisterModelInputSchema>;
export const ChangeModelInputSchema = ModelFields.partial().refine((v) => Object.keys(v).length > 0, { path: ['(body)'], error: 'give at least one field to change' });
export type ChangeModelInput = z.infer<typeof ChangeModelInputSchema>;

export const ModelSchema = z
  .object({
    id: IdSchema,
    name: z.string(),
    description: z.string().nullable(),
    supplierId: IdSchema.nullable(),
    task: z.string().nullable(),
    approach: oneOf(MODEL_APPROACHES).nullable(),
    architectureFamily: z.string().nullable(),
    modelArchitecture: z.string().nullable(),
    inputs: z.array(z.string()),
    outputs: z.array(z.string()),
    createdAt: TimestampSchema,
    createdBy: z.string(),
    updatedAt: TimestampSchema,
  })
  .meta({ id: 'Model' });
export type ModelOutput = z.infer<typeof ModelSchema>;

const MetricSchema = z.strictObject({
  name: nameSchema(100).meta({ description: 'e.g. AUC, accuracy, demographic parity difference' }),
  kind: oneOf(METRIC_KINDS),
  value: z.number({ error: 'must be a number' }).finite({ error: 'must be a finite number' }),
  slice: text(200).optional().meta({ description: 'The population or group the value is for, e.g. age>=65' }),
  lowerBound: z.number().finite().optional(),
  upperBound: z.number().finite().optional(),
});

const HyperparameterValue = z.union([z.string().max(500, { error: 'must be at most 500 characters' }), z.number().finite(), z.boolean()], { error: 'must be text, a number or true/false' });

export const AddModelVersionInputSchema = z.strictObject({
  version: nameSchema(60),
  artifactDigest: z
    .string(TEXT_ERROR)
    .regex(/^(sha256:[0-9a-f]{64}|sha384:[0-9a-f]{96}|sha512:[0-9a-f]{128})$/, { error: 'must be sha256:, sha384: or sha512: followed by the lowercase hex digest' })
    .optional(),
  trainingDate: DateSchema.optional(),
  datasetVersionIds: uniqueIds(100).optional().meta({ description: 'Dataset versions it was trained on' }),
  hyperparameters: z
    .record(z.string().min(1).max(100), HyperparameterValue, { error: 'must be an object of name: value' })
    .refine((h) => Object.keys(h).length <= 100, { error: 'must have at most 100 entries' })
    .optional(),
  metrics: z.array(MetricSchema, { error: 'must be a list of metrics' }).max(200, { error: 'must have at most 200 entries' }).optional().meta({ description: 'Evaluation (performance) and fairness results' }),
  limitations: textList(50, 1000).optional(),
});
export type AddModelVersionInput = z.infer<typeof AddModelVersionInputSchema>;

export const ModelVersionSchema = z
  .object({
    id: IdSchema,
    modelId: IdSchema,
    version: z.string(),
    artifactDigest: z.string().nullable(),
    trainingDate: DateSchema.nullable(),
    datasetVersionIds: z.array(IdSchema),
    hyperparameters: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])),
    metrics: z.array(z.object({ name: z.string(), kind: oneOf(METRIC_KINDS), value: z.number(), slice: z.string().optional(), lowerBound: z.number().optional(), upperBound: z.number().optional() })),
    limitations: z.array(z.string()),
    createdAt: TimestampSchema,
    createdBy: z.string(),
  })
  .meta({ id: 'ModelVersion' });
export type ModelVersionOutput = z.infer<typeof ModelVersionSchema>;

export const ModelDetailSchema = ModelSchema.extend({ versions: z.array(ModelVersionSchema), systemIds: z.array(IdSchema) }).meta({ id: 'ModelDetail' });

// ---------------------------------------------------------------- datasets

const DatasetFields = z.strictObject({
  name: nameSchema(200),
  description: text(4000).nullable(),
  supplierId: IdSchema.nullable().meta({ description: 'The data vendor, when bought or licensed' }),
});
export const RegisterDatasetInputSchema = DatasetFields.partial().required({ name: true });
export type RegisterDatasetInput = z.infer<typeof RegisterDatasetInputSchema>;
export const ChangeDatasetInputSchema = DatasetFields.partial().refine((v) => Object.keys(v).length > 0, { path: ['(body)'], error: 'give at least one field to change' });
export type ChangeDatasetInput = z.infer<typeof ChangeDatasetInputSchema>;

export const DatasetSchema = z
  .object({ id: IdSchema, name: z.string(), description: z.string().nullable(), supplierId: IdSchema.nullable(), createdAt: TimestampSchema, createdBy: z.string(), updatedAt: TimestampSchema })
  .meta({ id: 'Dataset' });
export type DatasetOutput = z.infer<typeof DatasetSchema>;

const QualityCheckSchema = z.strictObject({
  name: nameSchema(200),
  result: oneOf(QUALITY_RESULTS),
  details: text(2000).optional(),
  checkedOn: DateSchema.optional(),
});

/** Provenance of one version of a dataset (ISO/IEC 42001 A.7.3–A.7.6). */
export const AddDatasetVersionInputSchema = z.strictObject({
  version: nameSchema(60),
  parentVersionId: IdSchema.optional().meta({ description: 'The version of the same dataset this one was derived from' }),
  source: text(1000).optional(),
  collectionMethod: text(1000).optional(),
  licence: text(300).optional(),
  consentBasis: text(500).optional().meta({ description: 'Legal basis or consent for using the data, e.g. GDPR Art. 6(1)(b)' }),
  containsPersonalData: z.boolean({ error: 'must be true or false' }),
  preprocessingSteps: textList(50, 1000).optional(),
  representativenessNotes: text(4000).optional(),
  qualityChecks: z.array(QualityCheckSchema, { error: 'must be a list of checks' }).max(100, { error: 'must have at most 100 entries' }).optional(),
});
export type AddDatasetVersionInput = z.infer<typeof AddDatasetVersionInputSchema>;

export const DatasetVersionSchema = z
  .object({
    id: IdSchema,
    datasetId: IdSchema,
    version: z.string(),
    parentVersionId: IdSchema.nullable(),
    source: z.string().nullable(),
    collectionMethod: z.string().nullable(),
    licence: z.string().nullable(),
    consentBasis: z.string().nullable(),
    containsPersonalData: z.boolean(),
    preprocessingSteps: z.array(z.string()),
    representativenessNotes: z.string().nullable(),
    qualityChecks: z.array(z.object({ name: z.string(), result: oneOf(QUALITY_RESULTS), details: z.string().optional(), checkedOn: z.string().optional() })),
    createdAt: TimestampSchema,
    createdBy: z.string(),
  })
  .meta({ id: 'DatasetVersion' });
export type DatasetVersionOutput = z.infer<typeof DatasetVersionSchema>;

export const DatasetDetailSchema = DatasetSchema.extend({ versions: z.array(DatasetVersionSchema) }).meta({ id: 'DatasetDetail' });

// ---------------------------------------------------------------- review triggers

export const ReviewTriggerSchema = z
  .object({
    id: IdSchema,
    sourceType: z.string().meta({ example: 'dataset_version' }),
    sourceId: IdSchema,
    reason: z.string(),
    systemIds: z.array(IdSchema).meta({ description: 'Systems whose review the change calls for' }),
    createdAt: TimestampSchema,
    resolvedAt: TimestampSchema.nullable(),
  })
  .meta({ id: 'ReviewTrigger' });
export type ReviewTriggerOutput = z.infer<typeof ReviewTriggerSchema>;

export const ReviewTriggerQuerySchema = PageQuerySchema.extend({
  open: z.enum(['true', 'false'], { error: 'must be true or false' }).optional().meta({ description: 'true: only unresolved triggers' }),
});
export type ReviewTriggerQuery = z.infer<typeof ReviewTriggerQuerySchema>;

// ---------------------------------------------------------------- model cards

export const ModelCardQuerySchema = z.strictObject({
  version: z.string().max(60).optional().meta({ description: 'The model version; default the latest' }),
  format: z.enum(['json', 'markdown', 'html'], { error: 'must be one of: json, markdown, html' }).optional().meta({ description: 'json (default), markdown (Hugging Face style front matter) or html' }),
});

export const ModelCardSchema = z
  .object({
    modelId: IdSchema,
    name: z.string(),
    version: z.string().nullable(),
    sections: z.array(
      z.object({
        id: z.string(),
        title: z.string(),
        facts: z.array(z.object({ label: z.string(), value: z.string() })),
        items: z.array(z.string()),
        table: z.object({ columns: z.array(z.string()), rows: z.array(z.array(z.string())) }).nullable(),
        completeness: z.object({ score: z.number().meta({ description: '0..1' }), missing: z.array(z.string()) }),
      }),
    ),
    completeness: z.number().meta({ description: 'Mean of the section scores, 0..1' }),
    metadata: z.record(z.string(), z.unknown()).meta({ description: 'The Markdown front matter' }),
  })
  .meta({ id: 'ModelCard' });
