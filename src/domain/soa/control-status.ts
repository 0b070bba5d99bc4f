import type { Applicability, ControlStatus } from './soa-document.js';

/** One piece of evidence linked to a control, with its validity window and acceptance. */
export interface StatusEvidence {
  evidenceId: string;
  validFrom: string | null;
  validUntil: string | null;
  acceptedAt: string | null;
}

/** A supplier's share of a control (shared-responsibility matrix). */
export interface StatusResponsibility {
  supplierId: string;
  supplierName: string;
  holder: 'ours' | 'supplier' | 'shared';
  contractReference: string | null;
  /** Supplier evidence linked to this control for this supplier. */
  evidence: Array<{ evidenceId: string; validFrom: string | null; validUntil: string | null }>;
}

export interface ControlStatusInput {
  applicability: Applicability;
  ownerUserId: string | null;
  implementationPlan: string | null;
  evidence: readonly StatusEvidence[];
  /** When each linked risk was last (re)assessed. */
  linkedRisks: ReadonlyArray<{ riskId: string; assessedAt: string }>;
  responsibilities: readonly StatusResponsibility[];
  /** Today as YYYY-MM-DD (evidence validity is by day). */
  today: string;
}

export interface DerivedControlStatus {
  status: ControlStatus;
  reasons: string[];
  /** Evidence that counts today: accepted and within its validity window. */
  currentEvidenceIds: string[];
}

/** Evidence counts on the days from validFrom to validUntil, both included. */
export function isValidOn(evidence: { validFrom: string | null; validUntil: string | null }, today: string): boolean {
  return (evidence.validFrom === null || evidence.validFrom <= today) && (evidence.validUntil === null || today <= evidence.validUntil);
}

function supplierProblems(responsibilities: readonly StatusResponsibility[], today: string): { missing: string[]; expired: string[] } {
  const missing: string[] = [];
  const expired: string[] = [];
  for (const share of responsibilities) {
    if (share.holder === 'ours') continue;
    if (share.evidence.some((e) => isValidOn(e, today))) continue;
    (share.evidence.length > 0 ? expired : missing).push(share.supplierName);
  }
  return { missing, expired };
}

/**
 * Derives a control's implementation status from records, never from a typed value
 * (ISO/IEC 42001 6.1.3 d: the SoA states whether each control is implemented).
 *
 * - excluded controls are `not_applicable`;
 * - `implemented` needs at least one accepted piece of evidence valid today, and valid supplier
 *   evidence for every share a supplier holds;
 * - `needs_review` when evidence was accepted but none is valid any more, when supplier evidence
 *   has lapsed, or when a linked risk was reassessed after the latest acceptance;
 * - otherwise `planned` with an owner and a plan, else `not_started`.
 */
export function deriveControlStatus(input: ControlStatusInput): DerivedControlStatus {
  if (input.applicability === 'excluded') return { status: 'not_applicable', reasons: ['excluded from the SoA with a justification'], currentEvidenceIds: [] };

  const accepted = input.evidence.filter((e) => e.acceptedAt !== null);
  const current = accepted.filter((e) => isValidOn(e, input.today));
  const currentEvidenceIds = current.map((e) => e.evidenceId);
  const suppliers = supplierProblems(input.responsibilities, input.today);
  const lastAcceptance = accepted.reduce<string | null>((latest, e) => (latest === null || e.acceptedAt! > latest ? e.acceptedAt : latest), null);
  const reassessed = lastAcceptance === null ? [] : input.linkedRisks.filter((r) => r.assessedAt > lastAcceptance);

  const review: string[] = [];
  if (accepted.length > 0 && current.length === 0) review.push('all accepted evidence has expired or is not yet valid');
  for (const name of suppliers.expired) review.push(`supplier evidence from ${name} has expired`);
  for (const risk of reassessed) review.push(`linked risk ${risk.riskId} was reassessed after the evidence was accepted`);
  if (review.length > 0) return { status: 'needs_review', reasons: review, currentEvidenceIds };

  if (current.length > 0 && suppliers.missing.length === 0) {
    return { status: 'implemented', reasons: [`${current.length} accepted piece(s) of evidence valid on ${input.today}`], currentEvidenceIds };
  }

  const gaps: string[] = [];
  if (input.applicability === 'undecided') gaps.push('applicability not decided');
  if (input.ownerUserId === null) gaps.push('no owner');
  if (!input.implementationPlan) gaps.push('no implementation plan');
  if (current.length === 0) gaps.push(input.evidence.length > 0 ? 'linked evidence not yet accepted by an approver' : 'no evidence linked');
  for (const name of suppliers.missing) gaps.push(`no supplier evidence from ${name}`);
  const planned = input.applicability === 'applicable' && input.ownerUserId !== null && Boolean(input.implementationPlan);
  return { status: planned ? 'planned' : 'not_started', reasons: gaps, currentEvidenceIds };
}
