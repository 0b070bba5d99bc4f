import type { AssessmentContentInput, DecideAssessmentInput, ImpactAssessmentOutput, SaveAssessmentInput } from '../../contracts/impact.contracts.js';
import { checkAssessmentDecision } from '../../domain/impact/impact-assessment.js';
import { checkScores, type ScoringMethod } from '../../domain/risk/scoring-method.js';
import { AppError, type FieldIssue } from '../../domain/shared/app-error.js';
import type { Conn } from '../../storage/database.js';
import { findAiSystem } from '../../storage/repositories/ai-system.repository.js';
import { findAssessment, insertAssessment, listAssessments, updateAssessment } from '../../storage/repositories/impact.repository.js';
import type { ImpactAssessmentsTable } from '../../storage/schema.js';
import { inTransaction } from '../../storage/transaction.js';
import { appendTrailEvent } from '../trail/append-trail-event.js';
import { requirePermission } from '../shared/authorize.js';
import type { Actor, AppDeps } from '../shared/context.js';
import { newId } from '../shared/ids.js';
import { currentScoringMethod } from '../risk/scoring-methods.js';
import { buildAssessmentViews } from './assessment-views.js';
import { presentAssessmentRecord } from './impact.presenter.js';

const OPEN_STATES = new Set(['draft', 'submitted', 'changes_requested']);

/** Harms and benefits are scored on the organization's own scales. */
function assertImpactScales(method: ScoringMethod, content: AssessmentContentInput): void {
  const problems = content.impacts.flatMap((item, i): FieldIssue[] =>
    checkScores(method, { likelihood: item.likelihood, severity: item.severity, stakeholderImpact: method.stakeholderImpact.min })
      .filter((p) => p.field !== 'stakeholderImpact')
      .map((p) => ({ field: `content.impacts.${i}.${p.field}`, reason: p.reason })),
  );
  if (problems.length > 0) throw new AppError('VALIDATION_FAILED', problems.map((p) => `${p.field} ${p.reason}`).join('; '), { fields: problems });
}

async function viewOf(deps: AppDeps, actor: Actor, id: string): Promise<ImpactAssessmentOutput> {
  const row = await findAssessment(deps.db, actor.organizationId, id);
  if (!row) throw AppError.notFound('impact assessment', id);
  return (await buildAssessmentViews(deps.db, actor.organizationId, deps.clock.now(), row.system_id)).find((a) => a.id === id)!;
}

export async function getAssessment(deps: AppDeps, actor: Actor, id: string): Promise<ImpactAssessmentOutput> {
  requirePermission(actor, 'risk:read');
  return viewOf(deps, actor, id);
}

export async function listAssessmentsOf(deps: AppDeps, actor: Actor, query: { state?: string | undefined; systemId?: string | undefined }): Promise<ImpactAssessmentOutput[]> {
  requirePermission(actor, 'risk:read');
  const views = await buildAssessmentViews(deps.db, actor.organizationId, deps.clock.now(), query.systemId);
  return views.filter((a) => !query.state || a.state === query.state).reverse();
}

/** Starts the next version of a system's impact assessment; one open version at a time. */
export async function startAssessment(deps: AppDeps, actor: Actor, systemId: string, input: SaveAssessmentInput): Promise<ImpactAssessmentOutput> {
  requirePermission(actor, 'impact:write');
  const id = await inTransaction(deps.db, async (tx) => {
    const system = await findAiSystem(tx, actor.organizationId, systemId);
    if (!system) throw AppError.notFound('AI system', systemId);
    assertImpactScales((await currentScoringMethod(tx, actor.organizationId)).method, input.content);
    const versions = await listAssessments(tx, actor.organizationId, systemId);
    const open = versions.find((v) => OPEN_STATES.has(v.state));
    if (open) throw AppError.conflict('systemId', `version ${open.version} of this system's assessment is still ${open.state}; continue that one`);
    const now = deps.clock.now().toISOString();
    const row: ImpactAssessmentsTable = {
      id: newId(),
      organization_id: actor.organizationId,
      system_id: systemId,
      version: versions.length + 1,
      state: 'draft',
      content_json: JSON.stringify(input.content),
      created_at: now,
      created_by: actor.label,
      created_by_user_id: actor.userId,
      updated_at: now,
      submitted_at: null,
      submitted_by: null,
      submitted_by_user_id: null,
      decided_at: null,
      decided_by: null,
      decided_by_user_id: null,
      decision_note: null,
      next_review_on: null,
    };
    await insertAssessment(tx, row);
    await appendTrailEvent(tx, deps, actor, { action: 'impact_assessment.started', entityType: 'impact_assessment', entityId: row.id, before: null, after: presentAssessmentRecord(row) });
    return row.id;
  });
  return viewOf(deps, actor, id);
}

