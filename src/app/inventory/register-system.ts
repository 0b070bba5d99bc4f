import type { RegisterSystemInput, SystemOutput } from '../../contracts/inventory.contracts.js';
import { AppError } from '../../domain/shared/app-error.js';
import type { Conn } from '../../storage/database.js';
import { findAiSystem, findAiSystemByName, insertAiSystem } from '../../storage/repositories/ai-system.repository.js';
import { inTransaction } from '../../storage/transaction.js';
import { requirePermission } from '../shared/authorize.js';
import type { Actor, AppDeps } from '../shared/context.js';
import { newId } from '../shared/ids.js';
import { appendTrailEvent } from '../trail/append-trail-event.js';
import { ReferenceCheck } from './inventory-references.js';
import { presentSystem } from './inventory.presenters.js';
import { systemColumns } from './system-columns.js';

/** Adds an AI system to the inventory (ISO/IEC 42001 A.4.2–A.4.5, A.6.2.2). */
export async function registerSystem(deps: AppDeps, actor: Actor, input: RegisterSystemInput): Promise<SystemOutput> {
  requirePermission(actor, 'system:write');
  return inTransaction(deps.db, (tx) => registerSystemIn(tx, deps, actor, input));
}

/** The same, inside a transaction the caller holds (imports write many systems at once). */
export async function registerSystemIn(tx: Conn, deps: AppDeps, actor: Actor, input: RegisterSystemInput): Promise<SystemOutput> {
  const ownerUserId = input.ownerUserId ?? actor.userId;
  if (!ownerUserId) throw AppError.invalidField('ownerUserId', 'is required: this caller is not a person');
  await new ReferenceCheck(tx, actor.organizationId).member('ownerUserId', ownerUserId).models('modelIds', input.modelIds).done();
  if (await findAiSystemByName(tx, actor.organizationId, input.name)) throw AppError.conflict('name', `an AI system named "${input.name}" is already in the inventory`);
  const now = deps.clock.now();
  const at = now.toISOString();
  const id = newId(now);
  await insertAiSystem(tx, {
    id,
    organization_id: actor.organizationId,
    ...systemColumns({
      name: input.name,
      purpose: input.purpose,
      intendedUse: input.intendedUse ?? null,
      foreseeableMisuse: input.foreseeableMisuse ?? null,
      businessObjectives: input.businessObjectives ?? null,
      successMetrics: input.successMetrics ?? [],
      ownerUserId,
      businessUnit: input.businessUnit ?? null,
      regions: input.regions ?? [],
      organizationRoles: input.organizationRoles,
      affectedStakeholders: input.affectedStakeholders ?? [],
      decisionsAndOutputs: input.decisionsAndOutputs ?? null,
      autonomyLevel: input.autonomyLevel ?? 'not_assessed',
      humanOversight: input.humanOversight ?? 'not_assessed',
      regulatoryExposure: input.regulatoryExposure ?? [],
      inAimsScope: input.inAimsScope ?? true,
      impactOnPeople: input.impactOnPeople ?? null,
      safetyImpact: input.safetyImpact ?? null,
      peopleAffected: input.peopleAffected ?? null,
      decisionsPerMonth: input.decisionsPerMonth ?? null,
      modelIds: input.modelIds ?? [],
    }),
    lifecycle_stage: input.lifecycleStage ?? 'planning',
    stage_reason: null,
    stage_changed_at: at,
    wave_override: null,
    wave_override_reason: null,
    wave_override_by: null,
    wave_override_at: null,
    created_at: at,
    created_by: actor.label,
    updated_at: at,
  });
  const system = presentSystem((await findAiSystem(tx, actor.organizationId, id))!);
  await appendTrailEvent(tx, deps, actor, { action: 'ai_system.registered', entityType: 'ai_system', entityId: id, before: null, after: system });
  return system;
}
