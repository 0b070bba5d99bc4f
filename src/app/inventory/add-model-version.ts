import type { AddModelVersionInput, ModelVersionOutput } from '../../contracts/inventory.contracts.js';
import { AppError } from '../../domain/shared/app-error.js';
import type { Conn } from '../../storage/database.js';
import { findModel, insertModelVersion, listModelVersions } from '../../storage/repositories/model.repository.js';
import { inTransaction } from '../../storage/transaction.js';
import { requirePermission } from '../shared/authorize.js';
import type { Actor, AppDeps } from '../shared/context.js';
import { newId } from '../shared/ids.js';
import { appendTrailEvent } from '../trail/append-trail-event.js';
import { ReferenceCheck } from './inventory-references.js';
import { presentModelVersion } from './inventory.presenters.js';

/** Records a trained version of a model. Versions are never edited: a retrained model is a new version. */
export async function addModelVersion(deps: AppDeps, actor: Actor, modelId: string, input: AddModelVersionInput): Promise<ModelVersionOutput> {
  requirePermission(actor, 'system:write');
  return inTransaction(deps.db, (tx) => addModelVersionIn(tx, deps, actor, modelId, input));
}

export async function addModelVersionIn(tx: Conn, deps: AppDeps, actor: Actor, modelId: string, input: AddModelVersionInput): Promise<ModelVersionOutput> {
  if (!(await findModel(tx, actor.organizationId, modelId))) throw AppError.notFound('model', modelId);
  await new ReferenceCheck(tx, actor.organizationId).datasetVersions('datasetVersionIds', input.datasetVersionIds).done();
  if ((await listModelVersions(tx, actor.organizationId, modelId)).some((v) => v.version === input.version)) {
    throw AppError.conflict('version', `this model already has a version ${input.version}`);
  }
  const now = deps.clock.now();
  const row = {
    id: newId(now),
    organization_id: actor.organizationId,
    model_id: modelId,
    version: input.version,
    artifact_digest: input.artifactDigest ?? null,
    training_date: input.trainingDate ?? null,
    dataset_version_ids_json: JSON.stringify(input.datasetVersionIds ?? []),
    hyperparameters_json: JSON.stringify(input.hyperparameters ?? {}),
    metrics_json: JSON.stringify(input.metrics ?? []),
    limitations_json: JSON.stringify(input.limitations ?? []),
    created_at: now.toISOString(),
    created_by: actor.label,
  };
  await insertModelVersion(tx, row);
  const version = presentModelVersion(row);
  await appendTrailEvent(tx, deps, actor, { action: 'model_version.added', entityType: 'model_version', entityId: row.id, before: null, after: version });
  return version;
}
