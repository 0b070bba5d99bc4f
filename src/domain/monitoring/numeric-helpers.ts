/**
 * Small numeric helpers shared by the monitoring statistics: compensated summation, sorting,
 * numpy-compatible quantiles and binary search. Pure functions over typed arrays.
 */

/** Neumaier (improved Kahan) summation: error independent of n, so sums of 10^6 terms stay exact to ~1 ulp. */
export class CompensatedSum {
  private sum = 0;
  private compensation = 0;

  add(value: number): void {
    const t = this.sum + value;
    if (Math.abs(this.sum) >= Math.abs(value)) this.compensation += this.sum - t + value;
    else this.compensation += value - t + this.sum;
    this.sum = t;
  }

  get value(): number {
    return this.sum + this.compensation;
  }
}

export function sumOf(values: ArrayLike<number>): number {
  const s = new CompensatedSum();
  for (let i = 0; i < values.length; i++) s.add(values[i] as number);
  return s.value;
}

/** A sorted copy (ascending); the input is not changed. NaN must have been removed before. */
export function sortedCopy(values: ArrayLike<number>): Float64Array {
  const copy = Float64Array.from(values);
  copy.sort();
  return copy;
}

/** Number of elements of the sorted array that are <= x (numpy searchsorted side='right'). */
export function countAtMost(sorted: Float64Array, x: number, from = 0): number {
  let lo = from;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid] as number) <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Number of elements of the sorted array that are < x (numpy searchsorted side='left'). */
export function countBelow(sorted: Float64Array, x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid] as number) < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The q-quantile of sorted data, numpy.quantile(method='linear') (the default): virtual index
 * (n - 1) * q and numpy's two-sided lerp (exact at both ends of the interval), the same arithmetic
 * as numpy so fitted bin edges agree to the last bit.
 */
export function quantileOfSorted(sorted: Float64Array, q: number): number {
  const n = sorted.length;
  const virtual = (n - 1) * q;
  if (virtual >= n - 1) return sorted[n - 1] as number;
  if (virtual <= 0) return sorted[0] as number;
  const previous = Math.floor(virtual);
  const gamma = virtual - previous;
  const a = sorted[previous] as number;
  const b = sorted[previous + 1] as number;
  const diff = b - a;
  return gamma >= 0.5 ? b - diff * (1 - gamma) : a + diff * gamma;
}

export function gcd(a: number, b: number): number {
  let x = Math.abs(a);
  let y = Math.abs(b);
  while (y) [x, y] = [y, x % y];
  return x;
}

/** Mean and population-free sample statistics used by normalisations. */
export function meanOf(values: ArrayLike<number>): number {
  return values.length === 0 ? 0 : sumOf(values) / values.length;
}

/** Standard deviation with ddof = 0 (numpy.std default), two-pass for accuracy. */
export function stdOf(values: ArrayLike<number>): number {
  const n = values.length;
  if (n === 0) return 0;
  const mean = meanOf(values);
  const s = new CompensatedSum();
  for (let i = 0; i < n; i++) {
    const d = (values[i] as number) - mean;
    s.add(d * d);
  }
  return Math.sqrt(s.value / n);
}
