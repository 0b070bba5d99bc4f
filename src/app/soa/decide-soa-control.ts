import type { DecideControlInput, SoaControlDecisionOutput } from '../../contracts/soa.contracts.js';
import { findAnnexAControl } from '../../domain/catalog/index.js';
import { checkControlDecision } from '../../domain/soa/soa-rules.js';
import type { Applicability } from '../../domain/soa/soa-document.js';
import { AppError } from '../../domain/shared/app-error.js';
import type { Conn } from '../../storage/database.js';
import { findSoaControl, insertSoaControl, updateSoaControl } from '../../storage/repositories/soa.repository.js';
import { findMember } from '../../storage/repositories/user.repository.js';
import type { SoaControlsTable } from '../../storage/schema.js';
import { inTransaction } from '../../storage/transaction.js';
import { appendTrailEvent } from '../trail/append-trail-event.js';
import { requirePermission } from '../shared/authorize.js';
import type { Actor, AppDeps } from '../shared/context.js';
import { unknownControl } from './get-soa.js';
import { ensureDraft } from './soa-drafts.js';
import { presentSoaDecision } from './soa.presenter.js';

/** Tailors one Annex A control: applicability with its justification, owner and plan (ISO/IEC 42001 6.1.3). */
export async function decideSoaControl(deps: AppDeps, actor: Actor, controlId: string, input: DecideControlInput): Promise<SoaControlDecisionOutput> {
  requirePermission(actor, 'soa:write');
  if (!findAnnexAControl(controlId)) throw unknownControl(controlId);
  return inTransaction(deps.db, async (tx) => (await applyControlDecision(tx, deps, actor, controlId, input)).decision);
}

/**
 * Applies a decision inside the caller's transaction (the CSV import applies many in one). A
 * decision that changes nothing writes nothing, not even an event, and says so.
 */
export async function applyControlDecision(
  tx: Conn,
  deps: AppDeps,
  actor: Actor,
  controlId: string,
  input: DecideControlInput,
): Promise<{ decision: SoaControlDecisionOutput; changed: boolean }> {
  const existing = await findSoaControl(tx, actor.organizationId, controlId);
  if (input.ownerUserId && !(await findMember(tx, actor.organizationId, input.ownerUserId))) {
    throw new AppError('VALIDATION_FAILED', `ownerUserId: ${input.ownerUserId} is not a member of this organization`, { fields: [{ field: 'ownerUserId', reason: 'is not a member of this organization' }] });
  }
  const next: SoaControlsTable = {
    organization_id: actor.organizationId,
    control_id: controlId,
    applicability: input.applicability ?? existing?.applicability ?? 'undecided',
    justification: input.justification === undefined ? (existing?.justification ?? null) : input.justification,
    owner_user_id: input.ownerUserId === undefined ? (existing?.owner_user_id ?? null) : input.ownerUserId,
    implementation_plan: input.implementationPlan === undefined ? (existing?.implementation_plan ?? null) : input.implementationPlan,
    updated_at: deps.clock.now().toISOString(),
    updated_by: actor.label,
  };
  const violations = checkControlDecision({ applicability: next.applicability as Applicability, justification: next.justification });
  if (violations.length > 0) throw new AppError('VALIDATION_FAILED', violations.map((v) => `${v.field}: ${v.reason}`).join('; '), { fields: violations });

  const before = existing ? presentSoaDecision(existing) : null;
  if (before && sameDecision(existing!, next)) return { decision: before, changed: false };
  await ensureDraft(tx, deps, actor);
  await (existing ? updateSoaControl(tx, next) : insertSoaControl(tx, next));
  const after = presentSoaDecision(next);
  await appendTrailEvent(tx, deps, actor, { action: 'soa_control.decided', entityType: 'soa_control', entityId: controlId, before, after });
  return { decision: after, changed: true };
}

function sameDecision(a: SoaControlsTable, b: SoaControlsTable): boolean {
  return a.applicability === b.applicability && a.justification === b.justification && a.owner_user_id === b.owner_user_id && a.implementation_plan === b.implementation_plan;
}
