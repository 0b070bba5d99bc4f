/**
 * The inventory as a CycloneDX 1.6 ML-BOM (https://cyclonedx.org/docs/1.6/json/): systems as
 * applications, models as `machine-learning-model` components with a `modelCard`, dataset
 * versions as `data` components, what suppliers provide as components with a `supplier`, and
 * `dependencies` from systems to models and supplied components and from models to their data.
 * ISO/IEC 42001 A.4.2 (resources documented) and A.10.3 (suppliers). Our own ids travel in
 * `openaims:*` properties, so a re-import updates the same records.
 */
export const MLBOM_PROPERTY = {
  kind: 'openaims:kind',
  id: 'openaims:id',
  versionId: 'openaims:versionId',
  supplierId: 'openaims:supplierId',
} as const;

export interface MlbomSystem {
  id: string;
  name: string;
  purpose: string;
  lifecycleStage: string;
  organizationRoles: string[];
  modelIds: string[];
  euAiActTier: string | null;
  annexIIIPoints: string[];
  wave: number;
}

export interface MlbomModel {
  id: string;
  name: string;
  description: string | null;
  supplierId: string | null;
  task: string | null;
  approach: string | null;
  architectureFamily: string | null;
  modelArchitecture: string | null;
  inputs: string[];
  outputs: string[];
  /** The latest version, which is what the systems use; null when none was recorded. */
  version: {
    id: string;
    version: string;
    artifactDigest: string | null;
    datasetVersionIds: string[];
    metrics: Array<{ name: string; kind: string; value: number; slice?: string | undefined; lowerBound?: number | undefined; upperBound?: number | undefined }>;
    limitations: string[];
  } | null;
  useCases: string[];
}

export interface MlbomDatasetVersion {
  id: string;
  datasetId: string;
  name: string;
  description: string | null;
  version: string;
  supplierId: string | null;
  source: string | null;
  licence: string | null;
  containsPersonalData: boolean;
}

export interface MlbomSupplier {
  id: string;
  name: string;
  kind: string;
  contractReference: string | null;
  components: Array<{ name: string; type: string; version?: string | undefined; description?: string | undefined }>;
  systemIds: string[];
}

export interface MlbomInput {
  organizationName: string;
  systems: MlbomSystem[];
  models: MlbomModel[];
  datasetVersions: MlbomDatasetVersion[];
  suppliers: MlbomSupplier[];
  /** One system's BOM, or (undefined) the whole inventory's. */
  systemId?: string | undefined;
  serialNumber: string;
  timestamp: string;
  toolVersion: string;
}

type Json = Record<string, unknown>;

const COMPONENT_TYPE: Record<string, string> = { model: 'machine-learning-model', api: 'application', service: 'application', data: 'data', library: 'library', platform: 'platform', other: 'application' };
const HASH_ALG: Record<string, string> = { sha256: 'SHA-256', sha384: 'SHA-384', sha512: 'SHA-512' };

const ref = {
  system: (id: string) => `system:${id}`,
  model: (m: MlbomModel) => (m.version ? `model-version:${m.version.id}` : `model:${m.id}`),
  data: (id: string) => `dataset-version:${id}`,
  supplied: (supplierId: string, index: number) => `supplier:${supplierId}:${index}`,
};

function props(entries: Array<[string, string | null | undefined]>): Array<{ name: string; value: string }> {
  return entries.filter((e): e is [string, string] => typeof e[1] === 'string' && e[1].length > 0).map(([name, value]) => ({ name, value }));
}

function withSupplier(component: Json, supplierId: string | null, suppliers: Map<string, MlbomSupplier>): Json {
  const supplier = supplierId ? suppliers.get(supplierId) : undefined;
  return supplier ? { ...component, supplier: { name: supplier.name } } : component;
}

function systemComponent(s: MlbomSystem): Json {
  return {
    type: 'application',
    'bom-ref': ref.system(s.id),
    name: s.name,
    description: s.purpose,
    properties: props([
      [MLBOM_PROPERTY.kind, 'ai-system'],
      [MLBOM_PROPERTY.id, s.id],
      ['openaims:lifecycleStage', s.lifecycleStage],
      ['openaims:organizationRoles', s.organizationRoles.join(',')],
      ['openaims:euAiActTier', s.euAiActTier],
      ['openaims:annexIIIPoints', s.annexIIIPoints.join(',')],
      ['openaims:wave', String(s.wave)],
    ]),
  };
}

function metricEntry(m: NonNullable<MlbomModel['version']>['metrics'][number]): Json {
  return {
    type: m.name,
    value: String(m.value),
    ...(m.slice ? { slice: m.slice } : {}),
    ...(m.lowerBound !== undefined && m.upperBound !== undefined ? { confidenceInterval: { lowerBound: String(m.lowerBound), upperBound: String(m.upperBound) } } : {}),
  };
}

