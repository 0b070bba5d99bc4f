import type { OrganizationOutput, UserOutput } from '../../contracts/identity.contracts.js';
import { GENESIS_HASH } from '../../domain/trail/trail-chain.js';
import { AppError } from '../../domain/shared/app-error.js';
import type { Conn } from '../../storage/database.js';
import { findOrganizationByNameKey, insertOrganization } from '../../storage/repositories/organization.repository.js';
import { insertTrailHead } from '../../storage/repositories/trail.repository.js';
import { findMember, findUserByEmail, insertMembership, insertUser } from '../../storage/repositories/user.repository.js';
import { appendTrailEvent } from '../trail/append-trail-event.js';
import type { Actor, AppDeps } from '../shared/context.js';
import { newId } from '../shared/ids.js';
import { presentOrganization, presentUser } from './identity.presenters.js';

export interface NewAdmin {
  /** An existing user (an admin creating another organization) or a new one to create. */
  existingUserId?: string;
  email: string;
  displayName: string;
  passwordHash?: string;
}

/** Organization names are unique regardless of case and surrounding space. */
export function organizationNameKey(name: string): string {
  return name.trim().toLowerCase();
}

/**
 * Inside a transaction: creates an organization, its trail head and its first admin membership,
 * and writes the events to the new organization's own chain. Shared by first-run setup and by
 * an admin creating a further organization.
 */
export async function createOrganizationWithAdmin(
  tx: Conn,
  deps: Pick<AppDeps, 'clock'>,
  name: string,
  admin: NewAdmin,
  actorLabel: string,
): Promise<{ organization: OrganizationOutput; admin: UserOutput }> {
  const now = deps.clock.now().toISOString();
  if (await findOrganizationByNameKey(tx, organizationNameKey(name))) {
    throw AppError.conflict('name', `an organization named "${name}" already exists`);
  }
  const organization = { id: newId(deps.clock.now()), name, name_key: organizationNameKey(name), created_at: now };
  await insertOrganization(tx, organization);
  await insertTrailHead(tx, { organization_id: organization.id, seq: 0, hash: GENESIS_HASH });

  let userId = admin.existingUserId;
  if (!userId) {
    if (await findUserByEmail(tx, admin.email)) throw AppError.conflict('adminEmail', `a user with email ${admin.email} already exists`);
    if (!admin.passwordHash) throw AppError.invalidField('adminPassword', 'is required for a new admin');
    userId = newId(deps.clock.now());
    await insertUser(tx, { id: userId, email: admin.email, display_name: admin.displayName, password_hash: admin.passwordHash, created_at: now });
  }
  await insertMembership(tx, { organization_id: organization.id, user_id: userId, role: 'admin', access_expires_at: null, created_at: now });
  const member = await findMember(tx, organization.id, userId);

  const actor: Actor = { type: 'user', organizationId: organization.id, userId, tokenId: null, role: 'admin', label: actorLabel };
  const orgOut = presentOrganization(organization);
  const adminOut = presentUser(member!);
  await appendTrailEvent(tx, deps, actor, { action: 'organization.created', entityType: 'organization', entityId: organization.id, before: null, after: orgOut });
  await appendTrailEvent(tx, deps, actor, { action: 'user.added', entityType: 'user', entityId: userId, before: null, after: adminOut });
  return { organization: orgOut, admin: adminOut };
}
