/**
 * Special functions for p-values: log-gamma, the regularized incomplete gamma functions, the
 * chi-square and standard normal survival functions. Accurate to ~1e-14 relative for the
 * arguments monitoring uses (degrees of freedom up to thousands), like scipy's cephes.
 */

const MACHEP = 1.1102230246251565e-16;
const MAXLOG = 709.782712893384;
const BIG = 4503599627370496;
const BIG_INV = 2.220446049250313e-16;

// Lanczos approximation, g = 7, n = 9 (Godfrey's coefficients), relative error < 2e-15 for x > 0.
const LANCZOS_G = 7;
const LANCZOS = [
  0.9999999999998099, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059, 12.507343278686905, -0.13857109526572012,
  0.000009984369578019572, 1.5056327351493116e-7,
];
const HALF_LOG_TWO_PI = 0.9189385332046728;

/** ln Γ(x) for x > 0 (scipy.special.gammaln). Integers up to 170 are summed exactly from logs of factors. */
export function logGamma(x: number): number {
  if (x <= 0 || !Number.isFinite(x)) throw new RangeError(`logGamma needs a positive finite argument, got ${x}`);
  if (x === 1 || x === 2) return 0;
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
  const z = x - 1;
  let a = LANCZOS[0] as number;
  const t = z + LANCZOS_G + 0.5;
  for (let i = 1; i < LANCZOS.length; i++) a += (LANCZOS[i] as number) / (z + i);
  return HALF_LOG_TWO_PI + (z + 0.5) * Math.log(t) - t + Math.log(a);
}

/** Regularized lower incomplete gamma P(a, x), cephes `igam` (power series). */
export function regularizedGammaP(a: number, x: number): number {
  if (x <= 0) return 0;
  if (x > 1 && x > a) return 1 - regularizedGammaQ(a, x);
  const logAx = a * Math.log(x) - x - logGamma(a);
  if (logAx < -MAXLOG) return 0;
  const ax = Math.exp(logAx);
  let r = a;
  let c = 1;
  let sum = 1;
  do {
    r += 1;
    c *= x / r;
    sum += c;
  } while (c / sum > MACHEP);
  return (sum * ax) / a;
}

/** Regularized upper incomplete gamma Q(a, x) = 1 - P(a, x), cephes `igamc` (continued fraction). */
export function regularizedGammaQ(a: number, x: number): number {
  if (x <= 0) return 1;
  if (x < 1 || x < a) return 1 - regularizedGammaP(a, x);
  const logAx = a * Math.log(x) - x - logGamma(a);
  if (logAx < -MAXLOG) return 0;
  const ax = Math.exp(logAx);
  let y = 1 - a;
  let z = x + y + 1;
  let c = 0;
  let pkm2 = 1;
  let qkm2 = x;
  let pkm1 = x + 1;
  let qkm1 = z * x;
  let ans = pkm1 / qkm1;
  let t: number;
  do {
    c += 1;
    y += 1;
    z += 2;
    const yc = y * c;
    const pk = pkm1 * z - pkm2 * yc;
    const qk = qkm1 * z - qkm2 * yc;
    if (qk !== 0) {
      const r = pk / qk;
      t = Math.abs((ans - r) / r);
      ans = r;
    } else t = 1;
    pkm2 = pkm1;
    pkm1 = pk;
    qkm2 = qkm1;
    qkm1 = qk;
    if (Math.abs(pk) > BIG) {
      pkm2 *= BIG_INV;
      pkm1 *= BIG_INV;
      qkm2 *= BIG_INV;
      qkm1 *= BIG_INV;
    }
  } while (t > MACHEP);
  return ans * ax;
}

/** Survival function of the chi-square distribution, scipy.stats.chi2.sf(x, df) = Q(df/2, x/2). */
export function chiSquareSf(x: number, df: number): number {
  if (x <= 0) return 1;
  return regularizedGammaQ(df / 2, x / 2);
}

/** Survival function of the standard normal, scipy.stats.norm.sf(z); erfc(t) = Q(1/2, t²) keeps the far tail exact. */
export function normalSf(z: number): number {
  if (Number.isNaN(z)) throw new RangeError('normalSf of NaN');
  const tail = 0.5 * regularizedGammaQ(0.5, (z * z) / 2);
  return z >= 0 ? tail : 1 - tail;
}

/** Inverse of the standard normal CDF (Acklam's algorithm refined by one Halley step); used for interval widths only. */
export function normalQuantile(p: number): number {
  if (!(p > 0 && p < 1)) throw new RangeError(`normalQuantile needs 0 < p < 1, got ${p}`);
  const a = [-39.69683028665376, 220.9460984245205, -275.9285104469687, 1.38357751867269e2, -30.66479806614716, 2.506628277459239];
  const b = [-54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572];
  const c = [-0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
  const d = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
  const poly = (k: number[], x: number) => k.reduce((acc, coef) => acc * x + coef, 0);
  let x: number;
  if (p < 0.02425) {
    const q = Math.sqrt(-2 * Math.log(p));
    x = poly(c, q) / (poly(d, q) * q + 1);
  } else if (p > 1 - 0.02425) {
    const q = Math.sqrt(-2 * Math.log(1 - p));
    x = -poly(c, q) / (poly(d, q) * q + 1);
  } else {
    const q = p - 0.5;
    const r = q * q;
    x = (poly(a, r) * q) / (poly(b, r) * r + 1);
  }
  // One Halley step against the exact CDF brings the error to ~1e-15.
  const e = 1 - normalSf(x) - p;
  const u = e * Math.sqrt(2 * Math.PI) * Math.exp((x * x) / 2);
  return x - u / (1 + (x * u) / 2);
}
