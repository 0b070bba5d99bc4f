import type { EvidenceLinkOutput, LinkEvidenceInput } from '../../contracts/evidence.contracts.js';
import { AppError } from '../../domain/shared/app-error.js';
import { entityExists } from '../../storage/repositories/entity.repository.js';
import { findEvidenceItem, findEvidenceLink, insertEvidenceLink } from '../../storage/repositories/evidence.repository.js';
import { inTransaction } from '../../storage/transaction.js';
import { appendTrailEvent } from '../trail/append-trail-event.js';
import { requirePermission } from '../shared/authorize.js';
import type { Actor, AppDeps } from '../shared/context.js';
import { presentEvidenceLink } from './evidence.presenter.js';

/** Links an evidence item to an entity of the same organization; later statuses are derived from these links. */
export async function linkEvidence(deps: AppDeps, actor: Actor, evidenceId: string, input: LinkEvidenceInput): Promise<EvidenceLinkOutput> {
  requirePermission(actor, 'evidence:link');
  return inTransaction(deps.db, async (tx) => {
    if (!(await findEvidenceItem(tx, actor.organizationId, evidenceId))) throw AppError.notFound('evidence', evidenceId);
    if (!(await entityExists(tx, actor.organizationId, input.entityType, input.entityId))) {
      throw new AppError('NOT_FOUND', `entityId: no ${input.entityType} ${input.entityId} in this organization`, {
        fields: [{ field: 'entityId', reason: `not found in this organization` }],
      });
    }
    const key = { evidence_id: evidenceId, entity_type: input.entityType, entity_id: input.entityId };
    if (await findEvidenceLink(tx, actor.organizationId, key)) throw AppError.conflict('entityId', 'this evidence is already linked to that entity');
    const row = { organization_id: actor.organizationId, ...key, created_at: deps.clock.now().toISOString(), created_by: actor.label };
    await insertEvidenceLink(tx, row);
    const link = presentEvidenceLink(row);
    await appendTrailEvent(tx, deps, actor, { action: 'evidence.linked', entityType: 'evidence', entityId: evidenceId, before: null, after: link });
    return link;
  });
}
