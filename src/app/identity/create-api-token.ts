import type { CreateApiTokenInput, CreatedApiTokenOutput } from '../../contracts/identity.contracts.js';
import { ROLE_PERMISSIONS, roleHasPermission } from '../../domain/access/permissions.js';
import { AppError } from '../../domain/shared/app-error.js';
import { findApiTokenByName, insertApiToken } from '../../storage/repositories/api-token.repository.js';
import { findMemberByEmail } from '../../storage/repositories/user.repository.js';
import { inTransaction } from '../../storage/transaction.js';
import { appendTrailEvent } from '../trail/append-trail-event.js';
import { requirePermission } from '../shared/authorize.js';
import type { Actor, AppDeps } from '../shared/context.js';
import { newId } from '../shared/ids.js';
import { randomSecret, sha256Hex } from '../shared/secrets.js';
import { presentApiToken } from './identity.presenters.js';
import { activeRole } from './membership-access.js';

const DAY_MS = 86_400_000;

/**
 * Issues an API token for a pipeline or integration. Only its sha256 is stored; the secret is in
 * this one response and never again. A token cannot outlive its owner's access.
 */
export async function createApiToken(deps: AppDeps, actor: Actor, input: CreateApiTokenInput): Promise<CreatedApiTokenOutput> {
  requirePermission(actor, 'token:manage');
  const now = deps.clock.now();
  return inTransaction(deps.db, async (tx) => {
    const owner = await findMemberByEmail(tx, actor.organizationId, input.email);
    if (!owner || !activeRole(owner, now)) throw AppError.invalidField('email', `${input.email} is not an active member of this organization`);
    const ownerRole = activeRole(owner, now)!;
    if (!ROLE_PERMISSIONS[input.role].every((p) => roleHasPermission(ownerRole, p))) {
      throw AppError.invalidField('role', `a token cannot hold more than its owner: ${input.email} is ${ownerRole}`);
    }
    if (await findApiTokenByName(tx, actor.organizationId, input.name)) {
      throw AppError.conflict('name', `a token named "${input.name}" already exists`);
    }
    let expiresAt = input.expiresInDays ? new Date(now.getTime() + input.expiresInDays * DAY_MS) : null;
    if (owner.access_expires_at && (!expiresAt || new Date(owner.access_expires_at) < expiresAt)) expiresAt = new Date(owner.access_expires_at);

    const secret = `aims_${randomSecret()}`;
    const row = {
      id: newId(now),
      organization_id: actor.organizationId,
      user_id: owner.id,
      name: input.name,
      role: input.role,
      token_hash: sha256Hex(secret),
      prefix: secret.slice(0, 10),
      created_at: now.toISOString(),
      expires_at: expiresAt?.toISOString() ?? null,
      revoked_at: null,
      last_used_at: null,
    };
    await insertApiToken(tx, row);
    const token = presentApiToken(row);
    await appendTrailEvent(tx, deps, actor, { action: 'api_token.created', entityType: 'api_token', entityId: row.id, before: null, after: token });
    return { ...token, token: secret };
  });
}
