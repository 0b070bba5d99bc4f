import { ROLES, type Role } from '../../../src/domain/access/roles.js';

/** What people call each role. The ids stay in the API; the UI only ever shows these. */
export const ROLE_LABELS: Record<Role, string> = {
  admin: 'Admin',
  governance_lead: 'Governance lead',
  risk_owner: 'Risk owner',
  system_owner: 'System owner',
  contributor: 'Contributor',
  approver: 'Approver',
  internal_auditor: 'Internal auditor',
  external_auditor: 'External auditor',
};

function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

/** "external_auditor" -> "External auditor"; an unknown value is shown as it is. */
export function roleLabel(role: string): string {
  return isRole(role) ? ROLE_LABELS[role] : role;
}

export const ROLE_OPTIONS = ROLES.map((role) => ({ value: role, label: ROLE_LABELS[role] }));

// Server messages name roles by id ("rita@… is risk_owner", "for the external_auditor role").
// Ids with an underscore cannot be ordinary words; "admin" and friends are replaced only where
// they stand for a role, so "ask an admin of their organization" is left alone.
const MULTI_WORD = ROLES.filter((r) => r.includes('_'));
const SINGLE_WORD = ROLES.filter((r) => !r.includes('_'));
const MULTI_WORD_RE = new RegExp(`\\b(${MULTI_WORD.join('|')})\\b`, 'g');
const SINGLE_WORD_RE = new RegExp(`\\b(is|as|the|role|roles:?) (${SINGLE_WORD.join('|')})\\b|\\b(${SINGLE_WORD.join('|')})(?= role\\b)`, 'g');
const ROLE_LIST_RE = new RegExp(`(one of: )((?:${ROLES.join('|')})(?:, (?:${ROLES.join('|')}))*)`, 'g');

/** A message with every role id it names replaced by the role's label. */
export function withRoleLabels(text: string): string {
  return text
    .replace(ROLE_LIST_RE, (_m, lead: string, list: string) => lead + list.split(', ').map(roleLabel).join(', '))
    .replace(MULTI_WORD_RE, (id: string) => roleLabel(id))
    .replace(SINGLE_WORD_RE, (match: string, lead: string | undefined, afterLead: string | undefined, beforeRole: string | undefined) =>
      lead && afterLead ? `${lead} ${roleLabel(afterLead)}` : beforeRole ? roleLabel(beforeRole) : match,
    );
}
