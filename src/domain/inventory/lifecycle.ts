import { AppError } from '../shared/app-error.js';
import { LIFECYCLE_STAGES, type LifecycleStage } from './inventory-terms.js';

/**
 * The lifecycle of an AI system (ISO/IEC 42001 A.6.2; ISO/IEC 22989 6.2 names the stages).
 * A system moves forward one stage at a time, so no stage's checks are skipped. It may move back
 * to any earlier stage, and out of `retired` again, only with a reason. Retiring from any stage
 * before `deployed` (a project stopped early) also needs a reason.
 */
export interface StageMove {
  from: LifecycleStage;
  to: LifecycleStage;
  reason?: string | undefined;
}

function index(stage: LifecycleStage): number {
  return LIFECYCLE_STAGES.indexOf(stage);
}

/** Throws VALIDATION_FAILED naming `stage` or `reason` when the move is not allowed; returns the reason to record. */
export function checkStageMove(move: StageMove): string | null {
  const reason = move.reason?.trim() ? move.reason.trim() : null;
  const from = index(move.from);
  const to = index(move.to);
  if (from === to) throw AppError.invalidField('stage', `the system is already in ${move.to}`);
  if (to < from) {
    if (!reason) throw AppError.invalidField('reason', `is required to move back from ${move.from} to ${move.to}`);
    return reason;
  }
  if (move.to === 'retired') {
    if (move.from !== 'deployed' && !reason) throw AppError.invalidField('reason', `is required to retire a system that was never deployed (it is in ${move.from})`);
    return reason;
  }
  if (to !== from + 1) {
    const next = LIFECYCLE_STAGES[from + 1]!;
    const skipped = LIFECYCLE_STAGES.slice(from + 1, to).join(', ');
    throw AppError.invalidField('stage', `cannot jump from ${move.from} to ${move.to}: the next stage is ${next} (${skipped} would be skipped)`);
  }
  return reason;
}
