import type { RaiseReviewTriggerInput } from '../../contracts/risk.contracts.js';
import { AppError } from '../../domain/shared/app-error.js';
import { listAiSystems } from '../../storage/repositories/ai-system.repository.js';
import { insertReviewTrigger } from '../../storage/repositories/inventory-settings.repository.js';
import type { ReviewTriggersTable } from '../../storage/schema.js';
import { inTransaction } from '../../storage/transaction.js';
import { presentReviewTrigger } from '../inventory/inventory.presenters.js';
import { buildAssessmentViews } from '../impact/assessment-views.js';
import { appendTrailEvent } from '../trail/append-trail-event.js';
import { requirePermission } from '../shared/authorize.js';
import type { Actor, AppDeps } from '../shared/context.js';
import { newId } from '../shared/ids.js';
import { buildRiskViews } from './build-risk-views.js';

export interface ReviewItem {
  kind: 'risk' | 'impact_assessment';
  id: string;
  title: string;
  systemId: string;
  systemName: string;
  dueOn: string | null;
  overdue: boolean;
  reasons: string[];
}

/** The review queue: every risk and approved assessment whose review is due, overdue first. */
export async function listReviewQueue(deps: AppDeps, actor: Actor): Promise<ReviewItem[]> {
  requirePermission(actor, 'risk:read');
  const now = deps.clock.now();
  const today = now.toISOString().slice(0, 10);
  const [{ risks }, assessments] = await Promise.all([buildRiskViews(deps.db, actor.organizationId, now), buildAssessmentViews(deps.db, actor.organizationId, now)]);
  const items: ReviewItem[] = [
    ...risks
      .filter((r) => r.status === 'review_due')
      .map((r) => ({ kind: 'risk' as const, id: r.id, title: r.title, systemId: r.systemId, systemName: r.systemName, dueOn: r.nextReviewOn, overdue: r.nextReviewOn < today, reasons: r.statusReasons })),
    ...assessments
      .filter((a) => a.reviewDue)
      .map((a) => ({ kind: 'impact_assessment' as const, id: a.id, title: `Impact assessment v${a.version}`, systemId: a.systemId, systemName: a.systemName, dueOn: a.nextReviewOn, overdue: a.nextReviewOn !== null && a.nextReviewOn < today, reasons: a.reviewReasons })),
  ];
  return items.sort((a, b) => Number(b.overdue) - Number(a.overdue) || (a.dueOn ?? '').localeCompare(b.dueOn ?? ''));
}

/**
 * Records a regulatory change (or any outside event) that calls for a review of the named
 * systems' assessments and risks, or of every system when none is named.
 */
export async function raiseReviewTrigger(deps: AppDeps, actor: Actor, input: RaiseReviewTriggerInput) {
  requirePermission(actor, 'risk:configure');
  return inTransaction(deps.db, async (tx) => {
    const systems = await listAiSystems(tx, actor.organizationId);
    const known = new Set(systems.map((s) => s.id));
    const unknown = (input.systemIds ?? []).map((id, i) => ({ id, i })).filter(({ id }) => !known.has(id));
    if (unknown.length > 0) {
      throw new AppError('NOT_FOUND', `systemIds: ${unknown.length} system(s) not found in this organization`, { fields: unknown.map(({ i }) => ({ field: `systemIds.${i}`, reason: 'not found in this organization' })) });
    }
    const row: ReviewTriggersTable = {
      id: newId(),
      organization_id: actor.organizationId,
      source_type: 'regulation',
      source_id: actor.organizationId,
      reason: `Regulatory change: ${input.reason}`,
      system_ids_json: JSON.stringify(input.systemIds ?? [...known]),
      created_at: deps.clock.now().toISOString(),
      resolved_at: null,
    };
    await insertReviewTrigger(tx, row);
    const after = presentReviewTrigger(row);
    await appendTrailEvent(tx, deps, actor, { action: 'review_trigger.raised', entityType: 'review_trigger', entityId: row.id, before: null, after });
    return after;
  });
}
