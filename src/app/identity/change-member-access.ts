import type { UpdateUserInput, UserOutput } from '../../contracts/identity.contracts.js';
import type { Role } from '../../domain/access/roles.js';
import { AppError } from '../../domain/shared/app-error.js';
import { findMember, updateMembership } from '../../storage/repositories/user.repository.js';
import { inTransaction } from '../../storage/transaction.js';
import { appendTrailEvent } from '../trail/append-trail-event.js';
import { requirePermission } from '../shared/authorize.js';
import type { Actor, AppDeps } from '../shared/context.js';
import { presentUser } from './identity.presenters.js';
import { activeRole } from './membership-access.js';
import { checkAccessEnd, keepOneAdmin } from './member-rules.js';

/**
 * Changes a member's role or access end. Takes effect at once: sessions and tokens re-read the
 * membership on every request, and a token stronger than its owner's new role stops working.
 */
export async function changeMemberAccess(deps: AppDeps, actor: Actor, userId: string, input: UpdateUserInput): Promise<UserOutput> {
  requirePermission(actor, 'user:manage');
  const now = deps.clock.now();
  return inTransaction(deps.db, async (tx) => {
    const member = await findMember(tx, actor.organizationId, userId);
    if (!member) throw AppError.notFound('user', userId);
    const role = (input.role ?? member.role) as Role;
    const accessExpiresAt = input.accessExpiresAt === undefined ? member.access_expires_at : input.accessExpiresAt && new Date(input.accessExpiresAt).toISOString();
    checkAccessEnd(role, accessExpiresAt, now);
    const stillAdmin = role === 'admin' && (!accessExpiresAt || new Date(accessExpiresAt) > now);
    if (!stillAdmin) await keepOneAdmin(tx, actor.organizationId, activeRole(member, now) === 'admin', now);

    await updateMembership(tx, actor.organizationId, userId, { role, access_expires_at: accessExpiresAt });
    const before = presentUser(member);
    const after = presentUser((await findMember(tx, actor.organizationId, userId))!);
    await appendTrailEvent(tx, deps, actor, { action: 'user.changed', entityType: 'user', entityId: userId, before, after });
    return after;
  });
}
