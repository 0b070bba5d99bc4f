import type { Page } from '../../contracts/common.contracts.js';
import type { SystemDetailOutput, SystemListQuery } from '../../contracts/inventory.contracts.js';
import { requirePermission } from '../shared/authorize.js';
import type { Actor, AppDeps } from '../shared/context.js';
import { decodeCursor, toPage } from '../shared/cursor.js';
import { rankInventory } from './inventory-ranking.js';
import { presentSystem } from './inventory.presenters.js';

/** The inventory, highest ranking score first; the cursor is a position in that order. */
export async function listSystems(deps: AppDeps, actor: Actor, query: SystemListQuery): Promise<Page<SystemDetailOutput>> {
  requirePermission(actor, 'system:read');
  const offset = decodeCursor<number>(query.cursor, 'number') ?? 0;
  const all = (await rankInventory(deps.db, actor.organizationId)).systems
    .filter((s) => (query.stage ? s.row.lifecycle_stage === query.stage : true))
    .filter((s) => (query.wave ? s.ranking.wave === query.wave : true))
    .filter((s) => (query.ownerUserId ? s.row.owner_user_id === query.ownerUserId : true))
    .filter((s) => (query.tier ? (s.classification?.tier ?? 'unscreened') === query.tier : true))
    .map((s, position) => ({ position, detail: { ...presentSystem(s.row), classification: s.classification, ranking: s.ranking } }));
  return toPage(all.slice(offset, offset + query.limit + 1), query.limit, (item) => item.position + 1, (item) => item.detail);
}
