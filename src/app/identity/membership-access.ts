import { isRole, type Role } from '../../domain/access/roles.js';
import type { MembershipsTable } from '../../storage/schema.js';

/** The membership's role while its access lasts; undefined once it has expired or if the role is unknown. */
export function activeRole(membership: Pick<MembershipsTable, 'role' | 'access_expires_at'>, now: Date): Role | undefined {
  if (membership.access_expires_at && new Date(membership.access_expires_at).getTime() <= now.getTime()) return undefined;
  return isRole(membership.role) ? membership.role : undefined;
}
