import type { ChangeSupplierInput, RegisterSupplierInput, SupplierOutput } from '../../contracts/inventory.contracts.js';
import { AppError } from '../../domain/shared/app-error.js';
import type { Conn } from '../../storage/database.js';
import { findSupplier, findSupplierByName, insertSupplier, updateSupplier } from '../../storage/repositories/supplier.repository.js';
import { inTransaction } from '../../storage/transaction.js';
import { requirePermission } from '../shared/authorize.js';
import type { Actor, AppDeps } from '../shared/context.js';
import { newId } from '../shared/ids.js';
import { appendTrailEvent } from '../trail/append-trail-event.js';
import { ReferenceCheck } from './inventory-references.js';
import { presentSupplier } from './inventory.presenters.js';

/** Records a supplier of third-party components: what it supplies, under which contract, to which systems (ISO/IEC 42001 A.10.3). */
export async function registerSupplier(deps: AppDeps, actor: Actor, input: RegisterSupplierInput): Promise<SupplierOutput> {
  requirePermission(actor, 'system:write');
  return inTransaction(deps.db, (tx) => registerSupplierIn(tx, deps, actor, input));
}

export async function registerSupplierIn(tx: Conn, deps: AppDeps, actor: Actor, input: RegisterSupplierInput): Promise<SupplierOutput> {
  await new ReferenceCheck(tx, actor.organizationId).systems('systemIds', input.systemIds).done();
  if (await findSupplierByName(tx, actor.organizationId, input.name)) throw AppError.conflict('name', `a supplier named "${input.name}" is already recorded`);
  const now = deps.clock.now();
  const at = now.toISOString();
  const row = {
    id: newId(now),
    organization_id: actor.organizationId,
    name: input.name,
    kind: input.kind,
    contract_reference: input.contractReference || null,
    components_json: JSON.stringify(input.components ?? []),
    system_ids_json: JSON.stringify(input.systemIds ?? []),
    created_at: at,
    created_by: actor.label,
    updated_at: at,
  };
  await insertSupplier(tx, row);
  const supplier = presentSupplier(row);
  await appendTrailEvent(tx, deps, actor, { action: 'supplier.registered', entityType: 'supplier', entityId: row.id, before: null, after: supplier });
  return supplier;
}

export async function changeSupplier(deps: AppDeps, actor: Actor, id: string, input: ChangeSupplierInput): Promise<SupplierOutput> {
  requirePermission(actor, 'system:write');
  return inTransaction(deps.db, (tx) => changeSupplierIn(tx, deps, actor, id, input));
}

export async function changeSupplierIn(tx: Conn, deps: AppDeps, actor: Actor, id: string, input: ChangeSupplierInput): Promise<SupplierOutput> {
  const row = await findSupplier(tx, actor.organizationId, id);
  if (!row) throw AppError.notFound('supplier', id);
  await new ReferenceCheck(tx, actor.organizationId).systems('systemIds', input.systemIds).done();
  if (input.name !== undefined && input.name !== row.name && (await findSupplierByName(tx, actor.organizationId, input.name))) {
    throw AppError.conflict('name', `a supplier named "${input.name}" is already recorded`);
  }
  const before = presentSupplier(row);
  await updateSupplier(tx, actor.organizationId, id, {
    ...(input.name !== undefined ? { name: input.name } : {}),
    ...(input.kind !== undefined ? { kind: input.kind } : {}),
    ...(input.contractReference !== undefined ? { contract_reference: input.contractReference || null } : {}),
    ...(input.components !== undefined ? { components_json: JSON.stringify(input.components) } : {}),
    ...(input.systemIds !== undefined ? { system_ids_json: JSON.stringify(input.systemIds) } : {}),
    updated_at: deps.clock.now().toISOString(),
  });
  const after = presentSupplier((await findSupplier(tx, actor.organizationId, id))!);
  await appendTrailEvent(tx, deps, actor, { action: 'supplier.changed', entityType: 'supplier', entityId: id, before, after });
  return after;
}
