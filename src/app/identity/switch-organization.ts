import type { SessionOutput } from '../../contracts/identity.contracts.js';
import { AppError } from '../../domain/shared/app-error.js';
import { findOrganization } from '../../storage/repositories/organization.repository.js';
import { listMembershipsOfUser } from '../../storage/repositories/user.repository.js';
import { findUserById } from '../../storage/repositories/user.repository.js';
import type { Actor, AppDeps } from '../shared/context.js';
import { logOut } from './log-out.js';
import { openSession } from './log-in.js';
import { activeRole } from './membership-access.js';

/** Moves a logged-in person to another organization they belong to: a new session there, the old one closed. */
export async function switchOrganization(deps: AppDeps, actor: Actor, sessionSecret: string, organizationId: string): Promise<{ sessionSecret: string; session: SessionOutput }> {
  if (actor.type !== 'user' || !actor.userId) throw new AppError('FORBIDDEN', 'only a logged-in person can switch organization');
  const now = deps.clock.now();
  const user = await findUserById(deps.db, actor.userId);
  const membership = (await listMembershipsOfUser(deps.db, actor.userId)).find((m) => m.organization_id === organizationId && activeRole(m, now));
  const organization = membership && (await findOrganization(deps.db, organizationId));
  if (!user || !membership || !organization) {
    throw new AppError('NOT_FOUND', `organizationId: you have no active access to organization ${organizationId}`, { fields: [{ field: 'organizationId', reason: 'not one of your organizations' }] });
  }
  const role = activeRole(membership, now)!;
  const opened = await openSession(deps, {
    user,
    membership,
    organization,
    role,
    actor: { type: 'user', organizationId, userId: user.id, tokenId: null, role, label: user.email },
  });
  await logOut(deps, actor, sessionSecret);
  return opened;
}