async function change(deps: AppDeps, actor: Actor, id: string, action: string, apply: (tx: Conn, row: ImpactAssessmentsTable) => Promise<ImpactAssessmentsTable>): Promise<ImpactAssessmentOutput> {
  await inTransaction(deps.db, async (tx) => {
    const row = await findAssessment(tx, actor.organizationId, id);
    if (!row) throw AppError.notFound('impact assessment', id);
    const next = { ...(await apply(tx, row)), updated_at: deps.clock.now().toISOString() };
    await updateAssessment(tx, next);
    await appendTrailEvent(tx, deps, actor, { action, entityType: 'impact_assessment', entityId: id, before: presentAssessmentRecord(row), after: presentAssessmentRecord(next) });
  });
  return viewOf(deps, actor, id);
}

/** Saves the content of a draft (or of a version returned for changes, which becomes a draft again). */
export async function saveAssessment(deps: AppDeps, actor: Actor, id: string, input: SaveAssessmentInput): Promise<ImpactAssessmentOutput> {
  requirePermission(actor, 'impact:write');
  return change(deps, actor, id, 'impact_assessment.saved', async (tx, row) => {
    if (row.state !== 'draft' && row.state !== 'changes_requested') throw AppError.conflict('state', `a ${row.state} assessment cannot be edited; start a new version`);
    assertImpactScales((await currentScoringMethod(tx, actor.organizationId)).method, input.content);
    return { ...row, state: 'draft', content_json: JSON.stringify(input.content) };
  });
}

/** Submits a complete draft for approval; every missing part is named. */
export async function submitAssessment(deps: AppDeps, actor: Actor, id: string): Promise<ImpactAssessmentOutput> {
  requirePermission(actor, 'impact:write');
  const view = await viewOf(deps, actor, id);
  if (view.state !== 'draft') throw AppError.conflict('state', `only a draft can be submitted; this one is ${view.state}`);
  const missing = view.completeness.flatMap((s) => s.missing.map((reason) => ({ field: `content.${s.section}`, reason })));
  if (missing.length > 0) throw new AppError('VALIDATION_FAILED', `the assessment is incomplete: ${missing.map((m) => `${m.field} ${m.reason}`).join('; ')}`, { fields: missing });
  return change(deps, actor, id, 'impact_assessment.submitted', async (_tx, row) => ({
    ...row,
    state: 'submitted',
    submitted_at: deps.clock.now().toISOString(),
    submitted_by: actor.label,
    submitted_by_user_id: actor.userId,
  }));
}

/**
 * An approver approves a submitted assessment, or returns it for changes. Approval supersedes the
 * previously approved version and schedules the next review.
 */
export async function decideAssessment(deps: AppDeps, actor: Actor, id: string, input: DecideAssessmentInput): Promise<ImpactAssessmentOutput> {
  requirePermission(actor, 'impact:approve');
  const approve = input.decision === 'approve';
  return change(deps, actor, id, approve ? 'impact_assessment.approved' : 'impact_assessment.changes_requested', async (tx, row) => {
    const refused = checkAssessmentDecision(row.state as never, actor.userId, [row.created_by_user_id, row.submitted_by_user_id]);
    if (refused) throw new AppError(refused.code, `${refused.field}: ${refused.reason}`, { fields: [{ field: refused.field, reason: refused.reason }] });
    const now = deps.clock.now();
    if (approve) await supersedePrevious(tx, deps, actor, row);
    const { method } = await currentScoringMethod(tx, actor.organizationId);
    const review = new Date(now);
    review.setUTCDate(review.getUTCDate() + method.assessmentReviewDays);
    return {
      ...row,
      state: approve ? 'approved' : 'changes_requested',
      decided_at: now.toISOString(),
      decided_by: actor.label,
      decided_by_user_id: actor.userId,
      decision_note: input.note ?? null,
      next_review_on: approve ? review.toISOString().slice(0, 10) : null,
    };
  });
}

async function supersedePrevious(tx: Conn, deps: AppDeps, actor: Actor, row: ImpactAssessmentsTable): Promise<void> {
  for (const previous of await listAssessments(tx, actor.organizationId, row.system_id)) {
    if (previous.state !== 'approved' || previous.id === row.id) continue;
    const next = { ...previous, state: 'superseded', updated_at: deps.clock.now().toISOString() };
    await updateAssessment(tx, next);
    await appendTrailEvent(tx, deps, actor, { action: 'impact_assessment.superseded', entityType: 'impact_assessment', entityId: previous.id, before: presentAssessmentRecord(previous), after: presentAssessmentRecord(next) });
  }
}
