import type { SupplierOutput } from '../../contracts/inventory.contracts.js';
import { AppError } from '../../domain/shared/app-error.js';
import { findSupplier, listSuppliers } from '../../storage/repositories/supplier.repository.js';
import { requirePermission } from '../shared/authorize.js';
import type { Actor, AppDeps } from '../shared/context.js';
import { presentSupplier } from './inventory.presenters.js';

/** Suppliers by name. */
export async function listInventorySuppliers(deps: AppDeps, actor: Actor): Promise<{ items: SupplierOutput[] }> {
  requirePermission(actor, 'system:read');
  const rows = await listSuppliers(deps.db, actor.organizationId);
  return { items: rows.map(presentSupplier).sort((a, b) => a.name.localeCompare(b.name)) };
}

export async function getSupplier(deps: AppDeps, actor: Actor, id: string): Promise<SupplierOutput> {
  requirePermission(actor, 'system:read');
  const row = await findSupplier(deps.db, actor.organizationId, id);
  if (!row) throw AppError.notFound('supplier', id);
  return presentSupplier(row);
}
