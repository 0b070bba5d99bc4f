import { ROLES, ROLES_REQUIRING_EXPIRY, type Role } from '../../../../src/domain/access/roles.js';
import { humanize } from '../../lib/format.js';

export const ROLE_OPTIONS = ROLES.map((role) => ({ value: role, label: humanize(role) }));

export function roleNeedsExpiry(role: string): boolean {
  return (ROLES_REQUIRING_EXPIRY as readonly string[]).includes(role as Role);
}
