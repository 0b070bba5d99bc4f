import { AppError } from '../../domain/shared/app-error.js';

const MAX_FAILURES = 10;
const WINDOW_MS = 15 * 60_000;
const SWEEP_AT = 10_000;

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
      const retryAfterSeconds = Math.max(1, Math.ceil((retryAt.getTime() - now.getTime()) / 1000));
      throw new AppError('RATE_LIMITED', `too many failed logins for this account; try again after ${retryAt.toISOString()}`, { retryAt: retryAt.toISOString(), retryAfterSeconds });
    }
  }

  recordFailure(email: string, now: Date): void {
    // Guessing many made-up emails must not grow memory without end: sweep stale entries now and then.
    if (this.failures.size > SWEEP_AT) for (const key of [...this.failures.keys()]) this.recent(key, now);
    this.failures.set(email, [...this.recent(email, now), now.getTime()].slice(-MAX_FAILURES));
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
