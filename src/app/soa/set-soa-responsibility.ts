import type { SetResponsibilityInput, SoaResponsibilityRecordOutput } from '../../contracts/soa.contracts.js';
import { findAnnexAControl } from '../../domain/catalog/index.js';
import { AppError } from '../../domain/shared/app-error.js';
import { deleteSoaResponsibility, findSoaResponsibility, saveSoaResponsibility } from '../../storage/repositories/soa.repository.js';
import { findSupplier } from '../../storage/repositories/supplier.repository.js';
import type { SoaResponsibilitiesTable } from '../../storage/schema.js';
import { inTransaction } from '../../storage/transaction.js';
import { appendTrailEvent } from '../trail/append-trail-event.js';
import { requirePermission } from '../shared/authorize.js';
import type { Actor, AppDeps } from '../shared/context.js';
import { unknownControl } from './get-soa.js';
import { ensureDraft } from './soa-drafts.js';
import { presentSoaResponsibility } from './soa.presenter.js';

/**
 * Records who holds a control for a supplier or third-party model (A.10.3). A control the
 * supplier holds, alone or shared, needs the contract that says so; its proof is supplier
 * evidence linked to both the supplier and the control, and the control's status depends on it.
 */
export async function setSoaResponsibility(deps: AppDeps, actor: Actor, controlId: string, supplierId: string, input: SetResponsibilityInput): Promise<SoaResponsibilityRecordOutput> {
  requirePermission(actor, 'soa:write');
  if (!findAnnexAControl(controlId)) throw unknownControl(controlId);
  return inTransaction(deps.db, async (tx) => {
    const supplier = await findSupplier(tx, actor.organizationId, supplierId);
    if (!supplier) throw AppError.notFound('supplier', supplierId);
    const contractReference = input.contractReference ?? (input.holder === 'ours' ? null : supplier.contract_reference);
    if (input.holder !== 'ours' && !contractReference) {
      throw AppError.invalidField('contractReference', `is required when the supplier holds the control (${supplier.name} has no contract reference on record)`);
    }
    const existing = await findSoaResponsibility(tx, actor.organizationId, controlId, supplierId);
    const row: SoaResponsibilitiesTable = {
      organization_id: actor.organizationId,
      control_id: controlId,
      supplier_id: supplierId,
      holder: input.holder,
      contract_reference: contractReference,
      updated_at: deps.clock.now().toISOString(),
      updated_by: actor.label,
    };
    await ensureDraft(tx, deps, actor);
    await saveSoaResponsibility(tx, row, existing !== undefined);
    const after = presentSoaResponsibility(row);
    await appendTrailEvent(tx, deps, actor, { action: 'soa_responsibility.set', entityType: 'soa_responsibility', entityId: responsibilityId(controlId, supplierId), before: existing ? presentSoaResponsibility(existing) : null, after });
    return after;
  });
}

export async function removeSoaResponsibility(deps: AppDeps, actor: Actor, controlId: string, supplierId: string): Promise<void> {
  requirePermission(actor, 'soa:write');
  if (!findAnnexAControl(controlId)) throw unknownControl(controlId);
  await inTransaction(deps.db, async (tx) => {
    const existing = await findSoaResponsibility(tx, actor.organizationId, controlId, supplierId);
    if (!existing) throw AppError.notFound('responsibility', `${controlId} for supplier ${supplierId}`);
    await ensureDraft(tx, deps, actor);
    await deleteSoaResponsibility(tx, actor.organizationId, controlId, supplierId);
    await appendTrailEvent(tx, deps, actor, { action: 'soa_responsibility.removed', entityType: 'soa_responsibility', entityId: responsibilityId(controlId, supplierId), before: presentSoaResponsibility(existing), after: null });
  });
}

export function responsibilityId(controlId: string, supplierId: string): string {
  return `${controlId}:${supplierId}`;
}
