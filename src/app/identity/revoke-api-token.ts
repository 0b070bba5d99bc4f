import type { ApiTokenOutput } from '../../contracts/identity.contracts.js';
import { AppError } from '../../domain/shared/app-error.js';
import { findApiToken, markApiTokenRevoked } from '../../storage/repositories/api-token.repository.js';
import { inTransaction } from '../../storage/transaction.js';
import { appendTrailEvent } from '../trail/append-trail-event.js';
import { requirePermission } from '../shared/authorize.js';
import type { Actor, AppDeps } from '../shared/context.js';
import { presentApiToken } from './identity.presenters.js';

/** Revokes a token at once. Revoking twice is refused, so the trail holds one revocation. */
export async function revokeApiToken(deps: AppDeps, actor: Actor, tokenId: string): Promise<ApiTokenOutput> {
  requirePermission(actor, 'token:manage');
  return inTransaction(deps.db, async (tx) => {
    const row = await findApiToken(tx, actor.organizationId, tokenId);
    if (!row) throw AppError.notFound('api token', tokenId);
    if (row.revoked_at) throw new AppError('CONFLICT', `token ${row.name} was already revoked at ${row.revoked_at}`, { revokedAt: row.revoked_at });
    const revokedAt = deps.clock.now().toISOString();
    await markApiTokenRevoked(tx, actor.organizationId, tokenId, revokedAt);
    const before = presentApiToken(row);
    const after = { ...before, revokedAt };
    await appendTrailEvent(tx, deps, actor, { action: 'api_token.revoked', entityType: 'api_token', entityId: tokenId, before, after });
    return after;
  });
}
