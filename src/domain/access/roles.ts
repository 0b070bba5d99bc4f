/** The roles of an AIMS, from the people the standard asks an organization to name (ISO/IEC 42001 5.3). */
export const ROLES = [
  'admin',
  'governance_lead',
  'risk_owner',
  'system_owner',
  'contributor',
  'approver',
  'internal_auditor',
  'external_auditor',
] as const;

export type Role = (typeof ROLES)[number];

/** Roles whose membership must carry an end date: outside parties get time-boxed access. */
export const ROLES_REQUIRING_EXPIRY: readonly Role[] = ['external_auditor'];

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}
