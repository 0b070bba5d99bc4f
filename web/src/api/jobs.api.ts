import type { Page } from '../../../src/contracts/common.contracts.js';
import type { DeadLetterOutput } from '../../../src/contracts/operations.contracts.js';
import { apiRequest } from './client.js';

/** The organization's background jobs that used up their retries (dead letters), newest first. */
export async function listFailedJobs(cursor?: string, limit = 50): Promise<Page<DeadLetterOutput>> {
  return apiRequest('/jobs/failed', { query: { cursor, limit } });
}

/** Sends a failed job again as a new job; the server allows it once per failed job (409 after). */
export async function retryFailedJob(jobId: string): Promise<DeadLetterOutput> {
  return apiRequest(`/jobs/failed/${encodeURIComponent(jobId)}/retry`, { method: 'POST' });
}
