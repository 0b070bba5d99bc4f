import type { DeadLetterOutput } from '../../contracts/operations.contracts.js';
import type { JobDeadLettersTable } from '../../storage/schema.js';

export function presentDeadLetter(row: JobDeadLettersTable): DeadLetterOutput {
  return {
    jobId: row.job_id,
    name: row.name,
    payload: JSON.parse(row.payload_json) as Record<string, unknown>,
    attempts: row.attempts,
    lastError: row.last_error,
    failedAt: row.failed_at,
    retriedAt: row.retried_at,
    retriedAsJobId: row.retried_as_job_id,
  };
}
