import type { z } from 'zod';
import type { ModelDetailSchema, ModelOutput } from '../../contracts/inventory.contracts.js';
import { AppError } from '../../domain/shared/app-error.js';
import { listAiSystems } from '../../storage/repositories/ai-system.repository.js';
import { findModel, listModelVersions, listModels } from '../../storage/repositories/model.repository.js';
import { requirePermission } from '../shared/authorize.js';
import type { Actor, AppDeps } from '../shared/context.js';
import { fromJson, presentModel, presentModelVersion } from './inventory.presenters.js';

export async function listInventoryModels(deps: AppDeps, actor: Actor): Promise<{ items: ModelOutput[] }> {
  requirePermission(actor, 'system:read');
  return { items: (await listModels(deps.db, actor.organizationId)).map(presentModel).sort((a, b) => a.name.localeCompare(b.name)) };
}

/** A model with its versions (oldest first) and the systems that use it. */
export async function getModel(deps: AppDeps, actor: Actor, id: string): Promise<z.infer<typeof ModelDetailSchema>> {
  requirePermission(actor, 'system:read');
  const row = await findModel(deps.db, actor.organizationId, id);
  if (!row) throw AppError.notFound('model', id);
  const versions = await listModelVersions(deps.db, actor.organizationId, id);
  const systems = (await listAiSystems(deps.db, actor.organizationId)).filter((s) => fromJson<string[]>(s.model_ids_json).includes(id));
  return { ...presentModel(row), versions: versions.map(presentModelVersion), systemIds: systems.map((s) => s.id) };
}
