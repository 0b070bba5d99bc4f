import { describe, expect, it } from 'vitest';
import { PERMISSIONS, ROLE_PERMISSIONS, roleHasPermission } from './permissions.js';
import { ROLES, isRole } from './roles.js';

describe('role permissions', () => {
  it('gives admin every permission but the acceptance of residual risk, which is reserved to approvers', () => {
    expect([...ROLE_PERMISSIONS.admin].sort()).toEqual(PERMISSIONS.filter((p) => p !== 'risk:accept').sort());
    expect(ROLES.filter((r) => roleHasPermission(r, 'risk:accept'))).toEqual(['approver']);
  });

  it('keeps auditors read-only', () => {
    for (const role of ['external_auditor', 'internal_auditor'] as const) {
      const writes = ROLE_PERMISSIONS[role].filter((p) => !p.endsWith(':read'));
      expect(writes, role).toEqual([]);
    }
  });

  it('lets approvers decide (approve) but not author records', () => {
    const writes = ROLE_PERMISSIONS.approver.filter((p) => !p.endsWith(':read'));
    expect(writes.sort()).toEqual(['impact:approve', 'risk:accept', 'soa:approve']);
  });

  it('reserves people, tokens and organizations to admins', () => {
    for (const role of ROLES.filter((r) => r !== 'admin')) {
      for (const permission of ['user:manage', 'token:manage', 'organization:create'] as const) {
        expect(roleHasPermission(role, permission), `${role} ${permission}`).toBe(false);
      }
    }
  });

  it('recognises exactly the eight roles', () => {
    expect(ROLES).toHaveLength(8);
    expect(isRole('approver')).toBe(true);
    expect(isRole('root')).toBe(false);
  });
});
