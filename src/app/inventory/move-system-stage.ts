import type { MoveStageInput, SystemOutput } from '../../contracts/inventory.contracts.js';
import type { LifecycleStage } from '../../domain/inventory/inventory-terms.js';
import { checkStageMove } from '../../domain/inventory/lifecycle.js';
import { AppError } from '../../domain/shared/app-error.js';
import { findAiSystem, updateAiSystem } from '../../storage/repositories/ai-system.repository.js';
import { inTransaction } from '../../storage/transaction.js';
import { requirePermission } from '../shared/authorize.js';
import type { Actor, AppDeps } from '../shared/context.js';
import { appendTrailEvent } from '../trail/append-trail-event.js';
import { presentSystem } from './inventory.presenters.js';

/** Moves a system through its lifecycle under the rules of domain/inventory/lifecycle.ts. */
export async function moveSystemStage(deps: AppDeps, actor: Actor, id: string, input: MoveStageInput): Promise<SystemOutput> {
  requirePermission(actor, 'system:write');
  return inTransaction(deps.db, async (tx) => {
    const row = await findAiSystem(tx, actor.organizationId, id);
    if (!row) throw AppError.notFound('AI system', id);
    const reason = checkStageMove({ from: row.lifecycle_stage as LifecycleStage, to: input.stage, reason: input.reason });
    const at = deps.clock.now().toISOString();
    await updateAiSystem(tx, actor.organizationId, id, { lifecycle_stage: input.stage, stage_reason: reason, stage_changed_at: at, updated_at: at });
    const before = presentSystem(row);
    const after = presentSystem((await findAiSystem(tx, actor.organizationId, id))!);
    await appendTrailEvent(tx, deps, actor, { action: 'ai_system.stage_changed', entityType: 'ai_system', entityId: id, before, after });
    return after;
  });
}
