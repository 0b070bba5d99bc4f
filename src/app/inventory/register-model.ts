import type { ChangeModelInput, ModelOutput, RegisterModelInput } from '../../contracts/inventory.contracts.js';
import { AppError } from '../../domain/shared/app-error.js';
import type { Conn } from '../../storage/database.js';
import { findModel, findModelByName, insertModel, updateModel } from '../../storage/repositories/model.repository.js';
import { inTransaction } from '../../storage/transaction.js';
import { requirePermission } from '../shared/authorize.js';
import type { Actor, AppDeps } from '../shared/context.js';
import { newId } from '../shared/ids.js';
import { appendTrailEvent } from '../trail/append-trail-event.js';
import { ReferenceCheck } from './inventory-references.js';
import { presentModel } from './inventory.presenters.js';

/** Records a model; its trained artifacts are versions (ISO/IEC 42001 A.6.2.3, A.6.2.7). */
export async function registerModel(deps: AppDeps, actor: Actor, input: RegisterModelInput): Promise<ModelOutput> {
  requirePermission(actor, 'system:write');
  return inTransaction(deps.db, (tx) => registerModelIn(tx, deps, actor, input));
}

export async function registerModelIn(tx: Conn, deps: AppDeps, actor: Actor, input: RegisterModelInput): Promise<ModelOutput> {
  await new ReferenceCheck(tx, actor.organizationId).supplier('supplierId', input.supplierId).done();
  if (await findModelByName(tx, actor.organizationId, input.name)) throw AppError.conflict('name', `a model named "${input.name}" is already recorded`);
  const now = deps.clock.now();
  const at = now.toISOString();
  const row = {
    id: newId(now),
    organization_id: actor.organizationId,
    name: input.name,
    description: input.description || null,
    supplier_id: input.supplierId ?? null,
    task: input.task || null,
    approach: input.approach ?? null,
    architecture_family: input.architectureFamily || null,
    model_architecture: input.modelArchitecture || null,
    inputs_json: JSON.stringify(input.inputs ?? []),
    outputs_json: JSON.stringify(input.outputs ?? []),
    created_at: at,
    created_by: actor.label,
    updated_at: at,
  };
  await insertModel(tx, row);
  const model = presentModel(row);
  await appendTrailEvent(tx, deps, actor, { action: 'model.registered', entityType: 'model', entityId: row.id, before: null, after: model });
  return model;
}

export async function changeModel(deps: AppDeps, actor: Actor, id: string, input: ChangeModelInput): Promise<ModelOutput> {
  requirePermission(actor, 'system:write');
  return inTransaction(deps.db, async (tx) => {
    const row = await findModel(tx, actor.organizationId, id);
    if (!row) throw AppError.notFound('model', id);
    await new ReferenceCheck(tx, actor.organizationId).supplier('supplierId', input.supplierId).done();
    if (input.name !== undefined && input.name !== row.name && (await findModelByName(tx, actor.organizationId, input.name))) {
      throw AppError.conflict('name', `a model named "${input.name}" is already recorded`);
    }
    const before = presentModel(row);
    const v = { ...before, ...Object.fromEntries(Object.entries(input).filter(([, value]) => value !== undefined)) } as typeof before;
    await updateModel(tx, actor.organizationId, id, {
      name: v.name,
      description: v.description || null,
      supplier_id: v.supplierId,
      task: v.task || null,
      approach: v.approach,
      architecture_family: v.architectureFamily || null,
      model_architecture: v.modelArchitecture || null,
      inputs_json: JSON.stringify(v.inputs),
      outputs_json: JSON.stringify(v.outputs),
      updated_at: deps.clock.now().toISOString(),
    });
    const after = presentModel((await findModel(tx, actor.organizationId, id))!);
    await appendTrailEvent(tx, deps, actor, { action: 'model.changed', entityType: 'model', entityId: id, before, after });
    return after;
  });
}
