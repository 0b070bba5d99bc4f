import { ROLES, type Role } from '../../domain/access/roles.js';
import { AppError } from '../../domain/shared/app-error.js';
import { findOrganization } from '../../storage/repositories/organization.repository.js';
import { findSsoIdentity, findSsoSettings, insertSsoIdentity, insertSsoLoginRequest, takeSsoLoginRequest } from '../../storage/repositories/sso.repository.js';
import { findMember, findUserByEmail, findUserById, insertMembership, insertUser, listMembershipsOfUser } from '../../storage/repositories/user.repository.js';
import type { SsoSettingsTable } from '../../storage/schema.js';
import { inTransaction } from '../../storage/transaction.js';
import { openSession } from '../identity/log-in.js';
import { presentUser } from '../identity/identity.presenters.js';
import { activeRole } from '../identity/membership-access.js';
import { appendTrailEvent } from '../trail/append-trail-event.js';
import type { Actor, AppDeps } from '../shared/context.js';
import { newId } from '../shared/ids.js';
import { sha256Hex } from '../shared/secrets.js';
import { discoverProvider, oidc, providerError } from './oidc-client.js';
import { decryptSecret } from './secret-box.js';
import { presentSsoIdentity, ssoIdentityKey } from './sso.presenter.js';

const LOGIN_REQUEST_TTL_MS = 10 * 60_000;
/** A JIT user has no password: this is not a hash verifyPassword can ever match. */
const NO_PASSWORD = '!sso-only';

async function enabledSettings(deps: AppDeps, organizationId: string): Promise<SsoSettingsTable> {
  const settings = await findSsoSettings(deps.db, organizationId);
  if (!settings?.enabled_at) throw new AppError('NOT_FOUND', 'this organization has no single sign-on enabled', { fields: [{ field: 'organizationId', reason: 'has no single sign-on enabled' }] });
  return settings;
}

function clientSecretOf(deps: AppDeps, settings: SsoSettingsTable): string | undefined {
  return settings.client_secret_enc ? decryptSecret(settings.client_secret_enc, deps.settings.secretsKey) : undefined;
}

/**
 * Begins an authorization-code login with PKCE (RFC 7636) at the organization's provider: a
 * verifier, state and nonce are kept in the database (hashed state as the key, 10 minutes), so
 * whichever server process receives the callback can finish it. Returns where to send the browser.
 */
export async function startSsoLogin(deps: AppDeps, organizationId: string, redirectUri: string, returnTo: string | undefined): Promise<{ authorizationUrl: string }> {
  const settings = await enabledSettings(deps, organizationId);
  const config = await discoverProvider(settings.issuer, settings.client_id, clientSecretOf(deps, settings));
  const codeVerifier = oidc.randomPKCECodeVerifier();
  const state = `${oidc.randomState()}.${Buffer.from(returnTo ?? '/').toString('base64url')}`;
  const nonce = oidc.randomNonce();
  const now = deps.clock.now();
  await insertSsoLoginRequest(deps.db, {
    state_hash: sha256Hex(state), organization_id: organizationId, code_verifier: codeVerifier, nonce,
    created_at: now.toISOString(), expires_at: new Date(now.getTime() + LOGIN_REQUEST_TTL_MS).toISOString(),
  });
  const url = oidc.buildAuthorizationUrl(config, {
    redirect_uri: redirectUri,
    scope: settings.scopes,
    code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
    code_challenge_method: 'S256',
    state,
    nonce,
  });
  return { authorizationUrl: url.href };
}

/**
 * Finishes the login at the callback: takes the pending request by its state (once), exchanges the
 * code with the PKCE verifier, and has openid-client verify the ID token (signature against the
 * provider's keys, issuer, audience, nonce, expiry). Then finds or provisions the person (JIT) and
 * opens a session. Returns the session and the path to go back to.
 */
export async function completeSsoLogin(deps: AppDeps, callbackUrl: URL, redirectUri: string) {
  const error = callbackUrl.searchParams.get('error');
  if (error) throw new AppError('UNAUTHENTICATED', `the identity provider refused the login: ${error}${callbackUrl.searchParams.get('error_description') ? ` (${callbackUrl.searchParams.get('error_description')})` : ''}`, { reason: error });
  const state = callbackUrl.searchParams.get('state');
  if (!state) throw AppError.invalidField('state', 'is required');
  const pending = await takeSsoLoginRequest(deps.db, sha256Hex(state));
  if (!pending || pending.expires_at <= deps.clock.now().toISOString()) {
    throw new AppError('UNAUTHENTICATED', 'this single sign-on login is unknown, used or expired; start again', { fields: [{ field: 'state', reason: 'is unknown, used or expired' }] });
  }
  const settings = await enabledSettings(deps, pending.organization_id);
  const config = await discoverProvider(settings.issuer, settings.client_id, clientSecretOf(deps, settings));
  // The provider sends back to our registered redirect URI; compare against that, with the query it added.
  const current = new URL(redirectUri);
  current.search = callbackUrl.search;
  let claims: oidc.IDToken;
  try {
    const tokens = await oidc.authorizationCodeGrant(config, current, { pkceCodeVerifier: pending.code_verifier, expectedState: state, expectedNonce: pending.nonce, idTokenExpected: true });
    const idClaims = tokens.claims();
    if (!idClaims) throw new AppError('UNAUTHENTICATED', 'the identity provider returned no ID token');
    claims = idClaims;
  } catch (e) {
    throw providerError(e, settings.issuer, 'complete the login');
  }
  const { session, sessionSecret } = await signInWithClaims(deps, settings, claims);
  return { session, sessionSecret, returnTo: returnPathOf(state) };
}

