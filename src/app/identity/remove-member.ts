import { AppError } from '../../domain/shared/app-error.js';
import { listLiveTokensOfMember, markApiTokenRevoked } from '../../storage/repositories/api-token.repository.js';
import { deleteSessionsOfMember } from '../../storage/repositories/session.repository.js';
import { deleteMembership, findMember } from '../../storage/repositories/user.repository.js';
import { inTransaction } from '../../storage/transaction.js';
import { appendTrailEvent } from '../trail/append-trail-event.js';
import { requirePermission } from '../shared/authorize.js';
import type { Actor, AppDeps } from '../shared/context.js';
import { presentApiToken, presentUser } from './identity.presenters.js';
import { activeRole } from './membership-access.js';
import { keepOneAdmin } from './member-rules.js';

/**
 * Removes a person from the organization: their sessions there end, their tokens there are
 * revoked (each with its own trail event), and the membership goes. Their login stays for any
 * other organization; their past actions stay in the trail under their name.
 */
export async function removeMember(deps: AppDeps, actor: Actor, userId: string): Promise<void> {
  requirePermission(actor, 'user:manage');
  const now = deps.clock.now();
  await inTransaction(deps.db, async (tx) => {
    const member = await findMember(tx, actor.organizationId, userId);
    if (!member) throw AppError.notFound('user', userId);
    await keepOneAdmin(tx, actor.organizationId, activeRole(member, now) === 'admin', now);

    for (const token of await listLiveTokensOfMember(tx, actor.organizationId, userId)) {
      const revokedAt = now.toISOString();
      await markApiTokenRevoked(tx, actor.organizationId, token.id, revokedAt);
      const before = presentApiToken(token);
      await appendTrailEvent(tx, deps, actor, { action: 'api_token.revoked', entityType: 'api_token', entityId: token.id, before, after: { ...before, revokedAt } });
    }
    await deleteSessionsOfMember(tx, actor.organizationId, userId);
    await deleteMembership(tx, actor.organizationId, userId);
    await appendTrailEvent(tx, deps, actor, { action: 'user.removed', entityType: 'user', entityId: userId, before: presentUser(member), after: null });
  });
}
