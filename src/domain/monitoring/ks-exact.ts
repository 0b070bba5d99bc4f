/**
 * Exact two-sided p-value of the two-sample Kolmogorov–Smirnov statistic D = h / lcm(m, n):
 * the share of monotone lattice paths from (0,0) to (m,n) that touch or cross |x/m - y/n| >= h/lcm.
 * Equal sizes: the alternating-sum closed form evaluated Horner-style (scipy `_compute_prob_outside_square`).
 * Unequal sizes: Hodges' inside method recursing directly on 1 - p (Viehmann 2021,
 * scipy `_compute_outer_prob_inside_method`), which keeps small p-values exact.
 */

/** Pr(D_{n,n} >= h/n). */
function probOutsideSquare(n: number, h: number): number {
  let p = 0;
  let k = Math.floor(n / h);
  while (k >= 0) {
    let p1 = 1;
    for (let j = 0; j < h; j++) p1 = ((n - k * h - j) * p1) / (n + k * h + j + 1);
    p = p1 * (1 - p);
    k -= 1;
  }
  return 2 * p;
}

/** Pr(D_{m,n} >= h/lcm) for m != n, g = gcd(m, n). */
function probOutsideInsideMethod(m0: number, n0: number, g: number, h: number): number {
  const m = Math.max(m0, n0);
  const n = Math.min(m0, n0);
  const mg = m / g;
  const ng = n / g;
  let minj = 0;
  let maxj = Math.min(Math.ceil(h / mg), n + 1);
  let curlen = maxj - minj;
  const lenA = Math.min(2 * maxj + 2, n + 1);
  // The window can grow beyond lenA by a few cells; size the buffer for the widest window.
  const A = new Float64Array(Math.max(lenA, n + 2)).fill(1);
  for (let j = minj; j < maxj; j++) A[j] = 0;
  for (let i = 1; i <= m; i++) {
    const lastminj = minj;
    const lastlen = curlen;
    minj = Math.min(Math.max(Math.floor((ng * i - h) / mg) + 1, 0), n);
    maxj = Math.min(Math.ceil((ng * i + h) / mg), n + 1);
    if (maxj <= minj) return 1;
    let val = minj === 0 ? 0 : 1;
    for (let jj = 0; jj < maxj - minj; jj++) {
      const j = jj + minj;
      val = ((A[jj + minj - lastminj] as number) * i + val * j) / (i + j);
      A[jj] = val;
    }
    curlen = maxj - minj;
    if (lastlen > curlen) A.fill(1, maxj - minj, maxj - minj + (lastlen - curlen));
  }
  return A[maxj - minj - 1] as number;
}

/** Exact two-sided p-value for sample sizes n1, n2 and statistic h / lcm(n1, n2). */
export function exactTwoSidedKsPValue(n1: number, n2: number, g: number, h: number): number {
  if (h === 0) return 1;
  return n1 === n2 ? probOutsideSquare(n1, h) : probOutsideInsideMethod(n1, n2, g, h);
}