function returnPathOf(state: string): string {
  const encoded = state.split('.')[1] ?? '';
  const path = Buffer.from(encoded, 'base64url').toString('utf8');
  return /^\/(?!\/)[^\s\\]*$/.test(path) ? path : '/';
}

/** The highest-privilege role the claim maps to (ROLES is in privilege order), else the default. */
export function roleFromClaims(settings: Pick<SsoSettingsTable, 'role_claim' | 'role_map_json' | 'default_role'>, claims: Record<string, unknown>): Role | null {
  const map = JSON.parse(settings.role_map_json) as Record<string, Role>;
  const raw = settings.role_claim ? claims[settings.role_claim] : undefined;
  const values = (Array.isArray(raw) ? raw : raw === undefined || raw === null ? [] : [raw]).map(String);
  const mapped = values.map((v) => map[v]).filter((r): r is Role => r !== undefined);
  const best = ROLES.find((r) => mapped.includes(r));
  return best ?? (settings.default_role as Role | null);
}

async function signInWithClaims(deps: AppDeps, settings: SsoSettingsTable, claims: oidc.IDToken) {
  const organizationId = settings.organization_id;
  const organization = await findOrganization(deps.db, organizationId);
  if (!organization) throw AppError.notFound('organization', organizationId);
  const now = deps.clock.now();
  const linked = await findSsoIdentity(deps.db, claims.iss, claims.sub);
  let userId: string;
  if (linked) {
    if (linked.organization_id !== organizationId) throw new AppError('UNAUTHENTICATED', 'this identity belongs to another organization');
    userId = linked.user_id;
  } else {
    userId = await provision(deps, settings, claims);
  }
  const user = await findUserById(deps.db, userId);
  const membership = (await listMembershipsOfUser(deps.db, userId)).find((m) => m.organization_id === organizationId);
  const role = membership ? activeRole(membership, now) : null;
  if (!user || !membership || !role) throw new AppError('UNAUTHENTICATED', 'your access to this organization has ended or was removed; ask an admin to add you again');
  const actor: Actor = { type: 'user', organizationId, userId, tokenId: null, role, label: user.email };
  return openSession(deps, { user, membership, organization, role, actor });
}

/** Just-in-time provisioning: a person new to OpenAIMS, with a verified email, gets a login and the mapped role. */
async function provision(deps: AppDeps, settings: SsoSettingsTable, claims: oidc.IDToken): Promise<string> {
  const organizationId = settings.organization_id;
  const email = typeof claims.email === 'string' ? claims.email.toLowerCase() : undefined;
  if (!email || claims.email_verified !== true) {
    throw new AppError('UNAUTHENTICATED', 'the identity provider did not give a verified email address (claims email and email_verified); OpenAIMS needs one to create your login', { reason: 'email_unverified' });
  }
  const role = roleFromClaims(settings, claims);
  if (!role) throw new AppError('FORBIDDEN', `your identity provider gives you no role in this organization (claim ${settings.role_claim ?? '(none)'}), and it has no default role; ask an admin`, { reason: 'no_role' });
  const now = deps.clock.now();
  const system: Actor = { type: 'system', organizationId, userId: null, tokenId: null, role: 'admin', label: `single sign-on (${settings.issuer})` };
  return inTransaction(deps.db, async (tx) => {
    const existing = await findUserByEmail(tx, email);
    let userId: string;
    if (existing) {
      // Link only a person who is already a member here: an email alone must not open another tenant's account.
      if (!(await findMember(tx, organizationId, existing.id))) {
        throw AppError.conflict('email', `${email} already has an OpenAIMS login in another organization; ask an admin of this organization to add it`);
      }
      userId = existing.id;
    } else {
      userId = newId(now);
      const name = typeof claims.name === 'string' && claims.name.trim() ? claims.name.trim().slice(0, 120) : email;
      await insertUser(tx, { id: userId, email, display_name: name, password_hash: NO_PASSWORD, created_at: now.toISOString() });
      await insertMembership(tx, { organization_id: organizationId, user_id: userId, role, access_expires_at: null, created_at: now.toISOString() });
      const member = await findMember(tx, organizationId, userId);
      await appendTrailEvent(tx, deps, system, { action: 'user.added', entityType: 'user', entityId: userId, before: null, after: presentUser(member!) });
    }
    const identity = { issuer: claims.iss, subject: claims.sub, user_id: userId, organization_id: organizationId, created_at: now.toISOString() };
    await insertSsoIdentity(tx, identity);
    await appendTrailEvent(tx, deps, system, { action: 'sso_identity.linked', entityType: 'sso_identity', entityId: ssoIdentityKey(identity), before: null, after: presentSsoIdentity(identity) });
    return userId;
  });
}
