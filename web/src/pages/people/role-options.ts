import { ROLES_REQUIRING_EXPIRY, type Role } from '../../../../src/domain/access/roles.js';

export { ROLE_OPTIONS } from '../../lib/roles.js';

export function roleNeedsExpiry(role: string): boolean {
  return (ROLES_REQUIRING_EXPIRY as readonly string[]).includes(role as Role);
}
