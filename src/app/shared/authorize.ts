import type { Permission } from '../../domain/access/permissions.js';
import { PERMISSION_DESCRIPTIONS, roleHasPermission } from '../../domain/access/permissions.js';
import { AppError } from '../../domain/shared/app-error.js';
import type { Actor } from './context.js';

/** Throws FORBIDDEN unless the actor's role holds the permission. Every use case calls this first. */
export function requirePermission(actor: Actor, permission: Permission): void {
  if (!roleHasPermission(actor.role, permission)) {
    throw new AppError('FORBIDDEN', `your role (${actor.role.replace('_', ' ')}) may not ${PERMISSION_DESCRIPTIONS[permission]}`, { permission, role: actor.role });
  }
}
