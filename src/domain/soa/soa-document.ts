/**
 * The Statement of Applicability as one plain value: what the exports (CSV, HTML, OSCAL) and the
 * web page render. Built on the server from the stored decisions, the evidence and the catalog;
 * every `status` in it is derived (see control-status.ts), never typed by a user.
 */

/** Whether an Annex A control applies to this organization (ISO/IEC 42001 6.1.3). */
export const APPLICABILITIES = ['undecided', 'applicable', 'excluded'] as const;
export type Applicability = (typeof APPLICABILITIES)[number];

/** Implementation status, derived from owner, plan, accepted evidence and linked risks. */
export const CONTROL_STATUSES = ['not_applicable', 'not_started', 'planned', 'implemented', 'needs_review'] as const;
export type ControlStatus = (typeof CONTROL_STATUSES)[number];

export const SOA_VERSION_STATES = ['draft', 'issued'] as const;
export type SoaVersionState = (typeof SOA_VERSION_STATES)[number];

export interface SoaEvidenceRef {
  evidenceId: string;
  title: string;
  sha256: string;
  validFrom: string | null;
  validUntil: string | null;
  /** Set when an approver accepted this evidence for this control. */
  acceptedAt: string | null;
  acceptedBy: string | null;
  acceptanceNote: string | null;
  /** Valid today and accepted. */
  current: boolean;
}

/** Who holds a control for one supplier or third-party model (shared-responsibility matrix). */
export interface SoaResponsibility {
  supplierId: string;
  supplierName: string;
  holder: 'ours' | 'supplier' | 'shared';
  contractReference: string | null;
  /** Evidence linked to both the supplier and this control. */
  evidence: Array<{ evidenceId: string; title: string; validFrom: string | null; validUntil: string | null; current: boolean }>;
}

export interface SoaControlEntry {
  controlId: string;
  title: string;
  objectiveId: string;
  objectiveTitle: string;
  applicability: Applicability;
  justification: string | null;
  ownerUserId: string | null;
  ownerName: string | null;
  implementationPlan: string | null;
  status: ControlStatus;
  /** Why the status is what it is, in words an auditor can check. */
  statusReasons: string[];
  evidence: SoaEvidenceRef[];
  responsibilities: SoaResponsibility[];
  riskIds: string[];
  updatedAt: string | null;
  updatedBy: string | null;
}

export interface SoaDocument {
  organization: { id: string; name: string };
  catalog: { id: string; name: string; edition: string };
  version: {
    number: number;
    state: SoaVersionState;
    issuedAt: string | null;
    issuedBy: string | null;
    issueNote: string | null;
  };
  /** When this document was rendered (a draft changes; an issued version is frozen). */
  generatedAt: string;
  controls: SoaControlEntry[];
}
