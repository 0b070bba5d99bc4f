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
  'system:read',
  'system:write',
  'system:rank',
  'impact:write',
  'impact:approve',
  'risk:read',
  'risk:write',
  'risk:configure',
  'risk:accept',
  'jobs:read',
  'jobs:manage',
  'sso:manage',
  'monitoring:read',
  'monitoring:ingest',
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
  'system:read': 'see the AI system inventory',
  'system:write': 'change the AI system inventory',
  'system:rank': 'set the wave ranking or override a system\'s wave',
  'impact:write': 'write AI system impact assessments',
  'impact:approve': 'approve or return impact assessments',
  'risk:read': 'read the AI risk register',
  'risk:write': 'register, assess and treat AI risks',
  'risk:configure': 'change the risk scoring method or record a regulatory change',
  'risk:accept': 'accept residual risk above the appetite',
  'jobs:read': "see the organization's failed background jobs",
  'jobs:manage': 'retry failed background jobs',
  'sso:manage': 'configure single sign-on',
  'monitoring:read': 'see prediction logs, monitors and alerts',
  'monitoring:ingest': 'send prediction logs and labels',
};

const READ_ALL: Permission[] = ['organization:read', 'user:read', 'trail:read', 'evidence:read', 'soa:read', 'system:read', 'risk:read', 'monitoring:read'];
const CONTRIBUTE: Permission[] = [...READ_ALL, 'evidence:write', 'evidence:link', 'system:write', 'impact:write', 'monitoring:ingest'];

/**
 * Which role may do what. Auditors read; only admins manage people, tokens and organizations.
 * Accepting residual risk is an executive decision (ISO/IEC 42001 6.1.3): approvers only, not
 * even admins.
 */
export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  admin: PERMISSIONS.filter((p) => p !== 'risk:accept'),
  governance_lead: [...CONTRIBUTE, 'soa:write', 'system:rank', 'risk:write', 'risk:configure'],
  risk_owner: [...CONTRIBUTE, 'soa:write', 'risk:write'],
  system_owner: [...CONTRIBUTE, 'risk:write'],
  contributor: CONTRIBUTE,
  approver: [...READ_ALL, 'soa:approve', 'impact:approve', 'risk:accept'],
  internal_auditor: READ_ALL,
  external_auditor: READ_ALL,
};

export function roleHasPermission(role: Role, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].includes(permission);
}