function modelComponent(m: MlbomModel, suppliers: Map<string, MlbomSupplier>): Json {
  const v = m.version;
  const [alg, digest] = v?.artifactDigest ? v.artifactDigest.split(':') : [];
  const parameters: Json = {
    ...(m.approach ? { approach: { type: m.approach } } : {}),
    ...(m.task ? { task: m.task } : {}),
    ...(m.architectureFamily ? { architectureFamily: m.architectureFamily } : {}),
    ...(m.modelArchitecture ? { modelArchitecture: m.modelArchitecture } : {}),
    ...(v && v.datasetVersionIds.length ? { datasets: v.datasetVersionIds.map((id) => ({ ref: ref.data(id) })) } : {}),
    ...(m.inputs.length ? { inputs: m.inputs.map((format) => ({ format })) } : {}),
    ...(m.outputs.length ? { outputs: m.outputs.map((format) => ({ format })) } : {}),
  };
  const considerations: Json = {
    ...(m.useCases.length ? { useCases: m.useCases } : {}),
    ...(v && v.limitations.length ? { technicalLimitations: v.limitations } : {}),
  };
  return withSupplier(
    {
      type: 'machine-learning-model',
      'bom-ref': ref.model(m),
      name: m.name,
      ...(v ? { version: v.version } : {}),
      ...(m.description ? { description: m.description } : {}),
      ...(alg && digest && HASH_ALG[alg] ? { hashes: [{ alg: HASH_ALG[alg], content: digest }] } : {}),
      modelCard: {
        modelParameters: parameters,
        ...(v && v.metrics.length ? { quantitativeAnalysis: { performanceMetrics: v.metrics.map(metricEntry) } } : {}),
        ...(Object.keys(considerations).length ? { considerations } : {}),
      },
      properties: props([
        [MLBOM_PROPERTY.kind, 'model'],
        [MLBOM_PROPERTY.id, m.id],
        [MLBOM_PROPERTY.versionId, v?.id],
        ['openaims:fairnessMetrics', v?.metrics.filter((x) => x.kind === 'fairness').map((x) => x.name).join(',')],
      ]),
    },
    m.supplierId,
    suppliers,
  );
}

function dataComponent(d: MlbomDatasetVersion, suppliers: Map<string, MlbomSupplier>): Json {
  return withSupplier(
    {
      type: 'data',
      'bom-ref': ref.data(d.id),
      name: d.name,
      version: d.version,
      ...(d.licence ? { licenses: [{ license: { name: d.licence } }] } : {}),
      data: [
        {
          type: 'dataset',
          name: `${d.name}@${d.version}`,
          ...(d.description ? { description: d.description } : {}),
          ...(d.containsPersonalData ? { sensitiveData: ['personal data'] } : {}),
        },
      ],
      properties: props([
        [MLBOM_PROPERTY.kind, 'dataset-version'],
        [MLBOM_PROPERTY.id, d.datasetId],
        [MLBOM_PROPERTY.versionId, d.id],
        ['openaims:source', d.source],
        ['openaims:containsPersonalData', d.containsPersonalData ? 'yes' : 'no'],
      ]),
    },
    d.supplierId,
    suppliers,
  );
}

function suppliedComponents(s: MlbomSupplier): Json[] {
  return s.components.map((c, index) => ({
    type: COMPONENT_TYPE[c.type] ?? 'application',
    'bom-ref': ref.supplied(s.id, index),
    name: c.name,
    ...(c.version ? { version: c.version } : {}),
    ...(c.description ? { description: c.description } : {}),
    supplier: { name: s.name },
    properties: props([
      [MLBOM_PROPERTY.kind, 'supplied-component'],
      [MLBOM_PROPERTY.supplierId, s.id],
      ['openaims:supplierKind', s.kind],
      ['openaims:contractReference', s.contractReference],
      ['openaims:componentType', c.type],
    ]),
  }));
}

/** Builds the BOM. Pure: the serial number and the time are given. */
export function buildMlbom(input: MlbomInput): Json {
  const suppliers = new Map(input.suppliers.map((s) => [s.id, s]));
  const systems = input.systemId ? input.systems.filter((s) => s.id === input.systemId) : input.systems;
  const usedModelIds = new Set(systems.flatMap((s) => s.modelIds));
  const models = input.systemId ? input.models.filter((m) => usedModelIds.has(m.id)) : input.models;
  const usedData = new Set(models.flatMap((m) => m.version?.datasetVersionIds ?? []));
  const datasets = input.systemId ? input.datasetVersions.filter((d) => usedData.has(d.id)) : input.datasetVersions;
  const systemIds = new Set(systems.map((s) => s.id));
  const supplierList = input.systemId ? input.suppliers.filter((s) => s.systemIds.some((id) => systemIds.has(id))) : input.suppliers;

  const modelRef = new Map(models.map((m) => [m.id, ref.model(m)]));
  const suppliedRefs = (systemId: string) => supplierList.filter((s) => s.systemIds.includes(systemId)).flatMap((s) => s.components.map((_, i) => ref.supplied(s.id, i)));
  const dependencies = [
    ...systems.map((s) => ({ ref: ref.system(s.id), dependsOn: [...s.modelIds.flatMap((id) => modelRef.get(id) ?? []), ...suppliedRefs(s.id)] })),
    ...models.map((m) => ({ ref: ref.model(m), dependsOn: (m.version?.datasetVersionIds ?? []).map(ref.data) })),
  ];

  const single = input.systemId ? systems[0] : undefined;
  const root = single
    ? systemComponent(single)
    : { type: 'application', 'bom-ref': 'inventory', name: `${input.organizationName} AI system inventory`, properties: props([[MLBOM_PROPERTY.kind, 'inventory']]) };
  const components = [
    ...(single ? [] : systems.map(systemComponent)),
    ...models.map((m) => modelComponent(m, suppliers)),
    ...datasets.map((d) => dataComponent(d, suppliers)),
    ...supplierList.flatMap(suppliedComponents),
  ];
  if (!single) dependencies.unshift({ ref: 'inventory', dependsOn: systems.map((s) => ref.system(s.id)) });
  return {
    bomFormat: 'CycloneDX',
    specVersion: '1.6',
    serialNumber: `urn:uuid:${input.serialNumber}`,
    version: 1,
    metadata: {
      timestamp: input.timestamp,
      tools: { components: [{ type: 'application', name: 'OpenAIMS', version: input.toolVersion }] },
      component: root,
    },
    components,
    dependencies,
  };
}
