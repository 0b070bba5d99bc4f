import type { SoaControlDecisionOutput, SoaEvidenceAcceptanceOutput, SoaResponsibilityRecordOutput, SoaVersionOutput } from '../../contracts/soa.contracts.js';
import type { SoaControlsTable, SoaEvidenceAcceptancesTable, SoaResponsibilitiesTable, SoaVersionsTable } from '../../storage/schema.js';
import type { Applicability } from '../../domain/soa/soa-document.js';

/** A control's stored tailoring, as the trail records it (statuses are derived, so not here). */
export function presentSoaDecision(row: SoaControlsTable): SoaControlDecisionOutput {
  return {
    controlId: row.control_id,
    applicability: row.applicability as Applicability,
    justification: row.justification,
    ownerUserId: row.owner_user_id,
    implementationPlan: row.implementation_plan,
    updatedAt: row.updated_at,
    updatedBy: row.updated_by,
  };
}

export function presentSoaVersion(row: SoaVersionsTable): SoaVersionOutput {
  return {
    id: row.id,
    number: Number(row.number),
    state: row.state as SoaVersionOutput['state'],
    createdAt: row.created_at,
    createdBy: row.created_by,
    issuedAt: row.issued_at,
    issuedBy: row.issued_by,
    issueNote: row.issue_note,
    documentSha256: row.document_sha256,
  };
}

export function presentSoaAcceptance(row: SoaEvidenceAcceptancesTable): SoaEvidenceAcceptanceOutput {
  return { id: row.id, controlId: row.control_id, evidenceId: row.evidence_id, acceptedAt: row.accepted_at, acceptedBy: row.accepted_by, note: row.note };
}

export function presentSoaResponsibility(row: SoaResponsibilitiesTable): SoaResponsibilityRecordOutput {
  return {
    controlId: row.control_id,
    supplierId: row.supplier_id,
    holder: row.holder as SoaResponsibilityRecordOutput['holder'],
    contractReference: row.contract_reference,
    updatedAt: row.updated_at,
    updatedBy: row.updated_by,
  };
}
