import { APPLICABILITIES, CONTROL_STATUSES, type Applicability, type ControlStatus } from '../../../../src/domain/soa/soa-document.js';

/** What the SoA page shows, kept in the URL so a filtered view or an issued version can be linked to. */
export interface SoaView {
  /** An issued version; the working draft when absent. */
  version?: number;
  status?: ControlStatus;
  applicability?: Applicability;
  ownerUserId?: string;
  objectiveId?: string;
}

const pick = <T extends string>(allowed: readonly T[], value: string | null): T | undefined => (value && (allowed as readonly string[]).includes(value) ? (value as T) : undefined);

export function readSoaView(search: URLSearchParams): SoaView {
  const version = Number(search.get('version'));
  const view: SoaView = {};
  if (Number.isInteger(version) && version > 0) view.version = version;
  const status = pick(CONTROL_STATUSES, search.get('status'));
  if (status) view.status = status;
  const applicability = pick(APPLICABILITIES, search.get('applicability'));
  if (applicability) view.applicability = applicability;
  const owner = search.get('owner');
  if (owner) view.ownerUserId = owner;
  const objective = search.get('objective');
  if (objective) view.objectiveId = objective;
  return view;
}

export function soaViewPath(view: SoaView): string {
  const params = new URLSearchParams();
  if (view.version) params.set('version', String(view.version));
  if (view.status) params.set('status', view.status);
  if (view.applicability) params.set('applicability', view.applicability);
  if (view.ownerUserId) params.set('owner', view.ownerUserId);
  if (view.objectiveId) params.set('objective', view.objectiveId);
  const qs = params.toString();
  return `/soa${qs ? `?${qs}` : ''}`;
}

export function hasFilter(view: SoaView): boolean {
  return Boolean(view.status || view.applicability || view.ownerUserId || view.objectiveId);
}
