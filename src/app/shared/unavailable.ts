import { AppError } from '../../domain/shared/app-error.js';
import { isDatabaseUnavailable } from '../../storage/constraint-errors.js';

/**
 * Turns "the database cannot be reached" into UNAVAILABLE (HTTP 503 with Retry-After), so a
 * PostgreSQL restart gives clients a clean, retryable answer instead of an internal error; the
 * pool reconnects by itself once the server is back.
 */
export function asUnavailable(error: unknown): AppError | undefined {
  if (!isDatabaseUnavailable(error)) return undefined;
  return new AppError('UNAVAILABLE', 'the database is not reachable right now; try again shortly', { retryAfterSeconds: 5 });
}
