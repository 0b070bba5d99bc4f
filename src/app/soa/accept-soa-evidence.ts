import type { AcceptEvidenceInput, SoaEvidenceAcceptanceOutput } from '../../contracts/soa.contracts.js';
import { findAnnexAControl } from '../../domain/catalog/index.js';
import { AppError } from '../../domain/shared/app-error.js';
import { findEvidenceItem, findEvidenceLink } from '../../storage/repositories/evidence.repository.js';
import { SOA_CONTROL_ENTITY, deleteSoaAcceptance, findSoaAcceptance, insertSoaAcceptance } from '../../storage/repositories/soa.repository.js';
import { findFirstEventActorId } from '../../storage/repositories/trail.repository.js';
import type { SoaEvidenceAcceptancesTable } from '../../storage/schema.js';
import { inTransaction } from '../../storage/transaction.js';
import { appendTrailEvent } from '../trail/append-trail-event.js';
import { requirePermission } from '../shared/authorize.js';
import type { Actor, AppDeps } from '../shared/context.js';
import { newId } from '../shared/ids.js';
import { unknownControl } from './get-soa.js';
import { ensureDraft } from './soa-drafts.js';
import { presentSoaAcceptance } from './soa.presenter.js';

/**
 * An approver accepts linked evidence as proof that a control is implemented. Segregation of
 * duties: nobody accepts evidence they uploaded themselves.
 */
export async function acceptSoaEvidence(deps: AppDeps, actor: Actor, controlId: string, evidenceId: string, input: AcceptEvidenceInput): Promise<SoaEvidenceAcceptanceOutput> {
  requirePermission(actor, 'soa:approve');
  if (!findAnnexAControl(controlId)) throw unknownControl(controlId);
  return inTransaction(deps.db, async (tx) => {
    if (!(await findEvidenceItem(tx, actor.organizationId, evidenceId))) throw AppError.notFound('evidence', evidenceId);
    const link = await findEvidenceLink(tx, actor.organizationId, { evidence_id: evidenceId, entity_type: SOA_CONTROL_ENTITY, entity_id: controlId });
    if (!link) throw new AppError('PRECONDITION_FAILED', `evidenceId: evidence ${evidenceId} is not linked to ${controlId}; link it first`, { fields: [{ field: 'evidenceId', reason: `is not linked to ${controlId}` }] });
    if (await findSoaAcceptance(tx, actor.organizationId, controlId, evidenceId)) throw AppError.conflict('evidenceId', `is already accepted for ${controlId}`);
    const uploader = await findFirstEventActorId(tx, actor.organizationId, 'evidence', evidenceId, 'evidence.uploaded');
    if (uploader !== null && uploader === actor.userId) {
      throw new AppError('FORBIDDEN', 'segregation of duties: you uploaded this evidence, so someone else must accept it', { fields: [{ field: 'evidenceId', reason: 'was uploaded by you' }] });
    }
    await ensureDraft(tx, deps, actor);
    const row: SoaEvidenceAcceptancesTable = {
      id: newId(),
      organization_id: actor.organizationId,
      control_id: controlId,
      evidence_id: evidenceId,
      accepted_at: deps.clock.now().toISOString(),
      accepted_by: actor.label,
      accepted_by_user_id: actor.userId,
      note: input.note ?? null,
    };
    await insertSoaAcceptance(tx, row);
    const after = presentSoaAcceptance(row);
    await appendTrailEvent(tx, deps, actor, { action: 'soa_evidence.accepted', entityType: 'soa_evidence_acceptance', entityId: row.id, before: null, after });
    return after;
  });
}

/** Withdraws an acceptance (the evidence turned out not to prove the control); the status follows. */
export async function withdrawSoaEvidence(deps: AppDeps, actor: Actor, controlId: string, evidenceId: string): Promise<void> {
  requirePermission(actor, 'soa:approve');
  if (!findAnnexAControl(controlId)) throw unknownControl(controlId);
  await inTransaction(deps.db, async (tx) => {
    const row = await findSoaAcceptance(tx, actor.organizationId, controlId, evidenceId);
    if (!row) throw AppError.notFound('acceptance of evidence', `${evidenceId} for ${controlId}`);
    await ensureDraft(tx, deps, actor);
    await deleteSoaAcceptance(tx, actor.organizationId, row.id);
    await appendTrailEvent(tx, deps, actor, { action: 'soa_evidence.withdrawn', entityType: 'soa_evidence_acceptance', entityId: row.id, before: presentSoaAcceptance(row), after: null });
  });
}
