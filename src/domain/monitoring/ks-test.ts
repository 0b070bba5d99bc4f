/**
 * Two-sample Kolmogorov–Smirnov test, two-sided, matching scipy.stats.ks_2samp(method='auto'):
 *  - statistic D = sup |F_ref(x) - F_cur(x)| over all observed values, ECDFs counting values <= x;
 *  - p-value exact (ks-exact.ts) when both samples have at most 10,000 values; then D is reported as
 *    h / lcm(n1, n2) as scipy does;
 *  - otherwise the kstwo survival function at D with n = round(n1 n2 / (n1 + n2)) (half to even, like numpy).
 * Inputs are sorted, NaN-free Float64Arrays, so a reference sorted once is reused for every window.
 * A reference stored as a quantile sketch (`count` > values.length) gives an approximate statistic
 * (error at most 1 / values.length) and the asymptotic p-value with the true count.
 */
import { gcd } from './numeric-helpers.js';
import { exactTwoSidedKsPValue } from './ks-exact.js';
import { kolmogorovSf } from './kolmogorov-distribution.js';

/** Sorted values, and how many observations they stand for (values.length unless a quantile sketch). */
export interface SortedSample {
  values: Float64Array;
  count: number;
}

export interface KsResult {
  statistic: number;
  pValue: number;
  method: 'exact' | 'asymptotic';
  /** The smallest value at which the ECDF gap reaches D. */
  location: number;
  /** +1 when the reference ECDF is above the current one there, -1 otherwise. */
  sign: 1 | -1;
}

/** scipy's `auto` switches to the asymptotic distribution above this many values per sample. */
export const KS_MAX_EXACT_N = 10_000;

export function roundHalfEven(x: number): number {
  const r = Math.round(x);
  return Math.abs(x % 1) === 0.5 && r % 2 !== 0 ? r - 1 : r;
}

function asSample(sample: SortedSample | Float64Array): SortedSample {
  return sample instanceof Float64Array ? { values: sample, count: sample.length } : sample;
}

/** Largest positive and negative gaps F_a - F_b, with where they occur. One merge walk, O(n1 + n2). */
export function ecdfGaps(a: Float64Array, b: Float64Array) {
  const n1 = a.length;
  const n2 = b.length;
  let i = 0;
  let j = 0;
  let maxDiff = 0;
  let minDiff = 0;
  let maxAt = Math.min(a[0] as number, b[0] as number);
  let minAt = maxAt;
  while (i < n1 && j < n2) {
    const ai = a[i] as number;
    const bj = b[j] as number;
    const v = ai <= bj ? ai : bj;
    while (i < n1 && (a[i] as number) <= v) i++;
    while (j < n2 && (b[j] as number) <= v) j++;
    const diff = i / n1 - j / n2;
    if (diff > maxDiff) {
      maxDiff = diff;
      maxAt = v;
    } else if (diff < minDiff) {
      minDiff = diff;
      minAt = v;
    }
  }
  return { maxDiff, maxAt, minDiff: Math.min(1, -minDiff), minAt };
}

export function ksTwoSample(reference: SortedSample | Float64Array, current: SortedSample | Float64Array): KsResult {
  const ref = asSample(reference);
  const cur = asSample(current);
  if (ref.values.length === 0 || cur.values.length === 0) throw new RangeError('ksTwoSample needs two non-empty samples');
  const gaps = ecdfGaps(ref.values, cur.values);
  let d = gaps.minDiff > gaps.maxDiff ? gaps.minDiff : gaps.maxDiff;
  const sign: 1 | -1 = gaps.minDiff > gaps.maxDiff ? -1 : 1;
  const location = sign === 1 ? gaps.maxAt : gaps.minAt;
  const n1 = ref.count;
  const n2 = cur.count;
  const sketched = ref.count !== ref.values.length || cur.count !== cur.values.length;
  if (!sketched && Math.max(n1, n2) <= KS_MAX_EXACT_N) {
    const g = gcd(n1, n2);
    const lcm = (n1 / g) * n2;
    const h = roundHalfEven(d * lcm);
    d = h / lcm;
    const p = exactTwoSidedKsPValue(n1, n2, g, h);
    if (p >= 0 && p <= 1) return { statistic: d, pValue: p, method: 'exact', location, sign };
  }
  const m = Math.max(n1, n2);
  const n = Math.min(n1, n2);
  const en = (m * n) / (m + n);
  const p = kolmogorovSf(roundHalfEven(en), d);
  return { statistic: d, pValue: Math.min(1, Math.max(0, p)), method: 'asymptotic', location, sign };
}
