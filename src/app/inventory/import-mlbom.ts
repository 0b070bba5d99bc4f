import type { z } from 'zod';
import {
  AddDatasetVersionInputSchema,
  AddModelVersionInputSchema,
  RegisterDatasetInputSchema,
  RegisterModelInputSchema,
  RegisterSupplierInputSchema,
  RegisterSystemInputSchema,
} from '../../contracts/inventory.contracts.js';
import { parseWith } from '../../contracts/parse.js';
import { LIFECYCLE_STAGES, MODEL_APPROACHES, ORGANIZATION_ROLES, type SupplierKind } from '../../domain/inventory/inventory-terms.js';
import { MLBOM_PROPERTY } from '../../domain/inventory/mlbom.js';
import { AppError, isAppError } from '../../domain/shared/app-error.js';
import { findAiSystem, findAiSystemByName } from '../../storage/repositories/ai-system.repository.js';
import { findDataset, findDatasetByName, listDatasetVersions } from '../../storage/repositories/dataset.repository.js';
import { findModel, findModelByName, listModelVersions } from '../../storage/repositories/model.repository.js';
import { findSupplier, findSupplierByName } from '../../storage/repositories/supplier.repository.js';
import { inTransaction } from '../../storage/transaction.js';
import { requirePermission } from '../shared/authorize.js';
import type { Actor, AppDeps } from '../shared/context.js';
import { addDatasetVersionIn } from './add-dataset-version.js';
import { addModelVersionIn } from './add-model-version.js';
import { changeSystemIn } from './change-system.js';
import { fromJson } from './inventory.presenters.js';
import { registerDatasetIn } from './register-dataset.js';
import { registerModelIn } from './register-model.js';
import { changeSupplierIn, registerSupplierIn } from './register-supplier.js';
import { registerSystemIn } from './register-system.js';
import { assertValidCycloneDx } from './validate-cyclonedx.js';

interface CdxComponent {
  type: string;
  'bom-ref'?: string;
  name: string;
  version?: string;
  description?: string;
  supplier?: { name?: string };
  hashes?: Array<{ alg: string; content: string }>;
  licenses?: Array<{ license?: { id?: string; name?: string }; expression?: string }>;
  modelCard?: {
    modelParameters?: { approach?: { type?: string }; task?: string; architectureFamily?: string; modelArchitecture?: string; datasets?: Array<{ ref?: string }>; inputs?: Array<{ format?: string }>; outputs?: Array<{ format?: string }> };
    quantitativeAnalysis?: { performanceMetrics?: Array<{ type?: string; value?: string; slice?: string; confidenceInterval?: { lowerBound?: string; upperBound?: string } }> };
    considerations?: { technicalLimitations?: string[]; useCases?: string[] };
  };
  data?: Array<{ description?: string; sensitiveData?: string[] }>;
  properties?: Array<{ name: string; value?: string }>;
}

interface CdxDocument {
  metadata?: { component?: CdxComponent };
  components?: CdxComponent[];
  dependencies?: Array<{ ref: string; dependsOn?: string[] }>;
}

export type ImportedKind = 'ai_system' | 'model' | 'model_version' | 'dataset' | 'dataset_version' | 'supplier';

export interface MlbomImportResult {
  created: Record<ImportedKind, number>;
  updated: Record<ImportedKind, number>;
  items: Array<{ kind: ImportedKind; id: string; name: string; action: 'created' | 'updated' | 'unchanged'; from: string }>;
}

const prop = (c: CdxComponent, name: string) => c.properties?.find((p) => p.name === name)?.value;
const HASH_PREFIX: Record<string, string> = { 'SHA-256': 'sha256', 'SHA-384': 'sha384', 'SHA-512': 'sha512' };
const oneOf = <T extends string>(values: readonly T[], value: string | undefined): T | undefined => (values as readonly string[]).includes(value ?? '') ? (value as T) : undefined;

