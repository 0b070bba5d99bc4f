import type { ScoringMethod, ScoreInput } from '../../domain/risk/scoring-method.js';
import { checkScores } from '../../domain/risk/scoring-method.js';
import { findAnnexAControl } from '../../domain/catalog/index.js';
import { AppError, type FieldIssue } from '../../domain/shared/app-error.js';
import type { Conn } from '../../storage/database.js';
import { listAssessments } from '../../storage/repositories/impact.repository.js';
import { findMember } from '../../storage/repositories/user.repository.js';

/** Scores off the method's scale, named under `prefix` (e.g. `residual.`). */
export function assertOnScale(method: ScoringMethod, scores: ScoreInput, prefix = ''): void {
  const problems = checkScores(method, scores).map((p): FieldIssue => ({ field: `${prefix}${p.field}`, reason: p.reason }));
  if (problems.length > 0) throw new AppError('VALIDATION_FAILED', problems.map((p) => `${p.field} ${p.reason}`).join('; '), { fields: problems });
}

/** ISO/IEC 42001 puts the impact assessment (6.1.4) before the risk assessment (6.1.2). */
export async function assertApprovedImpactAssessment(conn: Conn, organizationId: string, systemId: string, systemName: string): Promise<void> {
  const approved = (await listAssessments(conn, organizationId, systemId)).some((a) => a.state === 'approved');
  if (!approved) {
    throw new AppError('PRECONDITION_FAILED', `systemId: ${systemName} has no approved impact assessment; assess its impact first (ISO/IEC 42001 6.1.4)`, {
      fields: [{ field: 'systemId', reason: 'has no approved impact assessment' }],
    });
  }
}

export async function assertMember(conn: Conn, organizationId: string, userId: string, field: string): Promise<void> {
  if (!(await findMember(conn, organizationId, userId))) throw AppError.invalidField(field, 'is not a member of this organization');
}

/** Every ID must be an Annex A control; duplicates are folded. */
export function checkControlIds(controlIds: readonly string[]): string[] {
  const problems = controlIds.flatMap((id, i): FieldIssue[] => (findAnnexAControl(id) ? [] : [{ field: `controlIds.${i}`, reason: `${id} is not an ISO/IEC 42001 Annex A control ID` }]));
  if (problems.length > 0) throw new AppError('VALIDATION_FAILED', problems.map((p) => `${p.field} ${p.reason}`).join('; '), { fields: problems });
  return [...new Set(controlIds)].sort();
}

/** A treatment cannot rely on a control the organization excluded from its SoA. */
export async function assertControlsApplicable(conn: Conn, organizationId: string, controlIds: readonly string[]): Promise<void> {
  if (controlIds.length === 0) return;
  const excluded = new Set(
    (await conn.kysely.selectFrom('soa_controls').select('control_id').where('organization_id', '=', organizationId).where('applicability', '=', 'excluded').execute()).map((r) => r.control_id),
  );
  const problems = controlIds.flatMap((id, i): FieldIssue[] => (excluded.has(id) ? [{ field: `controlIds.${i}`, reason: `${id} is excluded in the Statement of Applicability` }] : []));
  if (problems.length > 0) throw new AppError('VALIDATION_FAILED', problems.map((p) => `${p.field} ${p.reason}`).join('; '), { fields: problems });
}
