import type { AddDatasetVersionInput, DatasetVersionOutput, ReviewTriggerOutput } from '../../contracts/inventory.contracts.js';
import { AppError } from '../../domain/shared/app-error.js';
import type { Conn } from '../../storage/database.js';
import { listAiSystems } from '../../storage/repositories/ai-system.repository.js';
import { findDataset, findDatasetVersion, insertDatasetVersion, listDatasetVersions } from '../../storage/repositories/dataset.repository.js';
import { insertReviewTrigger } from '../../storage/repositories/inventory-settings.repository.js';
import { listModelVersions } from '../../storage/repositories/model.repository.js';
import { inTransaction } from '../../storage/transaction.js';
import { requirePermission } from '../shared/authorize.js';
import type { Actor, AppDeps } from '../shared/context.js';
import { newId } from '../shared/ids.js';
import { appendTrailEvent } from '../trail/append-trail-event.js';
import { fromJson, presentDatasetVersion, presentReviewTrigger } from './inventory.presenters.js';

/**
 * Records a version of a dataset with its provenance (ISO/IEC 42001 A.7.3–A.7.6) and raises a
 * "review needed" trigger for the systems whose models were trained on any version of the
 * dataset: new data may change their risks (6.1.2, 8.2), which the risk area then picks up.
 */
export async function addDatasetVersion(deps: AppDeps, actor: Actor, datasetId: string, input: AddDatasetVersionInput): Promise<DatasetVersionOutput & { reviewTrigger: ReviewTriggerOutput }> {
  requirePermission(actor, 'system:write');
  return inTransaction(deps.db, (tx) => addDatasetVersionIn(tx, deps, actor, datasetId, input));
}

export async function addDatasetVersionIn(tx: Conn, deps: AppDeps, actor: Actor, datasetId: string, input: AddDatasetVersionInput): Promise<DatasetVersionOutput & { reviewTrigger: ReviewTriggerOutput }> {
  const dataset = await findDataset(tx, actor.organizationId, datasetId);
  if (!dataset) throw AppError.notFound('dataset', datasetId);
  if (input.parentVersionId) {
    const parent = await findDatasetVersion(tx, actor.organizationId, input.parentVersionId);
    if (!parent || parent.dataset_id !== datasetId) {
      throw AppError.invalidField('parentVersionId', `names no version of dataset "${dataset.name}": ${input.parentVersionId} is unknown here`);
    }
  }
  const siblings = await listDatasetVersions(tx, actor.organizationId, datasetId);
  if (siblings.some((v) => v.version === input.version)) throw AppError.conflict('version', `dataset "${dataset.name}" already has a version ${input.version}`);

  const now = deps.clock.now();
  const at = now.toISOString();
  const row = {
    id: newId(now),
    organization_id: actor.organizationId,
    dataset_id: datasetId,
    version: input.version,
    parent_version_id: input.parentVersionId ?? null,
    source: input.source || null,
    collection_method: input.collectionMethod || null,
    licence: input.licence || null,
    consent_basis: input.consentBasis || null,
    personal_data: input.containsPersonalData ? 'yes' : 'no',
    preprocessing_json: JSON.stringify(input.preprocessingSteps ?? []),
    representativeness_notes: input.representativenessNotes || null,
    quality_checks_json: JSON.stringify(input.qualityChecks ?? []),
    created_at: at,
    created_by: actor.label,
  };
  await insertDatasetVersion(tx, row);
  const version = presentDatasetVersion(row);
  await appendTrailEvent(tx, deps, actor, { action: 'dataset_version.added', entityType: 'dataset_version', entityId: row.id, before: null, after: version });

  const systemIds = await systemsUsingDataset(tx, actor.organizationId, new Set(siblings.map((v) => v.id)));
  const trigger = {
    id: newId(now),
    organization_id: actor.organizationId,
    source_type: 'dataset_version',
    source_id: row.id,
    reason: `new version ${input.version} of dataset "${dataset.name}": review the risks of the systems trained on it`,
    system_ids_json: JSON.stringify(systemIds),
    created_at: at,
    resolved_at: null,
  };
  await insertReviewTrigger(tx, trigger);
  const reviewTrigger = presentReviewTrigger(trigger);
  await appendTrailEvent(tx, deps, actor, { action: 'dataset_version.review_needed', entityType: 'review_trigger', entityId: trigger.id, before: null, after: reviewTrigger });
  return { ...version, reviewTrigger };
}

/** Systems whose models have a version trained on one of the given dataset versions. */
async function systemsUsingDataset(tx: Conn, organizationId: string, datasetVersionIds: Set<string>): Promise<string[]> {
  const modelIds = new Set(
    (await listModelVersions(tx, organizationId)).filter((v) => fromJson<string[]>(v.dataset_version_ids_json).some((id) => datasetVersionIds.has(id))).map((v) => v.model_id),
  );
  return (await listAiSystems(tx, organizationId)).filter((s) => fromJson<string[]>(s.model_ids_json).some((id) => modelIds.has(id))).map((s) => s.id);
}
