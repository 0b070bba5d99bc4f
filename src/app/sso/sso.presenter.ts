import type { SsoSettingsOutput } from '../../contracts/sso.contracts.js';
import type { SsoSettingsTable } from '../../storage/schema.js';
import { sha256Hex } from '../shared/secrets.js';

export function presentSsoSettings(row: SsoSettingsTable): SsoSettingsOutput {
  return {
    organizationId: row.organization_id,
    issuer: row.issuer,
    clientId: row.client_id,
    hasClientSecret: row.client_secret_enc !== null,
    clientSecretFingerprint: row.client_secret_enc === null ? null : sha256Hex(row.client_secret_enc).slice(0, 16),
    scopes: row.scopes.split(' ').filter(Boolean),
    roleClaim: row.role_claim,
    roleMap: JSON.parse(row.role_map_json) as Record<string, string>,
    defaultRole: row.default_role,
    enabled: row.enabled_at !== null,
    localLoginDisabled: row.local_login_disabled_at !== null,
    loginUrl: `/api/v1/auth/sso/${row.organization_id}/start`,
    updatedAt: row.updated_at,
    updatedBy: row.updated_by,
  };
}

export function ssoIdentityKey(row: { issuer: string; subject: string }): string {
  return `${row.issuer}#${row.subject}`;
}

export function presentSsoIdentity(row: { issuer: string; subject: string; user_id: string; organization_id: string; created_at: string }) {
  return { issuer: row.issuer, subject: row.subject, userId: row.user_id, organizationId: row.organization_id, createdAt: row.created_at };
}
