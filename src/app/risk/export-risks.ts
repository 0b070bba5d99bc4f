import { stringify } from 'csv-stringify/sync';
import type { RiskOutput } from '../../contracts/risk.contracts.js';
import { RISK_LEVELS } from '../../domain/risk/scoring-method.js';
import { findOrganization } from '../../storage/repositories/organization.repository.js';
import { listMembers } from '../../storage/repositories/user.repository.js';
import { requirePermission } from '../shared/authorize.js';
import type { Actor, AppDeps } from '../shared/context.js';
import { escapeHtml } from '../soa/render-soa-html.js';
import type { ExportedFile } from '../soa/export-soa.js';
import { listRisksOf } from './get-risks.js';
import { getScoringMethod } from './scoring-methods.js';

/** Export columns; the import reads system, title, description, owner_email, the three scores and source, and ignores the computed rest. */
export const RISK_CSV_COLUMNS = [
  'id', 'system', 'title', 'description', 'source', 'owner_email', 'likelihood', 'severity', 'stakeholder_impact', 'inherent_score', 'inherent_level',
  'treatment', 'controls', 'residual_score', 'residual_level', 'status', 'status_reasons', 'flags', 'accepted_until', 'next_review_on',
] as const;

const PAGE_STYLE = `body{font:14px/1.4 system-ui,sans-serif;margin:2rem;color:#111}table{border-collapse:collapse;width:100%;margin-bottom:1.5rem}th,td{border:1px solid #999;padding:.3rem .4rem;text-align:left;vertical-align:top}thead th{background:#eee}@media print{body{margin:0}tr{break-inside:avoid}}`;

/** A cell that would start a spreadsheet formula is prefixed with a quote. */
const safeCell = (cell: string) => (/^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell);

export async function exportRisks(deps: AppDeps, actor: Actor, format: 'csv' | 'html'): Promise<ExportedFile> {
  const risks = await listRisksOf(deps, actor);
  if (format === 'csv') {
    const emailOf = new Map((await listMembers(deps.db, actor.organizationId, undefined, 1_000_000)).map((m) => [m.id, m.email]));
    const rows = risks.map((r) => [
      r.id, r.systemName, r.title, r.description ?? '', r.sourceType, emailOf.get(r.ownerUserId) ?? '', r.inherent.likelihood, r.inherent.severity, r.inherent.stakeholderImpact, r.inherent.score, r.inherent.level,
      r.treatment ?? '', r.controlIds.join(' '), r.residual?.score ?? '', r.residual?.level ?? '', r.status, r.statusReasons.join('; '), r.flags.join('; '), r.acceptance?.expiresOn ?? '', r.nextReviewOn,
    ].map((v) => safeCell(String(v))));
    return { fileName: 'risk-register.csv', contentType: 'text/csv; charset=utf-8', body: stringify([[...RISK_CSV_COLUMNS], ...rows]) };
  }
  const organization = await findOrganization(deps.db, actor.organizationId);
  const method = await getScoringMethod(deps, actor);
  return { fileName: 'risk-register.html', contentType: 'text/html; charset=utf-8', body: registerHtml(organization?.name ?? '', method.version, risks, deps.clock.now().toISOString()) };
}