/** Parses one component's mapped fields with the API contract; a failure names the component. */
function parsePart<T extends z.ZodType>(schema: T, value: unknown, where: string): z.infer<T> {
  try {
    return parseWith(schema, value, where);
  } catch (error) {
    if (!isAppError(error) || !error.details.fields) throw error;
    const fields = error.details.fields.map((f) => ({ field: `${where}.${f.field}`, reason: f.reason }));
    throw new AppError('VALIDATION_FAILED', `cannot import ${where}: ${fields.map((f) => `${f.field} ${f.reason}`).join('; ')}`, { fields });
  }
}

/**
 * Creates or updates inventory entries from a CycloneDX ML-BOM: `data` components become dataset
 * versions, `machine-learning-model` components model versions, applications (and the BOM's own
 * subject) AI systems linked to the models they depend on, and component suppliers suppliers.
 * Records are matched by our `openaims:id` property, else by name; versions by version string.
 * The document is validated against its CycloneDX schema first; everything is written in one
 * transaction, each record with its trail event, or nothing is.
 */
export async function importMlbom(deps: AppDeps, actor: Actor, document: unknown): Promise<MlbomImportResult> {
  requirePermission(actor, 'system:write');
  await assertValidCycloneDx(document);
  const bom = document as CdxDocument;
  const zero = (): Record<ImportedKind, number> => ({ ai_system: 0, model: 0, model_version: 0, dataset: 0, dataset_version: 0, supplier: 0 });
  const result: MlbomImportResult = { created: zero(), updated: zero(), items: [] };
  const note = (kind: ImportedKind, id: string, name: string, action: 'created' | 'updated' | 'unchanged', from: string) => {
    if (action !== 'unchanged') result[action][kind] += 1;
    result.items.push({ kind, id, name, action, from });
  };

  const components = (bom.components ?? []).map((c, i) => ({ c, where: `components.${i}` }));
  const root = bom.metadata?.component;
  if (root && prop(root, MLBOM_PROPERTY.kind) !== 'inventory') components.push({ c: root, where: 'metadata.component' });
  const dependsOn = new Map((bom.dependencies ?? []).map((d) => [d.ref, d.dependsOn ?? []]));
  // A BOM describes its subject: when the subject's dependencies are not stated, it uses the BOM's models.
  const subjectRef = root?.['bom-ref'];
  if (root && subjectRef && !dependsOn.has(subjectRef)) {
    dependsOn.set(subjectRef, components.flatMap(({ c }) => (c.type === 'machine-learning-model' && c['bom-ref'] ? [c['bom-ref']] : [])));
  }
  const supplied = (c: CdxComponent) => prop(c, MLBOM_PROPERTY.kind) === 'supplied-component';

  await inTransaction(deps.db, async (tx) => {
    const org = actor.organizationId;
    // bom-ref → our id, per kind of component.
    const dataRefs = new Map<string, string>();
    const modelRefs = new Map<string, string>();

    const supplierFor = async (c: CdxComponent, where: string, kind: SupplierKind): Promise<string | null> => {
      const name = c.supplier?.name?.trim();
      if (!name) return null;
      const existing = await findSupplierByName(tx, org, name);
      if (existing) return existing.id;
      const created = await registerSupplierIn(tx, deps, actor, parsePart(RegisterSupplierInputSchema, { name, kind }, `${where}.supplier`));
      note('supplier', created.id, name, 'created', `${where}.supplier`);
      return created.id;
    };

    for (const { c, where } of components.filter((x) => x.c.type === 'data' && !supplied(x.c))) {
      const supplierId = await supplierFor(c, where, 'data_vendor');
      const knownId = prop(c, MLBOM_PROPERTY.id);
      let dataset = (knownId ? await findDataset(tx, org, knownId) : undefined) ?? (await findDatasetByName(tx, org, c.name));
      if (!dataset) {
        const created = await registerDatasetIn(tx, deps, actor, parsePart(RegisterDatasetInputSchema, { name: c.name, description: c.data?.[0]?.description, supplierId: supplierId ?? undefined }, where));
        note('dataset', created.id, c.name, 'created', where);
        dataset = (await findDataset(tx, org, created.id))!;
      }
      const versionName = c.version ?? 'imported';
      const known = (await listDatasetVersions(tx, org, dataset.id)).find((v) => v.version === versionName);
      if (known) {
        note('dataset_version', known.id, `${dataset.name}@${versionName}`, 'unchanged', where);
        if (c['bom-ref']) dataRefs.set(c['bom-ref'], known.id);
        continue;
      }
      const licence = c.licenses?.[0]?.license?.name ?? c.licenses?.[0]?.license?.id ?? c.licenses?.[0]?.expression;
      const personal = prop(c, 'openaims:containsPersonalData') === 'yes' || (c.data ?? []).some((d) => (d.sensitiveData ?? []).length > 0);
      const version = await addDatasetVersionIn(tx, deps, actor, dataset.id, parsePart(AddDatasetVersionInputSchema, { version: versionName, source: prop(c, 'openaims:source'), licence, containsPersonalData: personal }, where));
      note('dataset_version', version.id, `${dataset.name}@${versionName}`, 'created', where);
      if (c['bom-ref']) dataRefs.set(c['bom-ref'], version.id);
    }

    for (const { c, where } of components.filter((x) => x.c.type === 'machine-learning-model' && !supplied(x.c))) {
      const supplierId = await supplierFor(c, where, 'model_api');
      const parameters = c.modelCard?.modelParameters ?? {};
      const knownId = prop(c, MLBOM_PROPERTY.id);
      let model = (knownId ? await findModel(tx, org, knownId) : undefined) ?? (await findModelByName(tx, org, c.name));
      if (!model) {
        const created = await registerModelIn(
          tx,
          deps,
          actor,
          parsePart(
            RegisterModelInputSchema,
            {
              name: c.name,
              description: c.description,
              supplierId: supplierId ?? undefined,
              task: parameters.task,
              approach: oneOf(MODEL_APPROACHES, parameters.approach?.type),
              architectureFamily: parameters.architectureFamily,
              modelArchitecture: parameters.modelArchitecture,
              inputs: (parameters.inputs ?? []).flatMap((i) => (i.format ? [i.format] : [])),
              outputs: (parameters.outputs ?? []).flatMap((o) => (o.format ? [o.format] : [])),
            },
            where,
          ),
        );
        note('model', created.id, c.name, 'created', where);
        model = (await findModel(tx, org, created.id))!;
      }
      if (c['bom-ref']) modelRefs.set(c['bom-ref'], model.id);
      const versionName = c.version ?? 'imported';
      const known = (await listModelVersions(tx, org, model.id)).find((v) => v.version === versionName);
      if (known) {
        note('model_version', known.id, `${model.name}@${versionName}`, 'unchanged', where);
        continue;
      }
      const hash = (c.hashes ?? []).find((h) => HASH_PREFIX[h.alg]);
      const fairness = new Set((prop(c, 'openaims:fairnessMetrics') ?? '').split(',').filter(Boolean));
      const metrics = (c.modelCard?.quantitativeAnalysis?.performanceMetrics ?? []).flatMap((m) => {
        const value = Number(m.value);
        if (!m.type || m.value === undefined || !Number.isFinite(value)) return [];
        const lower = Number(m.confidenceInterval?.lowerBound);
        const upper = Number(m.confidenceInterval?.upperBound);
        return [{ name: m.type, kind: fairness.has(m.type) ? 'fairness' : 'performance', value, ...(m.slice ? { slice: m.slice } : {}), ...(Number.isFinite(lower) && Number.isFinite(upper) && m.confidenceInterval ? { lowerBound: lower, upperBound: upper } : {}) }];
      });
      const datasetVersionIds = (parameters.datasets ?? []).flatMap((d) => (d.ref && dataRefs.has(d.ref) ? [dataRefs.get(d.ref)!] : []));
      const version = await addModelVersionIn(
        tx,
        deps,
        actor,
        model.id,
        parsePart(
          AddModelVersionInputSchema,
          {
            version: versionName,
            ...(hash ? { artifactDigest: `${HASH_PREFIX[hash.alg]}:${hash.content.toLowerCase()}` } : {}),
            datasetVersionIds: [...new Set(datasetVersionIds)],
            metrics,
            limitations: c.modelCard?.considerations?.technicalLimitations ?? [],
          },
          where,
        ),
      );
      note('model_version', version.id, `${model.name}@${versionName}`, 'created', where);
    }

    const systemRefs = new Map<string, string>();
    for (const { c, where } of components.filter((x) => x.c.type === 'application' && (prop(x.c, MLBOM_PROPERTY.kind) === 'ai-system' || x.where === 'metadata.component'))) {
      const modelIds = [...new Set((dependsOn.get(c['bom-ref'] ?? '') ?? []).flatMap((r) => (modelRefs.has(r) ? [modelRefs.get(r)!] : [])))];
      const knownId = prop(c, MLBOM_PROPERTY.id);
      const existing = (knownId ? await findAiSystem(tx, org, knownId) : undefined) ?? (await findAiSystemByName(tx, org, c.name));
      if (existing) {
        const current = fromJson<string[]>(existing.model_ids_json);
        const missing = modelIds.filter((id) => !current.includes(id));
        if (missing.length) await changeSystemIn(tx, deps, actor, existing.id, { modelIds: [...current, ...missing] });
        note('ai_system', existing.id, existing.name, missing.length ? 'updated' : 'unchanged', where);
        if (c['bom-ref']) systemRefs.set(c['bom-ref'], existing.id);
        continue;
      }
      const roles = (prop(c, 'openaims:organizationRoles') ?? '').split(',').flatMap((r) => oneOf(ORGANIZATION_ROLES, r) ?? []);
      const input = parsePart(
        RegisterSystemInputSchema,
        {
          name: c.name,
          purpose: c.description ?? 'Imported from a CycloneDX ML-BOM; describe its purpose',
          organizationRoles: roles.length ? roles : ['deployer'],
          lifecycleStage: oneOf(LIFECYCLE_STAGES, prop(c, 'openaims:lifecycleStage')),
          modelIds,
        },
        where,
      );
      const created = await registerSystemIn(tx, deps, actor, input);
      note('ai_system', created.id, c.name, 'created', where);
      if (c['bom-ref']) systemRefs.set(c['bom-ref'], created.id);
    }

    // What suppliers provide: listed on the supplier, linked to the systems that depend on it.
    for (const { c, where } of components.filter((x) => supplied(x.c))) {
      const knownId = prop(c, MLBOM_PROPERTY.supplierId);
      const supplier = (knownId ? await findSupplier(tx, org, knownId) : undefined) ?? (c.supplier?.name ? await findSupplierByName(tx, org, c.supplier.name) : undefined);
      const supplierId = supplier?.id ?? (await supplierFor(c, where, 'other'));
      if (!supplierId) continue;
      const row = (await findSupplier(tx, org, supplierId))!;
      const listed = fromJson<Array<{ name: string; type: string }>>(row.components_json);
      const systems = fromJson<string[]>(row.system_ids_json);
      const users = [...systemRefs].filter(([ref]) => (dependsOn.get(ref) ?? []).includes(c['bom-ref'] ?? '')).map(([, id]) => id);
      const newSystems = users.filter((id) => !systems.includes(id));
      const type = prop(c, 'openaims:componentType') ?? 'other';
      const newComponent = listed.some((l) => l.name === c.name) ? [] : [{ name: c.name, type, ...(c.version ? { version: c.version } : {}) }];
      if (newSystems.length === 0 && newComponent.length === 0) continue;
      const changed = await changeSupplierIn(tx, deps, actor, supplierId, {
        components: parsePart(RegisterSupplierInputSchema, { name: row.name, kind: row.kind, components: [...listed, ...newComponent] }, where).components,
        systemIds: [...systems, ...newSystems],
      });
      note('supplier', changed.id, changed.name, 'updated', where);
    }
  });
  return result;
}
