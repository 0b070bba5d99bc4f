import type { MyOrganizationOutput } from '../../contracts/identity.contracts.js';
import { findOrganization } from '../../storage/repositories/organization.repository.js';
import { listMembershipsOfUser } from '../../storage/repositories/user.repository.js';
import type { Actor, AppDeps } from '../shared/context.js';
import { activeRole } from './membership-access.js';

/** The organizations the caller can enter, with their role in each; the current one is marked. */
export async function listMyOrganizations(deps: AppDeps, actor: Actor): Promise<MyOrganizationOutput[]> {
  if (!actor.userId) return [];
  const now = deps.clock.now();
  const result: MyOrganizationOutput[] = [];
  for (const membership of await listMembershipsOfUser(deps.db, actor.userId)) {
    const role = activeRole(membership, now);
    const organization = role && (await findOrganization(deps.db, membership.organization_id));
    if (role && organization) result.push({ id: organization.id, name: organization.name, role, current: organization.id === actor.organizationId });
  }
  return result;
}
