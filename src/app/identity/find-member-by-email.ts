import type { UserOutput } from '../../contracts/identity.contracts.js';
import { AppError } from '../../domain/shared/app-error.js';
import { findMemberByEmail } from '../../storage/repositories/user.repository.js';
import { requirePermission } from '../shared/authorize.js';
import type { Actor, AppDeps } from '../shared/context.js';
import { presentUser } from './identity.presenters.js';

/** A member of the caller's organization by email; for commands where people are named, not numbered. */
export async function getMemberByEmail(deps: AppDeps, actor: Actor, email: string): Promise<UserOutput> {
  requirePermission(actor, 'user:read');
  const member = await findMemberByEmail(deps.db, actor.organizationId, email.toLowerCase());
  if (!member) throw new AppError('NOT_FOUND', `email: ${email} is not a member of this organization`, { fields: [{ field: 'email', reason: 'not a member' }] });
  return presentUser(member);
}