function registerHtml(organization: string, methodVersion: number, risks: RiskOutput[], generatedAt: string): string {
  const rows = risks
    .map(
      (r) => `<tr><td>${escapeHtml(r.systemName)}</td><td>${escapeHtml(r.title)}</td><td>${escapeHtml(r.ownerName)}</td>
<td>${r.inherent.score} ${escapeHtml(r.inherent.level)}</td><td>${escapeHtml(r.treatment)}<br><small>${escapeHtml(r.controlIds.join(', '))}</small></td>
<td>${r.residual ? `${r.residual.score} ${escapeHtml(r.residual.level)}` : ''}</td><td>${escapeHtml(r.status.replace('_', ' '))}<br><small>${r.statusReasons.map(escapeHtml).join('; ')}</small>${r.flags.map((f) => `<br><strong>${escapeHtml(f)}</strong>`).join('')}</td>
<td>${r.acceptance ? `${escapeHtml(r.acceptance.acceptedBy)}, until ${escapeHtml(r.acceptance.expiresOn)}` : ''}</td><td>${escapeHtml(r.nextReviewOn)}</td></tr>`,
    )
    .join('\n');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>AI risk register — ${escapeHtml(organization)}</title><style>${PAGE_STYLE}</style></head><body>
<h1>AI risk register</h1><p><strong>${escapeHtml(organization)}</strong> — scored with method version ${methodVersion}; generated ${escapeHtml(generatedAt)}.</p>
<table><thead><tr><th scope="col">System</th><th scope="col">Risk</th><th scope="col">Owner</th><th scope="col">Inherent</th><th scope="col">Treatment and controls</th><th scope="col">Residual</th><th scope="col">Status</th><th scope="col">Acceptance</th><th scope="col">Next review</th></tr></thead>
<tbody>${rows}</tbody></table></body></html>`;
}

/** The documented scoring methodology an auditor reads (ISO/IEC 42001 6.1.2). */
export async function scoringMethodDocument(deps: AppDeps, actor: Actor): Promise<string> {
  requirePermission(actor, 'risk:read');
  const { version, method, reason, createdAt, createdBy } = await getScoringMethod(deps, actor);
  const organization = await findOrganization(deps.db, actor.organizationId);
  const scale = (name: string, s: { min: number; labels: string[] }) =>
    `<h3>${name}</h3><table><thead><tr><th scope="col">Value</th><th scope="col">Label</th></tr></thead><tbody>${s.labels.map((l, i) => `<tr><td>${s.min + i}</td><td>${escapeHtml(l)}</td></tr>`).join('')}</tbody></table>`;
  const bands = method.levels.map((b, i) => `<tr><td>${escapeHtml(b.level)}</td><td>${b.from}${method.levels[i + 1] ? `–${method.levels[i + 1]!.from - 1}` : ' and above'}</td><td>${method.reviewIntervalDays[b.level]} days</td></tr>`).join('');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>AI risk scoring method v${version} — ${escapeHtml(organization?.name)}</title><style>${PAGE_STYLE}</style></head><body>
<h1>AI risk scoring method, version ${version}</h1>
<p><strong>${escapeHtml(organization?.name)}</strong>. ${createdAt ? `Adopted ${escapeHtml(createdAt.slice(0, 10))} by ${escapeHtml(createdBy)}: ${escapeHtml(reason)}.` : 'The OpenAIMS default method, not changed by the organization.'}</p>
<h2>How a risk is scored</h2>
<p>Each risk is rated on three scales. Its score is <strong>likelihood × the worse of severity and stakeholder impact</strong>, so a risk that barely touches the organization but seriously harms the people the system affects ranks as serious. Scores and levels are computed by OpenAIMS; nobody types them.</p>
${scale('Likelihood', method.likelihood)}${scale('Severity (to the organization)', method.severity)}${scale('Stakeholder impact (individuals, groups, society)', method.stakeholderImpact)}
<h2>Levels and reviews</h2>
<table><thead><tr><th scope="col">Level</th><th scope="col">Score</th><th scope="col">Review at least every</th></tr></thead><tbody>${bands}</tbody></table>
<h2>Risk appetite and acceptance</h2>
<p>Residual risk up to <strong>${escapeHtml(method.appetite)}</strong> is within the appetite. Above it (${RISK_LEVELS.filter((l) => RISK_LEVELS.indexOf(l) > RISK_LEVELS.indexOf(method.appetite)).join(', ')}), the residual risk stands only with a dated, justified and expiring acceptance signed by an approver who is not the risk owner.</p>
<p>A risk rated high or above must be treated with at least one linked ISO/IEC 42001 Annex A control, or it is flagged. Impact assessments are reviewed every ${method.assessmentReviewDays} days, and earlier when a new dataset version, an incident, a monitoring alert, a regulatory change or a new method calls for it.</p>
</body></html>`;
}
