import type { CreateOrganizationInput, OrganizationOutput } from '../../contracts/identity.contracts.js';
import { AppError } from '../../domain/shared/app-error.js';
import { inTransaction } from '../../storage/transaction.js';
import { findMember } from '../../storage/repositories/user.repository.js';
import { requirePermission } from '../shared/authorize.js';
import type { Actor, AppDeps } from '../shared/context.js';
import { createOrganizationWithAdmin } from './create-organization-with-admin.js';

/** An admin creates a further organization and becomes its first admin. */
export async function createOrganization(deps: AppDeps, actor: Actor, input: CreateOrganizationInput): Promise<OrganizationOutput> {
  requirePermission(actor, 'organization:create');
  if (actor.type !== 'user' || !actor.userId) {
    throw new AppError('FORBIDDEN', 'organizations are created by a logged-in admin, not by an API token');
  }
  const userId = actor.userId;
  return inTransaction(deps.db, async (tx) => {
    const me = await findMember(tx, actor.organizationId, userId);
    if (!me) throw new AppError('UNAUTHENTICATED', 'your membership no longer exists');
    const { organization } = await createOrganizationWithAdmin(
      tx,
      deps,
      input.name,
      { existingUserId: me.id, email: me.email, displayName: me.display_name },
      actor.label,
    );
    return organization;
  });
}
