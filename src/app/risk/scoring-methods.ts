import type { ChangeScoringMethodInput, ScoringMethodVersionOutput } from '../../contracts/risk.contracts.js';
import { DEFAULT_SCORING_METHOD, checkScoringMethod, type ScoringMethod } from '../../domain/risk/scoring-method.js';
import { AppError } from '../../domain/shared/app-error.js';
import type { Conn } from '../../storage/database.js';
import { insertScoringMethod, listScoringMethods } from '../../storage/repositories/risk.repository.js';
import type { ScoringMethodsTable } from '../../storage/schema.js';
import { inTransaction } from '../../storage/transaction.js';
import { appendTrailEvent } from '../trail/append-trail-event.js';
import { requirePermission } from '../shared/authorize.js';
import type { Actor, AppDeps } from '../shared/context.js';
import { newId } from '../shared/ids.js';
import { rescoreOpenRisks } from './rescore-open-risks.js';
import { listAiSystems } from '../../storage/repositories/ai-system.repository.js';
import { insertReviewTrigger } from '../../storage/repositories/inventory-settings.repository.js';
import { presentReviewTrigger } from '../inventory/inventory.presenters.js';

/** Until an organization changes it, the default method is its version 1. */
export const DEFAULT_METHOD_VERSION: ScoringMethodVersionOutput = { version: 1, method: DEFAULT_SCORING_METHOD, reason: 'OpenAIMS default method', createdAt: null, createdBy: null };

export function presentScoringMethod(row: ScoringMethodsTable): ScoringMethodVersionOutput {
  return { version: Number(row.version), method: JSON.parse(row.method_json) as ScoringMethod, reason: row.reason, createdAt: row.created_at, createdBy: row.created_by };
}

export async function currentScoringMethod(conn: Conn, organizationId: string): Promise<ScoringMethodVersionOutput> {
  const [latest] = await listScoringMethods(conn, organizationId);
  return latest ? presentScoringMethod(latest) : DEFAULT_METHOD_VERSION;
}

export async function getScoringMethod(deps: AppDeps, actor: Actor): Promise<ScoringMethodVersionOutput> {
  requirePermission(actor, 'risk:read');
  return currentScoringMethod(deps.db, actor.organizationId);
}

export async function listScoringMethodVersions(deps: AppDeps, actor: Actor): Promise<ScoringMethodVersionOutput[]> {
  requirePermission(actor, 'risk:read');
  const stored = (await listScoringMethods(deps.db, actor.organizationId)).map(presentScoringMethod);
  return stored.some((m) => m.version === 1) ? stored : [...stored, DEFAULT_METHOD_VERSION];
}

/**
 * Saves a new version of the method and re-scores every open risk with it, one trail event per
 * risk, in the same transaction: the register never mixes two methods.
 */
export async function changeScoringMethod(deps: AppDeps, actor: Actor, input: ChangeScoringMethodInput): Promise<ScoringMethodVersionOutput & { rescored: number }> {
  requirePermission(actor, 'risk:configure');
  const problems = checkScoringMethod(input.method);
  if (problems.length > 0) {
    const fields = problems.map((p) => ({ field: `method.${p.field}`, reason: p.reason }));
    throw new AppError('VALIDATION_FAILED', `the scoring method is not usable: ${fields.map((f) => `${f.field} ${f.reason}`).join('; ')}`, { fields });
  }
  return inTransaction(deps.db, async (tx) => {
    const before = await currentScoringMethod(tx, actor.organizationId);
    const row: ScoringMethodsTable = {
      id: newId(),
      organization_id: actor.organizationId,
      version: before.version + 1,
      method_json: JSON.stringify(input.method),
      reason: input.reason,
      created_at: deps.clock.now().toISOString(),
      created_by: actor.label,
    };
    await insertScoringMethod(tx, row);
    const after = presentScoringMethod(row);
    await appendTrailEvent(tx, deps, actor, { action: 'scoring_method.changed', entityType: 'scoring_method', entityId: row.id, before, after });
    const rescored = await rescoreOpenRisks(tx, deps, actor, after);
    await raiseMethodChangeTrigger(tx, deps, actor, after.version);
    return { ...after, rescored };
  });
}

/** A new method calls for every system's risks to be reviewed under it. */
async function raiseMethodChangeTrigger(tx: Conn, deps: AppDeps, actor: Actor, version: number): Promise<void> {
  const systems = await listAiSystems(tx, actor.organizationId);
  const row = {
    id: newId(),
    organization_id: actor.organizationId,
    source_type: 'scoring_method',
    source_id: String(version),
    reason: `Scoring method changed to version ${version}`,
    system_ids_json: JSON.stringify(systems.map((s) => s.id)),
    created_at: deps.clock.now().toISOString(),
    resolved_at: null,
  };
  await insertReviewTrigger(tx, row);
  await appendTrailEvent(tx, deps, actor, { action: 'review_trigger.raised', entityType: 'review_trigger', entityId: row.id, before: null, after: presentReviewTrigger(row) });
}
