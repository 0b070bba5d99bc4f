import type { LoginInput, SessionOutput } from '../../contracts/identity.contracts.js';
import { ROLE_PERMISSIONS } from '../../domain/access/permissions.js';
import { AppError } from '../../domain/shared/app-error.js';
import { findOrganization } from '../../storage/repositories/organization.repository.js';
import { deleteExpiredSessionsOfUser, insertSession } from '../../storage/repositories/session.repository.js';
import { findUserByEmail, listMembershipsOfUser } from '../../storage/repositories/user.repository.js';
import { findSsoSettings } from '../../storage/repositories/sso.repository.js';
import { inTransaction } from '../../storage/transaction.js';
import { appendTrailEvent } from '../trail/append-trail-event.js';
import type { Actor, AppDeps } from '../shared/context.js';
import { hashPassword, randomSecret, sha256Hex, verifyPassword } from '../shared/secrets.js';
import { presentOrganization } from './identity.presenters.js';
import { activeRole } from './membership-access.js';

// A real hash, at the configured cost, to check when the email is unknown: both paths take the same time.
let dummyHash: Promise<string> | undefined;

const INVALID = () => new AppError('UNAUTHENTICATED', 'email or password is wrong');

/**
 * Checks email and password and picks the membership to act in: the one asked for, or the oldest
 * active one. Shared by web login and by CLI commands that act as an admin.
 */
export async function verifyCredentials(deps: AppDeps, input: LoginInput, options: { refuseSsoOnly?: boolean } = {}) {
  // Counted before the (costly) password check, in the database, so parallel guesses on several processes share one limit.
  await deps.loginThrottle.consume(deps, input.email);
  const user = await findUserByEmail(deps.db, input.email);
  dummyHash ??= hashPassword('no such user, same cost', deps.settings.passwordHashCost);
  const passwordOk = await verifyPassword(input.password, user?.password_hash ?? (await dummyHash));
  if (!user || !passwordOk) {
    throw INVALID();
  }
  await deps.loginThrottle.clear(deps, input.email);

  const now = deps.clock.now();
  let memberships = (await listMembershipsOfUser(deps.db, user.id)).filter((m) => activeRole(m, now));
  if (options.refuseSsoOnly) {
    // Organizations that turned password login off (single sign-on only, ADR 0022) are not entered with a password.
    const ssoOnly = new Set<string>();
    for (const m of memberships) if ((await findSsoSettings(deps.db, m.organization_id))?.local_login_disabled_at) ssoOnly.add(m.organization_id);
    if (ssoOnly.size > 0 && (input.organizationId ? ssoOnly.has(input.organizationId) : ssoOnly.size === memberships.length)) {
      throw new AppError('UNAUTHENTICATED', 'this organization signs in with single sign-on only; use its SSO login', { reason: 'sso_only' });
    }
    memberships = memberships.filter((m) => !ssoOnly.has(m.organization_id));
  }
  const membership = input.organizationId ? memberships.find((m) => m.organization_id === input.organizationId) : memberships[0];
  if (!membership) {
    throw new AppError('UNAUTHENTICATED', input.organizationId ? 'you have no active access to that organization' : 'your access has ended');
  }
  const organization = await findOrganization(deps.db, membership.organization_id);
  if (!organization) throw INVALID();
  const role = activeRole(membership, now)!;
  const actor: Actor = { type: 'user', organizationId: organization.id, userId: user.id, tokenId: null, role, label: user.email };
  return { user, membership, organization, role, actor };
}

/**
 * Checks the password and opens a session in one of the user's organizations. Returns the
 * cookie secret (to set, never to store) and the CSRF token the web app echoes on writes.
 */
export async function logIn(deps: AppDeps, input: LoginInput): Promise<{ sessionSecret: string; session: SessionOutput }> {
  return openSession(deps, await verifyCredentials(deps, input, { refuseSsoOnly: true }));
}

export type VerifiedMembership = Awaited<ReturnType<typeof verifyCredentials>>;

/** Writes a session row for a verified membership, with its trail event; shared by login and switching organization. */
export async function openSession(deps: AppDeps, verified: VerifiedMembership): Promise<{ sessionSecret: string; session: SessionOutput }> {
  const { user, membership, organization, role, actor } = verified;
  const now = deps.clock.now();
  const sessionSecret = randomSecret();
  const csrfToken = randomSecret();
  let expiresAt = new Date(now.getTime() + deps.settings.sessionTtlMs);
  if (membership.access_expires_at && new Date(membership.access_expires_at) < expiresAt) expiresAt = new Date(membership.access_expires_at);

  await inTransaction(deps.db, async (tx) => {
    await deleteExpiredSessionsOfUser(tx, user.id, now.toISOString());
    await insertSession(tx, {
      token_hash: sha256Hex(sessionSecret),
      organization_id: organization.id,
      user_id: user.id,
      csrf_token: csrfToken,
      created_at: now.toISOString(),
      expires_at: expiresAt.toISOString(),
    });
    await appendTrailEvent(tx, deps, actor, { action: 'session.opened', entityType: 'user', entityId: user.id, before: null, after: { expiresAt: expiresAt.toISOString() } });
  });

  return {
    sessionSecret,
    session: {
      user: { id: user.id, email: user.email, displayName: user.display_name },
      organization: presentOrganization(organization),
      role,
      permissions: [...ROLE_PERMISSIONS[role]],
      via: 'session',
      csrfToken,
      expiresAt: expiresAt.toISOString(),
    },
  };
}
