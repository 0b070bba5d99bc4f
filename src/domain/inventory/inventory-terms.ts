/**
 * The fixed vocabularies of the AI system inventory (ISO/IEC 42001 A.4.5, A.6.2; EU AI Act Art. 3
 * for the operator roles). Contracts and domain rules share them, so a value means one thing everywhere.
 */
export const LIFECYCLE_STAGES = ['planning', 'design', 'development', 'validation', 'deployed', 'retired'] as const;
export type LifecycleStage = (typeof LIFECYCLE_STAGES)[number];

/** The organization's role for a system; several may apply (EU AI Act Art. 3(3)-(4), ISO/IEC 42001 4.1). */
export const ORGANIZATION_ROLES = ['developer', 'provider', 'deployer', 'user'] as const;
export type OrganizationRole = (typeof ORGANIZATION_ROLES)[number];

/** How far the system acts on its own, from advice a person weighs to acting with no one in the loop. */
// `not_assessed` until someone says: a default would state a fact nobody chose.
export const AUTONOMY_LEVELS = ['not_assessed', 'advisory', 'human_approved', 'supervised', 'autonomous'] as const;
export type AutonomyLevel = (typeof AUTONOMY_LEVELS)[number];

/** How people oversee it (EU AI Act Art. 14). */
export const HUMAN_OVERSIGHT_MODES = ['not_assessed', 'human_in_the_loop', 'human_on_the_loop', 'human_in_command', 'none'] as const;
export type HumanOversightMode = (typeof HUMAN_OVERSIGHT_MODES)[number];

/** A five-step level for impact on people and on safety. */
export const IMPACT_LEVELS = ['none', 'low', 'medium', 'high', 'critical'] as const;
export type ImpactLevel = (typeof IMPACT_LEVELS)[number];

export const SUPPLIER_KINDS = ['model_api', 'cloud_service', 'data_vendor', 'software', 'consulting', 'other'] as const;
export type SupplierKind = (typeof SUPPLIER_KINDS)[number];

export const COMPONENT_TYPES = ['model', 'api', 'service', 'data', 'library', 'platform', 'other'] as const;
export type ComponentType = (typeof COMPONENT_TYPES)[number];

/** Learning approaches as CycloneDX 1.6 names them (modelCard.modelParameters.approach.type). */
export const MODEL_APPROACHES = ['supervised', 'unsupervised', 'reinforcement-learning', 'semi-supervised', 'self-supervised'] as const;
export type ModelApproach = (typeof MODEL_APPROACHES)[number];

export const METRIC_KINDS = ['performance', 'fairness'] as const;
export const QUALITY_RESULTS = ['pass', 'warning', 'fail'] as const;
