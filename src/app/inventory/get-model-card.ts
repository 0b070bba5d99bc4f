import { buildModelCard, renderModelCardHtml, renderModelCardMarkdown, type ModelCard } from '../../domain/inventory/model-card.js';
import { AppError } from '../../domain/shared/app-error.js';
import { listAiSystems } from '../../storage/repositories/ai-system.repository.js';
import { listDatasetVersions, listDatasets } from '../../storage/repositories/dataset.repository.js';
import { findModel, listModelVersions } from '../../storage/repositories/model.repository.js';
import { findSupplier } from '../../storage/repositories/supplier.repository.js';
import { requirePermission } from '../shared/authorize.js';
import type { Actor, AppDeps } from '../shared/context.js';
import { fromJson, presentDatasetVersion, presentModel, presentModelVersion, presentSystem } from './inventory.presenters.js';

export type ModelCardFormat = 'json' | 'markdown' | 'html';

/**
 * The model card of a model version (the latest when none is named), built from the inventory:
 * the model, the version's parameters and metrics, its training data, and the systems using it.
 * Evaluation and fairness results come from the version's recorded metrics for now.
 */
export async function getModelCard(deps: AppDeps, actor: Actor, modelId: string, versionName?: string): Promise<ModelCard> {
  requirePermission(actor, 'system:read');
  const row = await findModel(deps.db, actor.organizationId, modelId);
  if (!row) throw AppError.notFound('model', modelId);
  const versions = (await listModelVersions(deps.db, actor.organizationId, modelId)).map(presentModelVersion);
  const version = versionName === undefined ? versions[versions.length - 1] : versions.find((v) => v.version === versionName);
  if (versionName !== undefined && !version) throw AppError.invalidField('version', `model ${row.name} has no version ${versionName}`);
  const model = presentModel(row);
  const supplier = model.supplierId ? await findSupplier(deps.db, actor.organizationId, model.supplierId) : undefined;
  const datasetNames = new Map((await listDatasets(deps.db, actor.organizationId)).map((d) => [d.id, d.name]));
  const wanted = new Set(version?.datasetVersionIds ?? []);
  const datasets = (await listDatasetVersions(deps.db, actor.organizationId)).filter((d) => wanted.has(d.id)).map(presentDatasetVersion);
  const systems = (await listAiSystems(deps.db, actor.organizationId)).filter((s) => fromJson<string[]>(s.model_ids_json).includes(modelId)).map(presentSystem);
  return buildModelCard({
    model: { ...model, supplierName: supplier?.name ?? null },
    version: version ?? null,
    datasets: datasets.map((d) => ({ ...d, name: datasetNames.get(d.datasetId) ?? d.datasetId })),
    systems,
  });
}

/** The card in the asked format: the JSON structure, Markdown with front matter, or an HTML page. */
export async function exportModelCard(deps: AppDeps, actor: Actor, modelId: string, format: ModelCardFormat, versionName?: string): Promise<ModelCard | string> {
  const card = await getModelCard(deps, actor, modelId, versionName);
  if (format === 'markdown') return renderModelCardMarkdown(card);
  if (format === 'html') return renderModelCardHtml(card);
  return card;
}
