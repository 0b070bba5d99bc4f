import type { RiskListQuery, RiskOutput } from '../../contracts/risk.contracts.js';
import { levelOf, type RiskLevel } from '../../domain/risk/scoring-method.js';
import { AppError } from '../../domain/shared/app-error.js';
import { requirePermission } from '../shared/authorize.js';
import type { Actor, AppDeps } from '../shared/context.js';
import { buildRiskViews } from './build-risk-views.js';

/** The register, highest residual (else inherent) score first, filtered as asked. */
export async function listRisksOf(deps: AppDeps, actor: Actor, query: RiskListQuery = {}): Promise<RiskOutput[]> {
  requirePermission(actor, 'risk:read');
  const { risks } = await buildRiskViews(deps.db, actor.organizationId, deps.clock.now());
  const current = (r: RiskOutput) => r.residual ?? r.inherent;
  return risks
    .filter(
      (r) =>
        (!query.systemId || r.systemId === query.systemId) &&
        (!query.level || current(r).level === query.level) &&
        (!query.ownerUserId || r.ownerUserId === query.ownerUserId) &&
        (!query.status || r.status === query.status) &&
        (!query.controlId || r.controlIds.includes(query.controlId)),
    )
    .sort((a, b) => current(b).score - current(a).score || a.title.localeCompare(b.title));
}

export async function getRisk(deps: AppDeps, actor: Actor, id: string): Promise<RiskOutput> {
  requirePermission(actor, 'risk:read');
  const { risks } = await buildRiskViews(deps.db, actor.organizationId, deps.clock.now());
  const risk = risks.find((r) => r.id === id);
  if (!risk) throw AppError.notFound('risk', id);
  return risk;
}

/** Counts of open risks per likelihood × impact cell, inherent and residual, with each cell's level. */
export async function riskHeatmap(deps: AppDeps, actor: Actor) {
  requirePermission(actor, 'risk:read');
  const { method, risks } = await buildRiskViews(deps.db, actor.organizationId, deps.clock.now());
  const m = method.method;
  const range = (min: number, max: number) => Array.from({ length: max - min + 1 }, (_, i) => min + i);
  const likelihood = range(m.likelihood.min, m.likelihood.max);
  const impact = range(Math.min(m.severity.min, m.stakeholderImpact.min), Math.max(m.severity.max, m.stakeholderImpact.max));
  const empty = () => likelihood.map(() => impact.map(() => 0));
  const inherent = empty();
  const residual = empty();
  for (const risk of risks.filter((r) => r.status !== 'closed')) {
    const place = (grid: number[][], s: { likelihood: number; severity: number; stakeholderImpact: number }) => {
      grid[likelihood.indexOf(s.likelihood)]![impact.indexOf(Math.max(s.severity, s.stakeholderImpact))]! += 1;
    };
    place(inherent, risk.inherent);
    if (risk.residual) place(residual, risk.residual);
  }
  const levels = likelihood.map((l) => impact.map((i) => levelOf(m, l * i)));
  return { likelihood, impact, inherent, residual, levels: levels as RiskLevel[][] };
}
