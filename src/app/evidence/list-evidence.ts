import type { Page } from '../../contracts/common.contracts.js';
import type { EvidenceListQuery, EvidenceOutput } from '../../contracts/evidence.contracts.js';
import { listEvidenceItems } from '../../storage/repositories/evidence.repository.js';
import { requirePermission } from '../shared/authorize.js';
import type { Actor, AppDeps } from '../shared/context.js';
import { decodeCursor, toPage } from '../shared/cursor.js';
import { presentEvidence } from './evidence.presenter.js';

/** Evidence of the organization, newest first, optionally only what is linked to one entity. */
export async function listEvidence(deps: AppDeps, actor: Actor, query: EvidenceListQuery): Promise<Page<EvidenceOutput>> {
  requirePermission(actor, 'evidence:read');
  const rows = await listEvidenceItems(
    deps.db,
    actor.organizationId,
    { kind: query.kind, entityType: query.entityType, entityId: query.entityId },
    decodeCursor<string>(query.cursor, 'string'),
    query.limit + 1,
  );
  return toPage(rows, query.limit, (row) => row.id, presentEvidence);
}
