import type { Page } from '../../contracts/common.contracts.js';
import type { TrailEventOutput, TrailQuery } from '../../contracts/trail.contracts.js';
import { listTrailEvents as queryTrailEvents } from '../../storage/repositories/trail.repository.js';
import { requirePermission } from '../shared/authorize.js';
import type { Actor, AppDeps } from '../shared/context.js';
import { decodeCursor, toPage } from '../shared/cursor.js';
import { presentTrailEvent } from './trail.presenter.js';

// Stored times are UTC with milliseconds; a filter given with an offset must be compared in the same form.
function toUtcIso(value: string | undefined): string | undefined {
  return value === undefined ? undefined : new Date(value).toISOString();
}

/** Lists the organization's trail, newest first, filtered by entity, actor and time. */
export async function listTrailEvents(deps: AppDeps, actor: Actor, query: TrailQuery): Promise<Page<TrailEventOutput>> {
  requirePermission(actor, 'trail:read');
  const beforeSeq = decodeCursor<number>(query.cursor, 'number');
  const rows = await queryTrailEvents(
    deps.db,
    actor.organizationId,
    { entityType: query.entityType, entityId: query.entityId, actorId: query.actorId, fromIso: toUtcIso(query.from), toIso: toUtcIso(query.to) },
    beforeSeq,
    query.limit + 1,
  );
  return toPage(rows, query.limit, (row) => Number(row.seq), presentTrailEvent);
}
