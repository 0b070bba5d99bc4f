/**
 * Wasserstein-1 (earth mover's) distance between two empirical distributions, scipy.stats.wasserstein_distance(u, v):
 * the integral of |F_u(x) - F_v(x)| dx, summed exactly over the merged sorted values (compensated sum).
 * Normalised form (Evidently's convention): W / max(std_ref, 0.001), with the reference std at ddof = 0,
 * so a constant reference does not divide by zero.
 */
import { CompensatedSum } from './numeric-helpers.js';

/** Smallest reference std used for normalisation (Evidently's floor). */
export const WASSERSTEIN_STD_FLOOR = 0.001;

/** W1 between two sorted, NaN-free samples. O(n1 + n2). */
export function wassersteinDistance(u: Float64Array, v: Float64Array): number {
  const n1 = u.length;
  const n2 = v.length;
  if (n1 === 0 || n2 === 0) throw new RangeError('wassersteinDistance needs two non-empty samples');
  const sum = new CompensatedSum();
  let i = 0;
  let j = 0;
  let x = Math.min(u[0] as number, v[0] as number);
  while (i < n1 || j < n2) {
    while (i < n1 && (u[i] as number) <= x) i++;
    while (j < n2 && (v[j] as number) <= x) j++;
    if (i === n1 && j === n2) break;
    const next = i === n1 ? (v[j] as number) : j === n2 ? (u[i] as number) : Math.min(u[i] as number, v[j] as number);
    sum.add(Math.abs(i / n1 - j / n2) * (next - x));
    x = next;
  }
  return sum.value;
}

export function normalisedWasserstein(distance: number, referenceStd: number): number {
  return distance / Math.max(referenceStd, WASSERSTEIN_STD_FLOOR);
}
