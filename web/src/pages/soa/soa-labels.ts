import type { Applicability, ControlStatus } from '../../../../src/domain/soa/soa-document.js';
import type { SOA_HOLDERS } from '../../../../src/contracts/soa.contracts.js';
import type { Tone } from '../../components/status-badge.js';

type SoaHolder = (typeof SOA_HOLDERS)[number];

/**
 * Words and colours for values the server derives. Only presentation lives here: which status a
 * control has is decided on the server (src/domain/soa/control-status.ts) and never recomputed.
 */
export const STATUS_LABEL: Record<ControlStatus, string> = {
  implemented: 'Implemented',
  planned: 'Planned',
  needs_review: 'Needs review',
  not_started: 'Not started',
  not_applicable: 'Not applicable',
};

export const STATUS_TONE: Record<ControlStatus, Tone> = {
  implemented: 'ok',
  planned: 'info',
  needs_review: 'warn',
  not_started: 'danger',
  not_applicable: 'neutral',
};

/** The order statuses are counted and offered in: most attention first. */
export const STATUS_ORDER: readonly ControlStatus[] = ['needs_review', 'not_started', 'planned', 'implemented', 'not_applicable'];

export const APPLICABILITY_LABEL: Record<Applicability, string> = {
  undecided: 'Undecided',
  applicable: 'Applicable',
  excluded: 'Excluded',
};

/** Who holds a control for one supplier (shared-responsibility matrix). */
export const HOLDER_LABEL: Record<SoaHolder, string> = {
  ours: 'Ours',
  supplier: 'The supplier',
  shared: 'Shared',
};

/** The names the server uses for a control's fields (issue blockers, diffs), as the form labels them. */
export const CONTROL_FIELD_LABEL: Record<string, string> = {
  applicability: 'Applicability',
  justification: 'Justification',
  ownerUserId: 'Owner',
  owner: 'Owner',
  implementationPlan: 'Implementation plan',
  status: 'Status',
  evidence: 'Evidence',
  responsibilities: 'Supplier shares',
};

export function controlFieldLabel(field: string): string {
  return CONTROL_FIELD_LABEL[field] ?? field;
}

export const RELATION_LABEL: Record<string, string> = {
  equal: 'Equal',
  subset: 'Subset (narrower)',
  superset: 'Superset (broader)',
  intersects: 'Intersects',
};

export const CONFIDENCE_LABEL: Record<string, string> = { high: 'High', medium: 'Medium', low: 'Low' };

export function controlPath(controlId: string): string {
  return `/soa/controls/${encodeURIComponent(controlId)}`;
}
