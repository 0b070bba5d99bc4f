import type { ScoringMethodVersionOutput } from '../../contracts/risk.contracts.js';
import { nextReviewOn } from '../../domain/risk/risk-rules.js';
import { checkScores, scoreRisk, type ScoreInput } from '../../domain/risk/scoring-method.js';
import { AppError } from '../../domain/shared/app-error.js';
import type { Conn } from '../../storage/database.js';
import { listRisks, updateRisk } from '../../storage/repositories/risk.repository.js';
import type { RisksTable } from '../../storage/schema.js';
import { appendTrailEvent } from '../trail/append-trail-event.js';
import type { Actor, AppDeps } from '../shared/context.js';
import { riskRecordOf } from './risk-records.js';

/** Re-scores every open risk with a new method; a risk whose scores no longer fit the scale stops the change. */
export async function rescoreOpenRisks(tx: Conn, deps: Pick<AppDeps, 'clock'>, actor: Actor, method: ScoringMethodVersionOutput): Promise<number> {
  const open = (await listRisks(tx, actor.organizationId)).filter((r) => r.closed_at === null);
  const offScale = open.filter((r) => checkScores(method.method, inherentOf(r)).length > 0 || (r.residual_score !== null && checkScores(method.method, residualOf(r)).length > 0));
  if (offScale.length > 0) {
    throw new AppError('VALIDATION_FAILED', `method: ${offScale.length} open risk(s) have scores outside the new scales, e.g. "${offScale[0]!.title}"; reassess them first or widen the scales`, {
      fields: offScale.map((r) => ({ field: `risks.${r.id}`, reason: `scores ${r.likelihood}/${r.severity}/${r.stakeholder_impact} do not fit the new scales` })),
    });
  }
  for (const risk of open) {
    const before = await riskRecordOf(tx, risk);
    const inherent = scoreRisk(method.method, inherentOf(risk));
    const residual = risk.residual_score === null ? null : scoreRisk(method.method, residualOf(risk));
    const next: RisksTable = {
      ...risk,
      inherent_score: inherent.score,
      inherent_level: inherent.level,
      residual_score: residual?.score ?? null,
      residual_level: residual?.level ?? null,
      method_version: method.version,
      next_review_on: nextReviewOn(method.method, residual?.level ?? inherent.level, risk.assessed_at.slice(0, 10)),
      updated_at: deps.clock.now().toISOString(),
    };
    await updateRisk(tx, next);
    await appendTrailEvent(tx, deps, actor, { action: 'risk.rescored', entityType: 'risk', entityId: risk.id, before, after: await riskRecordOf(tx, next) });
  }
  return open.length;
}

export function inherentOf(r: RisksTable): ScoreInput {
  return { likelihood: Number(r.likelihood), severity: Number(r.severity), stakeholderImpact: Number(r.stakeholder_impact) };
}

export function residualOf(r: RisksTable): ScoreInput {
  return { likelihood: Number(r.residual_likelihood), severity: Number(r.residual_severity), stakeholderImpact: Number(r.residual_stakeholder_impact) };
}
