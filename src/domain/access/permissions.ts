import type { Role } from './roles.js';

/**
 * Every permission a route or use case may check. Declared here, and only here, together with
 * which role holds which (`ROLE_PERMISSIONS`). Feature areas add their own entries.
 */
export const PERMISSIONS = [
  'organization:read',
  'organization:create',
  'user:read',
  'user:manage',
  'token:manage',
  'trail:read',
  'evidence:read',
  'evidence:write',
  'evidence:link',
  'soa:read',
  'soa:write',
  'soa:approve',
  'jobs:read',
  'jobs:manage',
  'sso:manage',
] as const;

export type Permission = (typeof PERMISSIONS)[number];

/** What each permission lets a person do, in words for error messages and the UI. */
export const PERMISSION_DESCRIPTIONS: Record<Permission, string> = {
  'organization:read': 'see the organization',
  'organization:create': 'create organizations',
  'user:read': 'see the people of the organization',
  'user:manage': 'add or change people',
  'token:manage': 'manage API tokens',
  'trail:read': 'read the trail',
  'evidence:read': 'read evidence',
  'evidence:write': 'upload evidence',
  'evidence:link': 'link evidence to other records',
  'soa:read': 'read the Statement of Applicability',
  'soa:write': 'tailor the Statement of Applicability',
  'soa:approve': 'accept control evidence and issue the Statement of Applicability',
  'jobs:read': "see the organization's failed background jobs",
  'jobs:manage': 'retry failed background jobs',
  'sso:manage': 'configure single sign-on',
};

const READ_ALL: Permission[] = ['organization:read', 'user:read', 'trail:read', 'evidence:read', 'soa:read'];
const CONTRIBUTE: Permission[] = [...READ_ALL, 'evidence:write', 'evidence:link'];

/** Which role may do what. Auditors read; only admins manage people, tokens and organizations. */
export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  admin: [...PERMISSIONS],
  governance_lead: [...CONTRIBUTE, 'soa:write'],
  risk_owner: [...CONTRIBUTE, 'soa:write'],
  system_owner: CONTRIBUTE,
  contributor: CONTRIBUTE,
  approver: [...READ_ALL, 'soa:approve'],
  internal_auditor: READ_ALL,
  external_auditor: READ_ALL,
};

export function roleHasPermission(role: Role, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].includes(permission);
}
