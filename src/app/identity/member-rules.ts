import { ROLES_REQUIRING_EXPIRY, type Role } from '../../domain/access/roles.js';
import { AppError } from '../../domain/shared/app-error.js';
import type { Conn } from '../../storage/database.js';
import { countActiveAdmins } from '../../storage/repositories/user.repository.js';

/** An access end date is required for outside parties and must lie in the future. */
export function checkAccessEnd(role: Role, accessExpiresAt: string | null, now: Date): void {
  if (ROLES_REQUIRING_EXPIRY.includes(role) && !accessExpiresAt) {
    throw AppError.invalidField('accessExpiresAt', `is required for the ${role.replace('_', ' ')} role: their access must end`);
  }
  if (accessExpiresAt && new Date(accessExpiresAt).getTime() <= now.getTime()) throw AppError.invalidField('accessExpiresAt', 'must be in the future');
}

/** Refuses a change that would leave the organization without an admin who can still act. */
export async function keepOneAdmin(tx: Conn, organizationId: string, targetIsActiveAdmin: boolean, now: Date): Promise<void> {
  if (targetIsActiveAdmin && (await countActiveAdmins(tx, organizationId, now.toISOString())) <= 1) {
    throw new AppError('CONFLICT', 'this is the last admin of the organization; make someone else admin first', { fields: [{ field: 'role', reason: 'the organization needs an admin' }] });
  }
}
