import type { Applicability, SoaControlEntry } from './soa-document.js';

export interface RuleViolation {
  field: string;
  reason: string;
}

/** A decision as a person makes it; statuses are not part of it. */
export interface ControlDecision {
  applicability: Applicability;
  justification: string | null;
}

/** ISO/IEC 42001 6.1.3 d: an excluded control must say why it was excluded. */
export function checkControlDecision(decision: ControlDecision): RuleViolation[] {
  if (decision.applicability === 'excluded' && !decision.justification?.trim()) {
    return [{ field: 'justification', reason: 'is required to exclude a control' }];
  }
  return [];
}

export interface IssueBlocker extends RuleViolation {
  controlId: string;
}

/**
 * What stops a draft from being issued: every control decided and justified (inclusion and
 * exclusion both, 6.1.3 d), and every applicable control owned by someone.
 */
export function findIssueBlockers(controls: readonly SoaControlEntry[]): IssueBlocker[] {
  const blockers: IssueBlocker[] = [];
  for (const control of controls) {
    if (control.applicability === 'undecided') {
      blockers.push({ controlId: control.controlId, field: 'applicability', reason: 'not decided yet' });
      continue;
    }
    if (!control.justification?.trim()) blockers.push({ controlId: control.controlId, field: 'justification', reason: 'no justification' });
    if (control.applicability === 'applicable' && control.ownerUserId === null) blockers.push({ controlId: control.controlId, field: 'ownerUserId', reason: 'an applicable control needs an owner' });
  }
  return blockers;
}
