import type {
  AutonomyLevel,
  ComponentType,
  HumanOversightMode,
  ImpactLevel,
  LifecycleStage,
  OrganizationRole,
  SupplierKind,
} from '../../../../src/domain/inventory/inventory-terms.js';
import type { Tone } from '../../components/status-badge.js';

/**
 * Words for the inventory's vocabularies and for values the server derives. Only presentation
 * lives here: tiers, scores and waves come from the server and are never recomputed.
 */
export const STAGE_LABEL: Record<LifecycleStage, string> = {
  planning: 'Planning',
  design: 'Design',
  development: 'Development',
  validation: 'Validation',
  deployed: 'Deployed',
  retired: 'Retired',
};

export const ROLE_LABEL: Record<OrganizationRole, string> = { developer: 'Developer', provider: 'Provider', deployer: 'Deployer', user: 'User' };

export const AUTONOMY_LABEL: Record<AutonomyLevel, string> = {
  not_assessed: 'Not assessed yet',
  advisory: 'Advisory (a person weighs its advice)',
  human_approved: 'Human-approved (a person approves each decision)',
  supervised: 'Supervised (acts, a person watches)',
  autonomous: 'Autonomous (acts on its own)',
};

export const OVERSIGHT_LABEL: Record<HumanOversightMode, string> = {
  not_assessed: 'Not assessed yet',
  human_in_the_loop: 'Human in the loop',
  human_on_the_loop: 'Human on the loop',
  human_in_command: 'Human in command',
  none: 'None',
};

export const IMPACT_LABEL: Record<ImpactLevel, string> = { none: 'None', low: 'Low', medium: 'Medium', high: 'High', critical: 'Critical' };

export const SUPPLIER_KIND_LABEL: Record<SupplierKind, string> = {
  model_api: 'Model API',
  cloud_service: 'Cloud service',
  data_vendor: 'Data vendor',
  software: 'Software',
  consulting: 'Consulting',
  other: 'Other',
};

export const COMPONENT_TYPE_LABEL: Record<ComponentType, string> = {
  model: 'Model',
  api: 'API',
  service: 'Service',
  data: 'Data',
  library: 'Library',
  platform: 'Platform',
  other: 'Other',
};

/** The EU AI Act screening tiers as the classifier names them (ClassificationResultSchema.tier). */
export const TIERS = ['prohibited', 'high-risk', 'art6-3-exception', 'transparency', 'minimal', 'out-of-scope'] as const;
export type Tier = (typeof TIERS)[number];

export const TIER_LABEL: Record<Tier, string> = {
  prohibited: 'Prohibited',
  'high-risk': 'High-risk',
  'art6-3-exception': 'Art. 6(3) exception',
  transparency: 'Transparency (Art. 50)',
  minimal: 'Minimal risk',
  'out-of-scope': 'Out of scope',
};

export const TIER_TONE: Record<Tier, Tone> = {
  prohibited: 'danger',
  'high-risk': 'danger',
  'art6-3-exception': 'warn',
  transparency: 'info',
  minimal: 'ok',
  'out-of-scope': 'neutral',
};

export function tierLabel(tier: string): string {
  return TIER_LABEL[tier as Tier] ?? tier;
}

export function tierTone(tier: string): Tone {
  return TIER_TONE[tier as Tier] ?? 'neutral';
}

export const GPAI_LABEL: Record<string, string> = { none: 'No', gpai: 'General-purpose AI model', 'gpai-systemic': 'General-purpose AI model with systemic risk' };

/** The obligation roles of the classifier, in the order they are shown. */
export const OBLIGATION_ROLE_LABEL: Record<string, string> = {
  provider: 'Provider',
  deployer: 'Deployer',
  importer: 'Importer',
  distributor: 'Distributor',
  'authorised-representative': 'Authorised representative',
  'gpai-provider': 'Provider of the general-purpose AI model',
};

export const RANKING_FACTOR_LABEL: Record<string, string> = {
  impactOnPeople: 'Impact on people',
  safety: 'Safety',
  complianceExposure: 'Compliance exposure',
  scale: 'Scale',
  autonomy: 'Autonomy',
};

/** Wave 0 is where the server puts systems out of the AIMS scope or retired. */
export function waveLabel(wave: number): string {
  return wave > 0 ? `Wave ${wave}` : 'No wave';
}

export const options = <K extends string>(labels: Record<K, string>) => (Object.entries(labels) as [K, string][]).map(([value, label]) => ({ value, label }));

export const systemPath = (systemId: string, tab?: string) => `/systems/${encodeURIComponent(systemId)}${tab ? `?tab=${tab}` : ''}`;
export const modelPath = (modelId: string) => `/models/${encodeURIComponent(modelId)}`;
export const datasetPath = (datasetId: string) => `/datasets/${encodeURIComponent(datasetId)}`;
export const supplierPath = (supplierId: string) => `/suppliers/${encodeURIComponent(supplierId)}`;
