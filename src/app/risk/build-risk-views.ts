import type { RiskOutput, ScoringMethodVersionOutput } from '../../contracts/risk.contracts.js';
import { deriveRiskState } from '../../domain/risk/risk-rules.js';
import type { RiskLevel } from '../../domain/risk/scoring-method.js';
import type { Conn } from '../../storage/database.js';
import { listAiSystems } from '../../storage/repositories/ai-system.repository.js';
import { listReviewTriggers } from '../../storage/repositories/inventory-settings.repository.js';
import { listRiskAcceptances, listRiskControls, listRisks } from '../../storage/repositories/risk.repository.js';
import { listMembers } from '../../storage/repositories/user.repository.js';
import { currentScoringMethod } from './scoring-methods.js';
import { buildLiveSoaDocument } from '../soa/build-soa-document.js';
import { reviewReasonsFor } from './review-reasons.js';
import { presentRiskAcceptance, presentRiskRecord } from './risk-records.js';

const ALL = 1_000_000_000;

/** Every risk of the organization with its derived status, flags and acceptance in force, as of `now`. */
export async function buildRiskViews(conn: Conn, organizationId: string, now: Date): Promise<{ method: ScoringMethodVersionOutput; risks: RiskOutput[] }> {
  const [method, risks, links, acceptances, systems, members, triggers] = await Promise.all([
    currentScoringMethod(conn, organizationId),
    listRisks(conn, organizationId),
    listRiskControls(conn, organizationId),
    listRiskAcceptances(conn, organizationId),
    listAiSystems(conn, organizationId),
    listMembers(conn, organizationId, undefined, ALL),
    listReviewTriggers(conn, organizationId, {}, undefined, ALL),
  ]);
  const today = now.toISOString().slice(0, 10);
  const soa = await buildLiveSoaDocument(conn, organizationId, now, { number: 0, state: 'draft', issuedAt: null, issuedBy: null, issueNote: null });
  const implemented = new Set(soa.controls.filter((c) => c.status === 'implemented').map((c) => c.controlId));
  const systemName = new Map(systems.map((s) => [s.id, s.name]));
  const memberName = new Map(members.map((m) => [m.id, m.display_name]));
  const views = risks.map((row): RiskOutput => {
    const record = presentRiskRecord(row, links.filter((l) => l.risk_id === row.id).map((l) => l.control_id));
    // The latest acceptance is the one that may be in force; older ones are history.
    const history = acceptances.filter((a) => a.risk_id === row.id).sort((a, b) => b.accepted_at.localeCompare(a.accepted_at));
    const acceptance = history[0];
    const state = deriveRiskState(method.method, {
      inherentLevel: record.inherent.level,
      inherentScore: record.inherent.score,
      treatment: record.treatment,
      controlIds: record.controlIds,
      controlsNotImplemented: record.controlIds.filter((id) => !implemented.has(id)),
      residualLevel: record.residual?.level ?? null,
      residualScore: record.residual?.score ?? null,
      acceptance: acceptance && acceptance.accepted_at > row.assessed_at ? { residualLevel: acceptance.residual_level as RiskLevel, expiresOn: acceptance.expires_on } : null,
      closedAt: row.closed_at,
      nextReviewOn: row.next_review_on,
      reviewReasons: reviewReasonsFor(triggers, row.system_id, row.assessed_at),
      today,
    });
    return {
      ...record,
      systemName: systemName.get(row.system_id) ?? row.system_id,
      ownerName: memberName.get(row.owner_user_id) ?? null,
      status: state.status,
      statusReasons: state.reasons,
      flags: state.flags,
      acceptance: acceptance ? presentRiskAcceptance(acceptance) : null,
      acceptanceHistory: history.map(presentRiskAcceptance),
    };
  });
  return { method, risks: views };
}
