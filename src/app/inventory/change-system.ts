import type { ChangeSystemInput, SystemOutput } from '../../contracts/inventory.contracts.js';
import { AppError } from '../../domain/shared/app-error.js';
import type { Conn } from '../../storage/database.js';
import { findAiSystem, findAiSystemByName, updateAiSystem } from '../../storage/repositories/ai-system.repository.js';
import { inTransaction } from '../../storage/transaction.js';
import { requirePermission } from '../shared/authorize.js';
import type { Actor, AppDeps } from '../shared/context.js';
import { appendTrailEvent } from '../trail/append-trail-event.js';
import { ReferenceCheck } from './inventory-references.js';
import { presentSystem } from './inventory.presenters.js';
import { systemColumns } from './system-columns.js';

/** Changes a system's description; the stage and the wave have their own, reasoned moves. */
export async function changeSystem(deps: AppDeps, actor: Actor, id: string, input: ChangeSystemInput): Promise<SystemOutput> {
  requirePermission(actor, 'system:write');
  return inTransaction(deps.db, (tx) => changeSystemIn(tx, deps, actor, id, input));
}

/** The same, inside a transaction the caller holds. */
export async function changeSystemIn(tx: Conn, deps: AppDeps, actor: Actor, id: string, input: ChangeSystemInput): Promise<SystemOutput> {
  const row = await findAiSystem(tx, actor.organizationId, id);
  if (!row) throw AppError.notFound('AI system', id);
  await new ReferenceCheck(tx, actor.organizationId).member('ownerUserId', input.ownerUserId).models('modelIds', input.modelIds).done();
  if (input.name !== undefined && input.name !== row.name && (await findAiSystemByName(tx, actor.organizationId, input.name))) {
    throw AppError.conflict('name', `an AI system named "${input.name}" is already in the inventory`);
  }
  const before = presentSystem(row);
  const defined = Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined));
  await updateAiSystem(tx, actor.organizationId, id, { ...systemColumns({ ...before, ...defined }), updated_at: deps.clock.now().toISOString() });
  const after = presentSystem((await findAiSystem(tx, actor.organizationId, id))!);
  await appendTrailEvent(tx, deps, actor, { action: 'ai_system.changed', entityType: 'ai_system', entityId: id, before, after });
  return after;
}
