import { parse } from 'csv-parse/sync';
import { RegisterRiskInputSchema } from '../../contracts/risk.contracts.js';
import { fieldIssues } from '../../contracts/parse.js';
import { checkScores, scoreRisk } from '../../domain/risk/scoring-method.js';
import { nextReviewOn } from '../../domain/risk/risk-rules.js';
import { AppError, type FieldIssue } from '../../domain/shared/app-error.js';
import { listAiSystems } from '../../storage/repositories/ai-system.repository.js';
import { listAssessments } from '../../storage/repositories/impact.repository.js';
import { insertRisk } from '../../storage/repositories/risk.repository.js';
import { listMembers } from '../../storage/repositories/user.repository.js';
import type { RisksTable } from '../../storage/schema.js';
import { inTransaction } from '../../storage/transaction.js';
import { appendTrailEvent } from '../trail/append-trail-event.js';
import { requirePermission } from '../shared/authorize.js';
import type { Actor, AppDeps } from '../shared/context.js';
import { newId } from '../shared/ids.js';
import { presentRiskRecord } from './risk-records.js';
import { RISK_CSV_COLUMNS } from './export-risks.js';
import { currentScoringMethod } from './scoring-methods.js';

const COLUMNS = ['system', 'title', 'description', 'owner_email', 'likelihood', 'severity', 'stakeholder_impact', 'source'] as const;
/** The export's computed columns: accepted so an export can be edited and imported, never read. */
const IGNORED = RISK_CSV_COLUMNS.filter((c) => !(COLUMNS as readonly string[]).includes(c));
const REQUIRED = ['system', 'title', 'owner_email', 'likelihood', 'severity', 'stakeholder_impact'];

/**
 * Registers risks from a spreadsheet (system by name, owner by email); an exported register can be
 * edited and imported as new risks, its computed columns ignored. Every row is checked first,
 * problems are reported by row and column, and one bad row means nothing is written.
 */
export async function importRisksCsv(deps: AppDeps, actor: Actor, csvText: string): Promise<{ imported: number }> {
  requirePermission(actor, 'risk:write');
  let rows: string[][];
  try {
    rows = parse(csvText, { bom: true, skip_empty_lines: true }) as string[][];
  } catch (error) {
    const { lines, message } = error as { lines?: number; message: string };
    throw new AppError('VALIDATION_FAILED', `the CSV could not be read: ${message}`, { fields: [{ field: `row ${lines ?? '?'}`, reason: message }] });
  }
  const [header = [], ...body] = rows;
  const columns = header.map((h) => h.trim().toLowerCase());
  const headerProblems = [
    ...columns.filter((c) => !(COLUMNS as readonly string[]).includes(c) && !(IGNORED as readonly string[]).includes(c)).map((c) => ({ field: `row 1.${c}`, reason: 'is not a known column' })),
    ...REQUIRED.filter((c) => !columns.includes(c)).map((c) => ({ field: `row 1.${c}`, reason: 'column is required' })),
  ];
  if (headerProblems.length > 0) throw new AppError('VALIDATION_FAILED', `the CSV header is not usable: ${headerProblems.map((p) => `${p.field} ${p.reason}`).join('; ')}`, { fields: headerProblems });
  if (body.length > 1000) throw AppError.invalidField('csv', `has ${body.length} rows; at most 1000`);

  return inTransaction(deps.db, async (tx) => {
    const { version, method } = await currentScoringMethod(tx, actor.organizationId);
    const systems = new Map((await listAiSystems(tx, actor.organizationId)).map((s) => [s.name.toLowerCase(), s]));
    const approved = new Set((await listAssessments(tx, actor.organizationId)).filter((a) => a.state === 'approved').map((a) => a.system_id));
    const members = new Map((await listMembers(tx, actor.organizationId, undefined, 1_000_000)).map((m) => [m.email.toLowerCase(), m.id]));
    const problems: FieldIssue[] = [];
    const toInsert: RisksTable[] = [];
    const now = deps.clock.now().toISOString();
    body.forEach((cells, index) => {
      const row = index + 2;
      const cell = (name: string) => (cells[columns.indexOf(name)] ?? '').trim();
      const problem = (column: string, reason: string) => problems.push({ field: `row ${row}.${column}`, reason });
      const system = systems.get(cell('system').toLowerCase());
      if (!system) problem('system', cell('system') ? `no AI system named "${cell('system')}"` : 'is required');
      else if (!approved.has(system.id)) problem('system', `${system.name} has no approved impact assessment`);
      const ownerUserId = members.get(cell('owner_email').toLowerCase());
      if (!ownerUserId) problem('owner_email', cell('owner_email') ? `${cell('owner_email')} is not a member of this organization` : 'is required');
      const candidate = {
        systemId: system?.id ?? '00000000-0000-7000-8000-000000000000',
        title: cell('title'),
        description: cell('description') || undefined,
        sourceType: cell('source') || 'manual',
        ownerUserId: ownerUserId ?? '00000000-0000-7000-8000-000000000000',
        likelihood: Number(cell('likelihood')),
        severity: Number(cell('severity')),
        stakeholderImpact: Number(cell('stakeholder_impact')),
      };
      const parsed = RegisterRiskInputSchema.safeParse(candidate);
      if (!parsed.success) for (const issue of fieldIssues(parsed.error)) problem(csvColumn(issue.field), issue.reason);
      else for (const p of checkScores(method, candidate)) problem(csvColumn(p.field), p.reason);
      if (!parsed.success || problems.some((p) => p.field.startsWith(`row ${row}.`))) return;
      const inherent = scoreRisk(method, candidate);
      toInsert.push({
        id: newId(), organization_id: actor.organizationId, system_id: system!.id, title: parsed.data.title, description: parsed.data.description ?? null,
        source_type: parsed.data.sourceType, source_ref: 'csv import', owner_user_id: ownerUserId!, likelihood: inherent.likelihood, severity: inherent.severity,
        stakeholder_impact: inherent.stakeholderImpact, inherent_score: inherent.score, inherent_level: inherent.level, treatment: null, treatment_plan: null,
        residual_likelihood: null, residual_severity: null, residual_stakeholder_impact: null, residual_score: null, residual_level: null, method_version: version,
        assessed_at: now, next_review_on: nextReviewOn(method, inherent.level, now.slice(0, 10)), closed_at: null, created_at: now, created_by: actor.label, updated_at: now,
      });
    });
    if (problems.length > 0) throw new AppError('VALIDATION_FAILED', `the CSV has ${problems.length} problem(s); nothing was imported. First: ${problems[0]!.field} ${problems[0]!.reason}`, { fields: problems });
    for (const risk of toInsert) {
      await insertRisk(tx, risk);
      await appendTrailEvent(tx, deps, actor, { action: 'risk.registered', entityType: 'risk', entityId: risk.id, before: null, after: presentRiskRecord(risk, []) });
    }
    return { imported: toInsert.length };
  });
}

function csvColumn(field: string): string {
  return ({ stakeholderImpact: 'stakeholder_impact', sourceType: 'source', ownerUserId: 'owner_email', systemId: 'system' } as Record<string, string>)[field] ?? field;
}
