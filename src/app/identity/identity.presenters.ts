import type { ApiTokenOutput, OrganizationOutput, UserOutput } from '../../contracts/identity.contracts.js';
import type { Role } from '../../domain/access/roles.js';
import type { ApiTokensTable, OrganizationsTable } from '../../storage/schema.js';
import type { MemberRow } from '../../storage/repositories/user.repository.js';

export function presentOrganization(row: OrganizationsTable): OrganizationOutput {
  return { id: row.id, name: row.name, createdAt: row.created_at };
}

/** Never includes the password hash. */
export function presentUser(row: MemberRow): UserOutput {
  return {
    id: row.id,
    email: row.email,
    displayName: row.display_name,
    role: row.role as Role,
    accessExpiresAt: row.access_expires_at,
    createdAt: row.created_at,
  };
}

/** Never includes the token hash; the secret exists only in the create response. */
export function presentApiToken(row: ApiTokensTable): ApiTokenOutput {
  return {
    id: row.id,
    name: row.name,
    role: row.role as Role,
    userId: row.user_id,
    prefix: row.prefix,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    revokedAt: row.revoked_at,
    lastUsedAt: row.last_used_at,
  };
}
