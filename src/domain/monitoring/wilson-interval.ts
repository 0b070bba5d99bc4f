/**
 * Wilson score interval for a binomial proportion k / n (statsmodels proportion_confint(method='wilson')):
 *   centre = (p + z²/2n) / (1 + z²/n),  half-width = z / (1 + z²/n) · sqrt(p(1-p)/n + z²/4n²),
 * z the two-sided normal quantile of the confidence level. Stays inside [0, 1] and behaves at k = 0 or n.
 */
import { normalQuantile } from './special-functions.js';

export interface Interval {
  low: number;
  high: number;
}

export function wilsonInterval(successes: number, trials: number, confidence = 0.95): Interval {
  if (!(trials > 0)) throw new RangeError('a Wilson interval needs at least one trial');
  if (!(confidence > 0 && confidence < 1)) throw new RangeError('confidence must lie strictly between 0 and 1');
  const z = normalQuantile(1 - (1 - confidence) / 2);
  const p = successes / trials;
  const z2n = (z * z) / trials;
  const centre = (p + z2n / 2) / (1 + z2n);
  const half = (z / (1 + z2n)) * Math.sqrt((p * (1 - p)) / trials + (z * z) / (4 * trials * trials));
  // At k = 0 (k = n) the bound is exactly 0 (1); rounding would leave ~1e-17.
  return { low: successes === 0 ? 0 : Math.max(0, centre - half), high: successes === trials ? 1 : Math.min(1, centre + half) };
}
