import type { RiskAcceptanceOutput, RiskRecord } from '../../contracts/risk.contracts.js';
import type { RiskLevel } from '../../domain/risk/scoring-method.js';
import type { Treatment } from '../../domain/risk/risk-rules.js';
import type { Conn } from '../../storage/database.js';
import type { RiskAcceptancesTable, RisksTable } from '../../storage/schema.js';

/** A risk's stored facts as the trail records them, its control links included. */
export function presentRiskRecord(row: RisksTable, controlIds: readonly string[]): RiskRecord {
  const n = (v: number | null) => (v === null ? null : Number(v));
  return {
    id: row.id,
    systemId: row.system_id,
    title: row.title,
    description: row.description,
    sourceType: row.source_type as RiskRecord['sourceType'],
    sourceRef: row.source_ref,
    ownerUserId: row.owner_user_id,
    inherent: { likelihood: Number(row.likelihood), severity: Number(row.severity), stakeholderImpact: Number(row.stakeholder_impact), score: Number(row.inherent_score), level: row.inherent_level as RiskLevel },
    treatment: row.treatment as Treatment | null,
    treatmentPlan: row.treatment_plan,
    residual:
      row.residual_score === null
        ? null
        : { likelihood: n(row.residual_likelihood)!, severity: n(row.residual_severity)!, stakeholderImpact: n(row.residual_stakeholder_impact)!, score: Number(row.residual_score), level: row.residual_level as RiskLevel },
    controlIds: [...controlIds].sort(),
    methodVersion: Number(row.method_version),
    assessedAt: row.assessed_at,
    nextReviewOn: row.next_review_on,
    closedAt: row.closed_at,
    createdAt: row.created_at,
    createdBy: row.created_by,
    updatedAt: row.updated_at,
  };
}

/** The record with its control links read from the database (for trail events). */
export async function riskRecordOf(conn: Conn, row: RisksTable): Promise<RiskRecord> {
  const links = await conn.kysely.selectFrom('risk_controls').select('control_id').where('organization_id', '=', row.organization_id).where('risk_id', '=', row.id).execute();
  return presentRiskRecord(row, links.map((l) => l.control_id));
}

export function presentRiskAcceptance(row: RiskAcceptancesTable): RiskAcceptanceOutput {
  return { id: row.id, riskId: row.risk_id, residualLevel: row.residual_level as RiskLevel, justification: row.justification, expiresOn: row.expires_on, acceptedAt: row.accepted_at, acceptedBy: row.accepted_by };
}
