import { AppError } from '../../domain/shared/app-error.js';

const MAX_FAILURES = 10;
const WINDOW_MS = 15 * 60_000;

/**
 * Slows password guessing: after 10 wrong passwords for one email within 15 minutes, further
 * attempts are refused until the window passes. Kept in memory, per server process; a correct
 * password clears the count. (Per email, not per address: the server may sit behind a proxy.)
 */
export class LoginThrottle {
  private readonly failures = new Map<string, number[]>();

  assertAllowed(email: string, now: Date): void {
    const recent = this.recent(email, now);
    if (recent.length >= MAX_FAILURES) {
      const retryAt = new Date(recent[0]! + WINDOW_MS);
      throw new AppError('RATE_LIMITED', `too many failed logins for this account; try again after ${retryAt.toISOString()}`, { retryAt: retryAt.toISOString() });
    }
  }

  recordFailure(email: string, now: Date): void {
    this.failures.set(email, [...this.recent(email, now), now.getTime()]);
  }

  clear(email: string): void {
    this.failures.delete(email);
  }

  private recent(email: string, now: Date): number[] {
    const since = now.getTime() - WINDOW_MS;
    const kept = (this.failures.get(email) ?? []).filter((t) => t > since);
    if (kept.length === 0) this.failures.delete(email);
    return kept;
  }
}
