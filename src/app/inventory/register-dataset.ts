import type { ChangeDatasetInput, DatasetOutput, RegisterDatasetInput } from '../../contracts/inventory.contracts.js';
import { AppError } from '../../domain/shared/app-error.js';
import type { Conn } from '../../storage/database.js';
import { findDataset, findDatasetByName, insertDataset, updateDataset } from '../../storage/repositories/dataset.repository.js';
import { inTransaction } from '../../storage/transaction.js';
import { requirePermission } from '../shared/authorize.js';
import type { Actor, AppDeps } from '../shared/context.js';
import { newId } from '../shared/ids.js';
import { appendTrailEvent } from '../trail/append-trail-event.js';
import { ReferenceCheck } from './inventory-references.js';
import { presentDataset } from './inventory.presenters.js';

/** Records a dataset; its provenance is per version (ISO/IEC 42001 A.7.2). */
export async function registerDataset(deps: AppDeps, actor: Actor, input: RegisterDatasetInput): Promise<DatasetOutput> {
  requirePermission(actor, 'system:write');
  return inTransaction(deps.db, (tx) => registerDatasetIn(tx, deps, actor, input));
}

export async function registerDatasetIn(tx: Conn, deps: AppDeps, actor: Actor, input: RegisterDatasetInput): Promise<DatasetOutput> {
  await new ReferenceCheck(tx, actor.organizationId).supplier('supplierId', input.supplierId).done();
  if (await findDatasetByName(tx, actor.organizationId, input.name)) throw AppError.conflict('name', `a dataset named "${input.name}" is already recorded`);
  const now = deps.clock.now();
  const at = now.toISOString();
  const row = { id: newId(now), organization_id: actor.organizationId, name: input.name, description: input.description || null, supplier_id: input.supplierId ?? null, created_at: at, created_by: actor.label, updated_at: at };
  await insertDataset(tx, row);
  const dataset = presentDataset(row);
  await appendTrailEvent(tx, deps, actor, { action: 'dataset.registered', entityType: 'dataset', entityId: row.id, before: null, after: dataset });
  return dataset;
}

export async function changeDataset(deps: AppDeps, actor: Actor, id: string, input: ChangeDatasetInput): Promise<DatasetOutput> {
  requirePermission(actor, 'system:write');
  return inTransaction(deps.db, async (tx) => {
    const row = await findDataset(tx, actor.organizationId, id);
    if (!row) throw AppError.notFound('dataset', id);
    await new ReferenceCheck(tx, actor.organizationId).supplier('supplierId', input.supplierId).done();
    if (input.name !== undefined && input.name !== row.name && (await findDatasetByName(tx, actor.organizationId, input.name))) {
      throw AppError.conflict('name', `a dataset named "${input.name}" is already recorded`);
    }
    const before = presentDataset(row);
    await updateDataset(tx, actor.organizationId, id, {
      ...(input.name !== undefined ? { name: input.name } : {}),
      ...(input.description !== undefined ? { description: input.description || null } : {}),
      ...(input.supplierId !== undefined ? { supplier_id: input.supplierId } : {}),
      updated_at: deps.clock.now().toISOString(),
    });
    const after = presentDataset((await findDataset(tx, actor.organizationId, id))!);
    await appendTrailEvent(tx, deps, actor, { action: 'dataset.changed', entityType: 'dataset', entityId: id, before, after });
    return after;
  });
}
