import { randomUUID } from 'node:crypto';
import { buildMlbom, type MlbomModel } from '../../domain/inventory/mlbom.js';
import { AppError } from '../../domain/shared/app-error.js';
import { listDatasetVersions, listDatasets } from '../../storage/repositories/dataset.repository.js';
import { listModelVersions, listModels } from '../../storage/repositories/model.repository.js';
import { findOrganization } from '../../storage/repositories/organization.repository.js';
import { listSuppliers } from '../../storage/repositories/supplier.repository.js';
import { requirePermission } from '../shared/authorize.js';
import type { Actor, AppDeps } from '../shared/context.js';
import { rankInventory } from './inventory-ranking.js';
import { presentDatasetVersion, presentModel, presentModelVersion, presentSupplier, presentSystem } from './inventory.presenters.js';

const TOOL_VERSION = '0.1.0';

/**
 * A CycloneDX 1.6 ML-BOM of one system (with what it uses) or of the whole inventory. Systems use
 * the latest version of each of their models.
 */
export async function exportMlbom(deps: AppDeps, actor: Actor, options: { systemId?: string | undefined } = {}): Promise<Record<string, unknown>> {
  requirePermission(actor, 'system:read');
  const org = actor.organizationId;
  const [ranked, models, modelVersions, datasets, datasetVersions, suppliers, organization] = await Promise.all([
    rankInventory(deps.db, org),
    listModels(deps.db, org),
    listModelVersions(deps.db, org),
    listDatasets(deps.db, org),
    listDatasetVersions(deps.db, org),
    listSuppliers(deps.db, org),
    findOrganization(deps.db, org),
  ]);
  if (options.systemId && !ranked.systems.some((s) => s.row.id === options.systemId)) throw AppError.notFound('AI system', options.systemId);
  const systems = ranked.systems.map((s) => ({ ...presentSystem(s.row), classification: s.classification, wave: s.ranking.wave }));
  const latest = new Map(modelVersions.map(presentModelVersion).map((v) => [v.modelId, v]));
  const datasetById = new Map(datasets.map((d) => [d.id, d]));
  const mlModels: MlbomModel[] = models.map(presentModel).map((m) => {
    const version = latest.get(m.id) ?? null;
    return {
      ...m,
      version,
      useCases: systems.filter((s) => s.modelIds.includes(m.id)).map((s) => s.intendedUse ?? s.purpose),
    };
  });
  return buildMlbom({
    organizationName: organization?.name ?? 'Organization',
    systems: systems.map((s) => ({
      id: s.id,
      name: s.name,
      purpose: s.purpose,
      lifecycleStage: s.lifecycleStage,
      organizationRoles: s.organizationRoles,
      modelIds: s.modelIds,
      euAiActTier: s.classification?.tier ?? null,
      annexIIIPoints: s.classification?.annexIIIPoints ?? [],
      wave: s.wave,
    })),
    models: mlModels,
    datasetVersions: datasetVersions.map(presentDatasetVersion).map((v) => {
      const dataset = datasetById.get(v.datasetId);
      return { ...v, name: dataset?.name ?? v.datasetId, description: dataset?.description ?? null, supplierId: dataset?.supplier_id ?? null };
    }),
    suppliers: suppliers.map(presentSupplier),
    systemId: options.systemId,
    serialNumber: randomUUID(),
    timestamp: deps.clock.now().toISOString(),
    toolVersion: TOOL_VERSION,
  });
}
