import type { PredictionSummaryOutput } from '../../contracts/monitoring.contracts.js';
import { AppError } from '../../domain/shared/app-error.js';
import { findAiSystem } from '../../storage/repositories/ai-system.repository.js';
import { summarizePredictions } from '../../storage/repositories/prediction.repository.js';
import { requirePermission } from '../shared/authorize.js';
import type { Actor, AppDeps } from '../shared/context.js';

/** How much of a system's prediction log there is, and how much of it has its label yet. */
export async function predictionSummary(deps: AppDeps, actor: Actor, systemId: string): Promise<PredictionSummaryOutput> {
  requirePermission(actor, 'monitoring:read');
  if (!(await findAiSystem(deps.db, actor.organizationId, systemId))) throw AppError.notFound('AI system', systemId);
  const s = await summarizePredictions(deps.db, actor.organizationId, systemId);
  return { systemId, rows: s.rows, labelled: s.labelled, labelledShare: s.rows === 0 ? null : s.labelled / s.rows, firstTimestamp: s.first, lastTimestamp: s.last };
}
