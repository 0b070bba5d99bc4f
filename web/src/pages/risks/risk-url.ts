import { RISK_STATUSES } from '../../../../src/domain/risk/risk-rules.js';
import { RISK_LEVELS } from '../../../../src/domain/risk/scoring-method.js';
import type { RiskFilter } from '../../api/risk.api.js';

const pick = <T extends string>(allowed: readonly T[], value: string | null): T | undefined => (value && (allowed as readonly string[]).includes(value) ? (value as T) : undefined);

/** URL parameter ↔ server query parameter: short names in the address bar, the API's names in the request. */
const PARAMS = { system: 'systemId', owner: 'ownerUserId', control: 'controlId' } as const;

/** The register's filters, kept in the URL so a filtered register can be bookmarked and shared. */
export function readRiskFilter(search: URLSearchParams): RiskFilter {
  const filter: RiskFilter = {};
  const level = pick(RISK_LEVELS, search.get('level'));
  if (level) filter.level = level;
  const status = pick(RISK_STATUSES, search.get('status'));
  if (status) filter.status = status;
  for (const [param, key] of Object.entries(PARAMS) as [keyof typeof PARAMS, (typeof PARAMS)[keyof typeof PARAMS]][]) {
    const value = search.get(param);
    if (value) filter[key] = value;
  }
  return filter;
}

export function riskFilterPath(filter: RiskFilter): string {
  const params = new URLSearchParams();
  if (filter.systemId) params.set('system', filter.systemId);
  if (filter.level) params.set('level', filter.level);
  if (filter.ownerUserId) params.set('owner', filter.ownerUserId);
  if (filter.status) params.set('status', filter.status);
  if (filter.controlId) params.set('control', filter.controlId);
  const qs = params.toString();
  return `/risks${qs ? `?${qs}` : ''}`;
}

export function hasRiskFilter(filter: RiskFilter): boolean {
  return Object.values(filter).some(Boolean);
}
