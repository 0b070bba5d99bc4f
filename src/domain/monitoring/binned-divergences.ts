/**
 * Distances between two histograms over the same bins (numeric: reference-fitted bins; categorical:
 * the union of categories). Inputs are counts; each is turned into proportions count / total.
 *
 *  - PSI = Σ (cur_i - ref_i) · ln(cur_i / ref_i), natural log, with an empty bin's proportion replaced
 *    by PSI_EPSILON = 1e-4 and no renormalisation (Evidently's convention).
 *  - Jensen–Shannon distance = scipy.spatial.distance.jensenshannon(ref, cur) with its default base e:
 *    sqrt((KL(ref‖m) + KL(cur‖m)) / 2), m = (ref + cur) / 2; range [0, sqrt(ln 2) ≈ 0.833].
 *    Empty bins need no epsilon (0 · ln 0 = 0). In base 2 the value would be this / sqrt(ln 2).
 *  - KL divergence = KL(current ‖ reference) = scipy.stats.entropy(cur, ref), natural log, after replacing
 *    empty proportions by PSI_EPSILON on both sides and renormalising (scipy's entropy normalises).
 *  - Hellinger distance = sqrt(Σ (√ref_i − √cur_i)² / 2), in [0, 1]; no epsilon needed.
 */

export const PSI_EPSILON = 1e-4;

function proportions(counts: ArrayLike<number>): Float64Array {
  let total = 0;
  for (let i = 0; i < counts.length; i++) total += counts[i] as number;
  if (!(total > 0)) throw new RangeError('a histogram with no observations has no proportions');
  const out = new Float64Array(counts.length);
  for (let i = 0; i < counts.length; i++) out[i] = (counts[i] as number) / total;
  return out;
}

function sameLength(a: ArrayLike<number>, b: ArrayLike<number>): void {
  if (a.length !== b.length) throw new RangeError(`histograms differ in length: ${a.length} vs ${b.length}`);
}

/** rel_entr(x, y) = x ln(x / y), 0 when x = 0 (scipy.special.rel_entr). */
function relEntr(x: number, y: number): number {
  if (x === 0) return 0;
  return x * Math.log(x / y);
}

export function populationStabilityIndex(referenceCounts: ArrayLike<number>, currentCounts: ArrayLike<number>): number {
  sameLength(referenceCounts, currentCounts);
  const ref = proportions(referenceCounts);
  const cur = proportions(currentCounts);
  let psi = 0;
  for (let i = 0; i < ref.length; i++) {
    const r = (ref[i] as number) === 0 ? PSI_EPSILON : (ref[i] as number);
    const c = (cur[i] as number) === 0 ? PSI_EPSILON : (cur[i] as number);
    psi += (r - c) * Math.log(r / c);
  }
  return psi;
}

export function jensenShannonDistance(referenceCounts: ArrayLike<number>, currentCounts: ArrayLike<number>): number {
  sameLength(referenceCounts, currentCounts);
  const p = proportions(referenceCounts);
  const q = proportions(currentCounts);
  let left = 0;
  let right = 0;
  for (let i = 0; i < p.length; i++) {
    const m = ((p[i] as number) + (q[i] as number)) / 2;
    left += relEntr(p[i] as number, m);
    right += relEntr(q[i] as number, m);
  }
  return Math.sqrt(Math.max(0, left + right) / 2);
}

export function klDivergence(referenceCounts: ArrayLike<number>, currentCounts: ArrayLike<number>): number {
  sameLength(referenceCounts, currentCounts);
  const fill = (v: Float64Array) => {
    const filled = v.map((x) => (x === 0 ? PSI_EPSILON : x));
    let total = 0;
    for (const x of filled) total += x;
    return filled.map((x) => x / total);
  };
  const ref = fill(proportions(referenceCounts));
  const cur = fill(proportions(currentCounts));
  let kl = 0;
  for (let i = 0; i < ref.length; i++) kl += relEntr(cur[i] as number, ref[i] as number);
  return Math.max(0, kl);
}

export function hellingerDistance(referenceCounts: ArrayLike<number>, currentCounts: ArrayLike<number>): number {
  sameLength(referenceCounts, currentCounts);
  const p = proportions(referenceCounts);
  const q = proportions(currentCounts);
  let sum = 0;
  for (let i = 0; i < p.length; i++) {
    const d = Math.sqrt(p[i] as number) - Math.sqrt(q[i] as number);
    sum += d * d;
  }
  return Math.sqrt(sum / 2);
}
