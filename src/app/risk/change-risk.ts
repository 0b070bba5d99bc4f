import type { AcceptRiskInput, ReassessRiskInput, RiskOutput, TreatRiskInput } from '../../contracts/risk.contracts.js';
import { checkResidual, nextReviewOn } from '../../domain/risk/risk-rules.js';
import { needsAcceptance, scoreRisk, type RiskLevel } from '../../domain/risk/scoring-method.js';
import { AppError } from '../../domain/shared/app-error.js';
import type { Conn } from '../../storage/database.js';
import { findAiSystem } from '../../storage/repositories/ai-system.repository.js';
import { findRisk, insertRiskAcceptance, replaceRiskControls, updateRisk } from '../../storage/repositories/risk.repository.js';
import type { RiskAcceptancesTable, RisksTable } from '../../storage/schema.js';
import { inTransaction } from '../../storage/transaction.js';
import { appendTrailEvent } from '../trail/append-trail-event.js';
import { requirePermission } from '../shared/authorize.js';
import type { Actor, AppDeps } from '../shared/context.js';
import { newId } from '../shared/ids.js';
import { getRisk } from './get-risks.js';
import { assertApprovedImpactAssessment, assertControlsApplicable, assertOnScale, checkControlIds } from './risk-checks.js';
import { presentRiskAcceptance, riskRecordOf } from './risk-records.js';
import { currentScoringMethod } from './scoring-methods.js';

async function openRisk(tx: Conn, actor: Actor, id: string): Promise<RisksTable> {
  const risk = await findRisk(tx, actor.organizationId, id);
  if (!risk) throw AppError.notFound('risk', id);
  if (risk.closed_at) throw AppError.conflict('risk', `was closed on ${risk.closed_at.slice(0, 10)}`);
  return risk;
}

/** Writes the new row and its trail event; `change` runs between reading and writing. */
async function changeRisk(deps: AppDeps, actor: Actor, id: string, action: string, change: (tx: Conn, risk: RisksTable) => Promise<RisksTable>): Promise<RiskOutput> {
  await inTransaction(deps.db, async (tx) => {
    const risk = await openRisk(tx, actor, id);
    const before = await riskRecordOf(tx, risk);
    const saved = { ...(await change(tx, risk)), updated_at: deps.clock.now().toISOString() };
    await updateRisk(tx, saved);
    await appendTrailEvent(tx, deps, actor, { action, entityType: 'risk', entityId: id, before, after: await riskRecordOf(tx, saved) });
  });
  return getRisk(deps, actor, id);
}

/** A (re)assessment: new inherent scores, a fresh review date, and any triggered review answered. */
export async function reassessRisk(deps: AppDeps, actor: Actor, id: string, input: ReassessRiskInput): Promise<RiskOutput> {
  requirePermission(actor, 'risk:write');
  return changeRisk(deps, actor, id, 'risk.reassessed', async (tx, risk) => {
    const { version, method } = await currentScoringMethod(tx, actor.organizationId);
    const scores = { likelihood: input.likelihood, severity: input.severity, stakeholderImpact: input.stakeholderImpact };
    assertOnScale(method, scores);
    const system = (await findAiSystem(tx, actor.organizationId, risk.system_id))!;
    await assertApprovedImpactAssessment(tx, actor.organizationId, system.id, system.name);
    const inherent = scoreRisk(method, scores);
    if (risk.residual_score !== null && risk.residual_score > inherent.score) {
      throw AppError.invalidField('likelihood', `the new inherent score ${inherent.score} is below the residual score ${risk.residual_score}; treat the risk again first`);
    }
    const now = deps.clock.now().toISOString();
    return {
      ...risk,
      likelihood: inherent.likelihood,
      severity: inherent.severity,
      stakeholder_impact: inherent.stakeholderImpact,
      inherent_score: inherent.score,
      inherent_level: inherent.level,
      method_version: version,
      assessed_at: now,
      next_review_on: nextReviewOn(method, (risk.residual_level as RiskLevel | null) ?? inherent.level, now.slice(0, 10)),
    };
  });
}

/**
 * Decides the treatment (6.1.3): the option, the Annex A controls it relies on, and the residual
 * scores the server turns into the residual level.
 */
