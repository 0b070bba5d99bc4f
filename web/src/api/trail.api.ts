import type { Page } from '../../../src/contracts/common.contracts.js';
import type { TrailEventOutput, TrailVerificationOutput } from '../../../src/contracts/trail.contracts.js';
import { apiRequest } from './client.js';

export interface TrailFilter {
  entityType?: string | undefined;
  entityId?: string | undefined;
  actorId?: string | undefined;
  /** ISO-8601 date-times. */
  from?: string | undefined;
  to?: string | undefined;
}

export async function listTrail(filter: TrailFilter, cursor?: string, limit = 50): Promise<Page<TrailEventOutput>> {
  return apiRequest('/trail', { query: { ...filter, cursor, limit } });
}

export async function verifyTrail(): Promise<TrailVerificationOutput> {
  return apiRequest('/trail/verify');
}
