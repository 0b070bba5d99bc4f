import type { SystemDetailOutput } from '../../contracts/inventory.contracts.js';
import { AppError } from '../../domain/shared/app-error.js';
import { requirePermission } from '../shared/authorize.js';
import type { Actor, AppDeps } from '../shared/context.js';
import { rankInventory } from './inventory-ranking.js';
import { presentSystem } from './inventory.presenters.js';

/** One system with its current classification and its ranking. */
export async function getSystem(deps: AppDeps, actor: Actor, id: string): Promise<SystemDetailOutput> {
  requirePermission(actor, 'system:read');
  const inventory = await rankInventory(deps.db, actor.organizationId);
  const found = inventory.systems.find((s) => s.row.id === id);
  if (!found) throw AppError.notFound('AI system', id);
  return { ...presentSystem(found.row), classification: found.classification, ranking: found.ranking };
}