export async function treatRisk(deps: AppDeps, actor: Actor, id: string, input: TreatRiskInput): Promise<RiskOutput> {
  requirePermission(actor, 'risk:write');
  const controlIds = checkControlIds(input.controlIds);
  return changeRisk(deps, actor, id, 'risk.treated', async (tx, risk) => {
    const { method } = await currentScoringMethod(tx, actor.organizationId);
    const scores = { likelihood: input.residual.likelihood, severity: input.residual.severity, stakeholderImpact: input.residual.stakeholderImpact };
    assertOnScale(method, scores, 'residual.');
    const residual = scoreRisk(method, scores);
    const tooHigh = checkResidual(Number(risk.inherent_score), residual.score);
    if (tooHigh) throw AppError.invalidField('residual', tooHigh);
    if (input.treatment === 'accept' && residual.score !== Number(risk.inherent_score)) {
      throw AppError.invalidField('residual', `accepting a risk does not reduce it: the residual score must stay the inherent ${risk.inherent_score}`);
    }
    if (input.treatment === 'mitigate' && controlIds.length === 0) throw AppError.invalidField('controlIds', 'mitigation relies on at least one Annex A control; link it');
    await assertControlsApplicable(tx, actor.organizationId, input.controlIds);
    await replaceRiskControls(tx, actor.organizationId, id, controlIds);
    return {
      ...risk,
      treatment: input.treatment,
      treatment_plan: input.plan ?? null,
      residual_likelihood: residual.likelihood,
      residual_severity: residual.severity,
      residual_stakeholder_impact: residual.stakeholderImpact,
      residual_score: residual.score,
      residual_level: residual.level,
      next_review_on: nextReviewOn(method, residual.level, risk.assessed_at.slice(0, 10)),
    };
  });
}

export async function closeRisk(deps: AppDeps, actor: Actor, id: string, reason: string): Promise<RiskOutput> {
  requirePermission(actor, 'risk:write');
  return changeRisk(deps, actor, id, 'risk.closed', async (_tx, risk) => ({
    ...risk,
    closed_at: deps.clock.now().toISOString(),
    treatment_plan: [risk.treatment_plan, `Closed: ${reason}`].filter(Boolean).join('\n'),
  }));
}

const MAX_ACCEPTANCE_DAYS = 3 * 366;

/**
 * An approver signs off residual risk above the appetite (6.1.3, 8.3): dated, justified and
 * expiring; never the risk owner (segregation of duties).
 */
export async function acceptRisk(deps: AppDeps, actor: Actor, id: string, input: AcceptRiskInput): Promise<RiskOutput> {
  requirePermission(actor, 'risk:accept');
  await inTransaction(deps.db, async (tx) => {
    const risk = await openRisk(tx, actor, id);
    if (risk.owner_user_id === actor.userId) {
      throw new AppError('FORBIDDEN', 'segregation of duties: you own this risk, so another approver must accept it', { fields: [{ field: 'riskId', reason: 'you are its owner' }] });
    }
    const { method } = await currentScoringMethod(tx, actor.organizationId);
    if (!risk.residual_level) throw new AppError('PRECONDITION_FAILED', 'risk: decide a treatment and its residual scores before accepting the residual risk', { fields: [{ field: 'residual', reason: 'not assessed yet' }] });
    if (!needsAcceptance(method, risk.residual_level as RiskLevel)) {
      throw AppError.conflict('residual', `level ${risk.residual_level} is within the appetite (${method.appetite}); no acceptance is needed`);
    }
    const today = deps.clock.now().toISOString().slice(0, 10);
    const latest = new Date(`${today}T00:00:00Z`);
    latest.setUTCDate(latest.getUTCDate() + MAX_ACCEPTANCE_DAYS);
    if (input.expiresOn <= today) throw AppError.invalidField('expiresOn', 'must be after today');
    if (input.expiresOn > latest.toISOString().slice(0, 10)) throw AppError.invalidField('expiresOn', 'must be at most three years ahead');
    const row: RiskAcceptancesTable = {
      id: newId(),
      organization_id: actor.organizationId,
      risk_id: id,
      residual_level: risk.residual_level,
      justification: input.justification,
      expires_on: input.expiresOn,
      accepted_at: deps.clock.now().toISOString(),
      accepted_by: actor.label,
      accepted_by_user_id: actor.userId,
    };
    await insertRiskAcceptance(tx, row);
    await appendTrailEvent(tx, deps, actor, { action: 'risk.accepted', entityType: 'risk_acceptance', entityId: row.id, before: null, after: presentRiskAcceptance(row) });
  });
  return getRisk(deps, actor, id);
}
