import type { MeOutput } from '../../contracts/identity.contracts.js';
import { ROLE_PERMISSIONS, roleHasPermission } from '../../domain/access/permissions.js';
import { isRole } from '../../domain/access/roles.js';
import { AppError } from '../../domain/shared/app-error.js';
import { findApiTokenByHash, touchApiToken } from '../../storage/repositories/api-token.repository.js';
import { findOrganization } from '../../storage/repositories/organization.repository.js';
import { findSessionByHash } from '../../storage/repositories/session.repository.js';
import { findMember } from '../../storage/repositories/user.repository.js';
import type { Actor, AppDeps } from '../shared/context.js';
import { sha256Hex } from '../shared/secrets.js';
import { presentOrganization } from './identity.presenters.js';
import { activeRole } from './membership-access.js';

const NOT_AUTHENTICATED = (why: string) => new AppError('UNAUTHENTICATED', why);

// Recording every request's use of a token would turn reads into writes; once a minute is enough to see activity.
const TOKEN_TOUCH_INTERVAL_MS = 60_000;

/** Resolves a session cookie's secret to the acting user. The membership is re-read, so a removed or expired role stops at once. */
export async function authenticateSession(deps: AppDeps, secret: string): Promise<{ actor: Actor; csrfToken: string }> {
  const session = await findSessionByHash(deps.db, sha256Hex(secret));
  const now = deps.clock.now();
  if (!session || new Date(session.expires_at) <= now) throw NOT_AUTHENTICATED('your session has ended; log in again');
  const member = await findMember(deps.db, session.organization_id, session.user_id);
  const role = member && activeRole(member, now);
  if (!member || !role) throw NOT_AUTHENTICATED('your access to this organization has ended');
  return {
    actor: { type: 'user', organizationId: session.organization_id, userId: member.id, tokenId: null, role, label: member.email },
    csrfToken: session.csrf_token,
  };
}

/** Resolves an API token to an actor with the token's role, provided the token and its owner's membership are both live. */
export async function authenticateToken(deps: AppDeps, secret: string): Promise<Actor> {
  const token = await findApiTokenByHash(deps.db, sha256Hex(secret));
  const now = deps.clock.now();
  if (!token) throw NOT_AUTHENTICATED('the API token is not valid');
  if (token.revoked_at) throw NOT_AUTHENTICATED('the API token was revoked');
  if (token.expires_at && new Date(token.expires_at) <= now) throw NOT_AUTHENTICATED('the API token has expired');
  const member = await findMember(deps.db, token.organization_id, token.user_id);
  const ownerRole = member && activeRole(member, now);
  if (!ownerRole || !isRole(token.role)) throw NOT_AUTHENTICATED("the API token's owner no longer has access");
  // A token never holds more than its owner holds today, even if the owner's role was lowered since.
  if (!ROLE_PERMISSIONS[token.role].every((p) => roleHasPermission(ownerRole, p))) {
    throw NOT_AUTHENTICATED(`the API token's role (${token.role}) now exceeds its owner's (${ownerRole}); issue a new token`);
  }
  if (!token.last_used_at || now.getTime() - new Date(token.last_used_at).getTime() > TOKEN_TOUCH_INTERVAL_MS) {
    await touchApiToken(deps.db, token.organization_id, token.id, now.toISOString());
  }
  return {
    type: 'token',
    organizationId: token.organization_id,
    userId: token.user_id,
    tokenId: token.id,
    role: token.role,
    label: `token ${token.name} (${member!.email})`,
  };
}

/** Who the caller is: user, organization, role and the permissions that role holds. */
export async function describeActor(deps: AppDeps, actor: Actor): Promise<MeOutput> {
  const organization = await findOrganization(deps.db, actor.organizationId);
  if (!organization) throw NOT_AUTHENTICATED('the organization no longer exists');
  const member = actor.userId ? await findMember(deps.db, actor.organizationId, actor.userId) : undefined;
  return {
    user: { id: actor.userId, email: member?.email ?? null, displayName: member?.display_name ?? actor.label },
    organization: presentOrganization(organization),
    role: actor.role,
    permissions: [...ROLE_PERMISSIONS[actor.role]],
    via: actor.type === 'token' ? 'token' : 'session',
  };
}
