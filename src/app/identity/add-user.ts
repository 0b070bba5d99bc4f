import type { AddUserInput, UserOutput } from '../../contracts/identity.contracts.js';
import { AppError } from '../../domain/shared/app-error.js';
import { inTransaction } from '../../storage/transaction.js';
import { findMember, findMemberByEmail, findUserByEmail, insertMembership, insertUser } from '../../storage/repositories/user.repository.js';
import { appendTrailEvent } from '../trail/append-trail-event.js';
import { requirePermission } from '../shared/authorize.js';
import type { Actor, AppDeps } from '../shared/context.js';
import { newId } from '../shared/ids.js';
import { hashPassword } from '../shared/secrets.js';
import { presentUser } from './identity.presenters.js';
import { checkAccessEnd } from './member-rules.js';

/**
 * Adds a person to the organization with a role. A new email creates the user; an email that
 * already has a login elsewhere is refused (it would let one admin set another tenant's password).
 * External auditors must be given an end date, in the future.
 */
export async function addUser(deps: AppDeps, actor: Actor, input: AddUserInput): Promise<UserOutput> {
  requirePermission(actor, 'user:manage');
  const now = deps.clock.now();
  checkAccessEnd(input.role, input.accessExpiresAt ?? null, now);
  const expiresAt = input.accessExpiresAt ? new Date(input.accessExpiresAt) : null;

  const passwordHash = await hashPassword(input.password, deps.settings.passwordHashCost);
  return inTransaction(deps.db, async (tx) => {
    if (await findMemberByEmail(tx, actor.organizationId, input.email)) {
      throw AppError.conflict('email', `${input.email} is already a member of this organization`);
    }
    if (await findUserByEmail(tx, input.email)) {
      throw AppError.conflict('email', `${input.email} already has an OpenAIMS login; ask an admin of their organization`);
    }
    const id = newId(now);
    const createdAt = now.toISOString();
    await insertUser(tx, { id, email: input.email, display_name: input.displayName, password_hash: passwordHash, created_at: createdAt });
    await insertMembership(tx, {
      organization_id: actor.organizationId,
      user_id: id,
      role: input.role,
      access_expires_at: expiresAt?.toISOString() ?? null,
      created_at: createdAt,
    });
    const member = await findMember(tx, actor.organizationId, id);
    const user = presentUser(member!);
    await appendTrailEvent(tx, deps, actor, { action: 'user.added', entityType: 'user', entityId: id, before: null, after: user });
    return user;
  });
}
