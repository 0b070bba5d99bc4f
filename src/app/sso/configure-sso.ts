import type { ConfigureSsoInput, SsoSettingsOutput } from '../../contracts/sso.contracts.js';
import { AppError } from '../../domain/shared/app-error.js';
import { findSsoSettings, upsertSsoSettings } from '../../storage/repositories/sso.repository.js';
import { inTransaction } from '../../storage/transaction.js';
import { appendTrailEvent } from '../trail/append-trail-event.js';
import { requirePermission } from '../shared/authorize.js';
import type { Actor, AppDeps } from '../shared/context.js';
import { encryptSecret } from './secret-box.js';
import { presentSsoSettings } from './sso.presenter.js';
import { assertIssuerAllowed } from './oidc-client.js';

/**
 * Sets the organization's identity provider (ISO/IEC 42001 A.3.2 roles; access control through the
 * organization's own directory). The client secret is encrypted and never returned. Password login
 * can be turned off only while SSO is on, so an organization cannot lock itself out.
 */
export async function configureSso(deps: AppDeps, actor: Actor, input: ConfigureSsoInput): Promise<SsoSettingsOutput> {
  requirePermission(actor, 'sso:manage');
  assertIssuerAllowed(input.issuer);
  if (input.localLoginDisabled && !input.enabled) throw AppError.invalidField('localLoginDisabled', 'can be true only while enabled is true: nobody could log in otherwise');
  if (!input.scopes.includes('openid')) throw AppError.invalidField('scopes', 'must include openid');
  if (Object.keys(input.roleMap).length > 0 && !input.roleClaim) throw AppError.invalidField('roleClaim', 'is required when roleMap is given');
  if (input.enabled && !input.defaultRole && Object.keys(input.roleMap).length === 0) {
    throw AppError.invalidField('defaultRole', 'is required when no roleMap is given: nobody would get a role');
  }
  const secretEnc = input.clientSecret ? encryptSecret(input.clientSecret, deps.settings.secretsKey, 'clientSecret') : undefined;
  const now = deps.clock.now().toISOString();
  return inTransaction(deps.db, async (tx) => {
    const existing = await findSsoSettings(tx, actor.organizationId);
    const row = {
      organization_id: actor.organizationId,
      issuer: input.issuer,
      client_id: input.clientId,
      client_secret_enc: input.clientSecret === null ? null : (secretEnc ?? existing?.client_secret_enc ?? null),
      scopes: [...new Set(input.scopes)].join(' '),
      role_claim: input.roleClaim,
      role_map_json: JSON.stringify(input.roleMap),
      default_role: input.defaultRole,
      enabled_at: input.enabled ? (existing?.enabled_at ?? now) : null,
      local_login_disabled_at: input.localLoginDisabled ? (existing?.local_login_disabled_at ?? now) : null,
      updated_at: now,
      updated_by: actor.label,
    };
    await upsertSsoSettings(tx, row);
    const after = presentSsoSettings(row);
    await appendTrailEvent(tx, deps, actor, { action: 'sso.configured', entityType: 'sso_settings', entityId: actor.organizationId, before: existing ? presentSsoSettings(existing) : null, after });
    return after;
  });
}

export async function getSsoSettings(deps: AppDeps, actor: Actor): Promise<SsoSettingsOutput> {
  requirePermission(actor, 'sso:manage');
  const row = await findSsoSettings(deps.db, actor.organizationId);
  if (!row) throw AppError.notFound('single sign-on settings of organization', actor.organizationId);
  return presentSsoSettings(row);
}
