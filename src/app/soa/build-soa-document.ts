import { ANNEX_A_CONTROLS, ISO42001 } from '../../domain/catalog/index.js';
import { deriveControlStatus } from '../../domain/soa/control-status.js';
import type { Applicability, SoaControlEntry, SoaDocument, SoaResponsibility } from '../../domain/soa/soa-document.js';
import { AppError } from '../../domain/shared/app-error.js';
import type { Conn } from '../../storage/database.js';
import { findOrganization } from '../../storage/repositories/organization.repository.js';
import { listControlEvidence, listSoaAcceptances, listSoaControls, listSoaResponsibilities, listSupplierEvidence } from '../../storage/repositories/soa.repository.js';
import { listSuppliers } from '../../storage/repositories/supplier.repository.js';
import { listRiskControls, listRisks } from '../../storage/repositories/risk.repository.js';
import { isValidOn } from '../../domain/soa/control-status.js';
import { listMembers } from '../../storage/repositories/user.repository.js';

const ALL = 1_000_000_000;

/**
 * The SoA as it stands now: the catalog's 38 controls, each with the organization's decision (or
 * `undecided`), its evidence and acceptances, and the status derived from them on `now`'s date.
 */
export async function buildLiveSoaDocument(conn: Conn, organizationId: string, now: Date, version: SoaDocument['version']): Promise<SoaDocument> {
  const organization = await findOrganization(conn, organizationId);
  if (!organization) throw AppError.notFound('organization', organizationId);
  const [decisions, evidence, acceptances, members, shares, suppliers, supplierEvidence, riskLinks, risks] = await Promise.all([
    listSoaControls(conn, organizationId),
    listControlEvidence(conn, organizationId),
    listSoaAcceptances(conn, organizationId),
    listMembers(conn, organizationId, undefined, ALL),
    listSoaResponsibilities(conn, organizationId),
    listSuppliers(conn, organizationId),
    listSupplierEvidence(conn, organizationId),
    listRiskControls(conn, organizationId),
    listRisks(conn, organizationId),
  ]);
  const openRisks = new Map(risks.filter((r) => r.closed_at === null).map((r) => [r.id, r]));
  const supplierName = new Map(suppliers.map((s) => [s.id, s.name]));
  const decisionOf = new Map(decisions.map((d) => [d.control_id, d]));
  const nameOf = new Map(members.map((m) => [m.id, m.display_name]));
  const acceptanceOf = new Map(acceptances.map((a) => [`${a.control_id} ${a.evidence_id}`, a]));
  const today = now.toISOString().slice(0, 10);

  const controls = ANNEX_A_CONTROLS.map((control): SoaControlEntry => {
    const decision = decisionOf.get(control.id);
    const linked = evidence
      .filter((e) => e.control_id === control.id)
      .map((e) => {
        const acceptance = acceptanceOf.get(`${control.id} ${e.id}`);
        return { evidenceId: e.id, title: e.title, sha256: e.sha256, validFrom: e.valid_from, validUntil: e.valid_until, acceptedAt: acceptance?.accepted_at ?? null, acceptedBy: acceptance?.accepted_by ?? null, acceptanceNote: acceptance?.note ?? null };
      });
    const linkedHere = new Set(evidence.filter((e) => e.control_id === control.id).map((e) => e.id));
    const responsibilities = shares
      .filter((share) => share.control_id === control.id)
      .map((share): SoaResponsibility => ({
        supplierId: share.supplier_id,
        supplierName: supplierName.get(share.supplier_id) ?? share.supplier_id,
        holder: share.holder as SoaResponsibility['holder'],
        contractReference: share.contract_reference,
        evidence: supplierEvidence
          .filter((e) => e.supplier_id === share.supplier_id && linkedHere.has(e.id))
          .map((e) => ({ evidenceId: e.id, title: e.title, validFrom: e.valid_from, validUntil: e.valid_until, current: isValidOn({ validFrom: e.valid_from, validUntil: e.valid_until }, today) })),
      }));
    const applicability = (decision?.applicability ?? 'undecided') as Applicability;
    const derived = deriveControlStatus({
      applicability,
      ownerUserId: decision?.owner_user_id ?? null,
      implementationPlan: decision?.implementation_plan ?? null,
      evidence: linked,
      linkedRisks: riskLinks.filter((l) => l.control_id === control.id && openRisks.has(l.risk_id)).map((l) => ({ riskId: l.risk_id, assessedAt: openRisks.get(l.risk_id)!.assessed_at })),
      responsibilities,
      today,
    });
    return {
      controlId: control.id,
      title: control.title,
      objectiveId: control.objectiveId,
      objectiveTitle: control.objectiveTitle,
      applicability,
      justification: decision?.justification ?? null,
      ownerUserId: decision?.owner_user_id ?? null,
      ownerName: decision?.owner_user_id ? (nameOf.get(decision.owner_user_id) ?? null) : null,
      implementationPlan: decision?.implementation_plan ?? null,
      status: derived.status,
      statusReasons: derived.reasons,
      evidence: linked.map((e) => ({ ...e, current: derived.currentEvidenceIds.includes(e.evidenceId) })),
      responsibilities,
      riskIds: riskLinks.filter((l) => l.control_id === control.id && openRisks.has(l.risk_id)).map((l) => l.risk_id),
      updatedAt: decision?.updated_at ?? null,
      updatedBy: decision?.updated_by ?? null,
    };
  });

  return {
    organization: { id: organization.id, name: organization.name },
    catalog: { id: ISO42001.id, name: ISO42001.name, edition: ISO42001.edition },
    version,
    generatedAt: now.toISOString(),
    controls,
  };
}
