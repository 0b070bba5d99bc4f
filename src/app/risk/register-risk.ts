import type { RegisterRiskInput, RiskOutput } from '../../contracts/risk.contracts.js';
import { nextReviewOn } from '../../domain/risk/risk-rules.js';
import { scoreRisk } from '../../domain/risk/scoring-method.js';
import { AppError } from '../../domain/shared/app-error.js';
import { findAiSystem } from '../../storage/repositories/ai-system.repository.js';
import { insertRisk } from '../../storage/repositories/risk.repository.js';
import type { RisksTable } from '../../storage/schema.js';
import { inTransaction } from '../../storage/transaction.js';
import { appendTrailEvent } from '../trail/append-trail-event.js';
import { requirePermission } from '../shared/authorize.js';
import type { Actor, AppDeps } from '../shared/context.js';
import { newId } from '../shared/ids.js';
import { getRisk } from './get-risks.js';
import { assertApprovedImpactAssessment, assertMember, assertOnScale } from './risk-checks.js';
import { presentRiskRecord } from './risk-records.js';
import { currentScoringMethod } from './scoring-methods.js';

/** Registers an AI risk scored by the server with the organization's method (6.1.2). */
export async function registerRisk(deps: AppDeps, actor: Actor, input: RegisterRiskInput): Promise<RiskOutput> {
  requirePermission(actor, 'risk:write');
  const id = await inTransaction(deps.db, async (tx) => {
    const system = await findAiSystem(tx, actor.organizationId, input.systemId);
    if (!system) throw new AppError('NOT_FOUND', `systemId: no AI system ${input.systemId} in this organization`, { fields: [{ field: 'systemId', reason: 'not found in this organization' }] });
    await assertMember(tx, actor.organizationId, input.ownerUserId, 'ownerUserId');
    const { version, method } = await currentScoringMethod(tx, actor.organizationId);
    const scores = { likelihood: input.likelihood, severity: input.severity, stakeholderImpact: input.stakeholderImpact };
    assertOnScale(method, scores);
    await assertApprovedImpactAssessment(tx, actor.organizationId, system.id, system.name);
    const inherent = scoreRisk(method, scores);
    const now = deps.clock.now().toISOString();
    const row: RisksTable = {
      id: newId(),
      organization_id: actor.organizationId,
      system_id: system.id,
      title: input.title,
      description: input.description ?? null,
      source_type: input.sourceType,
      source_ref: input.sourceRef ?? null,
      owner_user_id: input.ownerUserId,
      likelihood: inherent.likelihood,
      severity: inherent.severity,
      stakeholder_impact: inherent.stakeholderImpact,
      inherent_score: inherent.score,
      inherent_level: inherent.level,
      treatment: null,
      treatment_plan: null,
      residual_likelihood: null,
      residual_severity: null,
      residual_stakeholder_impact: null,
      residual_score: null,
      residual_level: null,
      method_version: version,
      assessed_at: now,
      next_review_on: nextReviewOn(method, inherent.level, now.slice(0, 10)),
      closed_at: null,
      created_at: now,
      created_by: actor.label,
      updated_at: now,
    };
    await insertRisk(tx, row);
    await appendTrailEvent(tx, deps, actor, { action: 'risk.registered', entityType: 'risk', entityId: row.id, before: null, after: presentRiskRecord(row, []) });
    return row.id;
  });
  return getRisk(deps, actor, id);
}
