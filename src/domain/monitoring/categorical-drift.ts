/**
 * Drift tests for categorical columns, over the union of reference and current categories.
 *
 *  - Chi-square test of homogeneity on the 2 × K contingency table [reference counts; current counts],
 *    scipy.stats.chi2_contingency: expected = row total × column total / grand total, dof = K - 1.
 *    With `correction` (scipy's default) and dof = 1, Yates' continuity correction moves each observed
 *    count up to 0.5 towards its expected count. dof = 0 (one category) gives statistic 0, p-value 1.
 *  - Two-proportion z-test, pooled: z = (p_cur - p_ref) / sqrt(p̄ (1 - p̄) (1/n_ref + 1/n_cur)),
 *    p = 2 · norm.sf(|z|); p̄ = 0 or 1 gives z = 0, p = 1. With two categories the test is on the first
 *    category (both give the same |z|); with more, each category is tested against the rest and the
 *    smallest p-value is Bonferroni-adjusted by K.
 *  - Jensen–Shannon and PSI as in binned-divergences.ts.
 * Unseen categories (in the current window, not in the reference) join the table with a reference
 * count of 0: the chi-square expected count stays positive, PSI uses its epsilon, and they are listed.
 */
import { chiSquareSf, normalSf } from './special-functions.js';

export interface ChiSquareResult {
  statistic: number;
  pValue: number;
  dof: number;
  corrected: boolean;
}

export function chiSquareHomogeneity(referenceCounts: ArrayLike<number>, currentCounts: ArrayLike<number>, correction = true): ChiSquareResult {
  const k = referenceCounts.length;
  if (currentCounts.length !== k) throw new RangeError('count vectors differ in length');
  let nRef = 0;
  let nCur = 0;
  for (let i = 0; i < k; i++) {
    nRef += referenceCounts[i] as number;
    nCur += currentCounts[i] as number;
  }
  const total = nRef + nCur;
  const dof = k - 1;
  if (dof === 0) return { statistic: 0, pValue: 1, dof, corrected: false };
  const yates = correction && dof === 1;
  let statistic = 0;
  for (let i = 0; i < k; i++) {
    const columnTotal = (referenceCounts[i] as number) + (currentCounts[i] as number);
    for (const [observed0, rowTotal] of [
      [referenceCounts[i] as number, nRef],
      [currentCounts[i] as number, nCur],
    ] as const) {
      const expected = (rowTotal * columnTotal) / total;
      let observed = observed0;
      if (yates) {
        const diff = expected - observed;
        observed += Math.sign(diff) * Math.min(0.5, Math.abs(diff));
      }
      statistic += ((observed - expected) * (observed - expected)) / expected;
    }
  }
  return { statistic, pValue: chiSquareSf(statistic, dof), dof, corrected: yates };
}

export interface ZTestResult {
  statistic: number;
  pValue: number;
  /** The category whose share was tested (with more than two categories: the one with the smallest p). */
  category: number;
  /** Number of categories the p-value was adjusted for (1 when not adjusted). */
  adjustedFor: number;
}

/** Pooled two-proportion z-test of x1/n1 (reference) against x2/n2 (current). */
export function twoProportionZTest(x1: number, n1: number, x2: number, n2: number): { statistic: number; pValue: number } {
  const pooled = (x1 + x2) / (n1 + n2);
  const variance = pooled * (1 - pooled) * (1 / n1 + 1 / n2);
  if (!(variance > 0)) return { statistic: 0, pValue: 1 };
  const z = (x2 / n2 - x1 / n1) / Math.sqrt(variance);
  return { statistic: z, pValue: Math.min(1, 2 * normalSf(Math.abs(z))) };
}

export function categoricalZTest(referenceCounts: ArrayLike<number>, currentCounts: ArrayLike<number>): ZTestResult {
  const k = referenceCounts.length;
  let nRef = 0;
  let nCur = 0;
  for (let i = 0; i < k; i++) {
    nRef += referenceCounts[i] as number;
    nCur += currentCounts[i] as number;
  }
  if (k <= 2) {
    const r = twoProportionZTest(referenceCounts[0] as number, nRef, currentCounts[0] as number, nCur);
    return { ...r, category: 0, adjustedFor: 1 };
  }
  let best = { statistic: 0, pValue: 1, category: 0 };
  for (let i = 0; i < k; i++) {
    const r = twoProportionZTest(referenceCounts[i] as number, nRef, currentCounts[i] as number, nCur);
    if (r.pValue < best.pValue || i === 0) best = { ...r, category: i };
  }
  return { ...best, pValue: Math.min(1, best.pValue * k), adjustedFor: k };
}
