import { RateLimiter } from '../shared/rate-limiter.js';

const MAX_ATTEMPTS = 10;
const WINDOW_MS = 15 * 60_000;

/**
 * Slows password guessing (ADR 0014, shared across processes by ADR 0021): each login attempt for
 * an email is counted before the password is checked, a correct password clears the count, and
 * after 10 counted attempts within 15 minutes further ones are refused until the oldest leaves the
 * window. Per email, not per address: the server may sit behind a proxy.
 */
export class LoginThrottle extends RateLimiter {
  constructor() {
    super('login', MAX_ATTEMPTS, WINDOW_MS, (retryAt) => `too many failed logins for this account; try again after ${retryAt.toISOString()}`);
  }
}
