/**
 * Concept-drift detectors over an error stream (1 = the model was wrong, 0 = right; Page–Hinkley and
 * ADWIN also take real values such as absolute errors), fed in event-time order once labels arrive.
 * Each `update(x)` returns the state after x: 'stable', 'warning' (DDM only) or 'drift'.
 * After a drift each detector starts afresh, as in river.
 *
 * DDM (Gama et al. 2004): p_i = error rate so far, s_i = sqrt(p_i (1 − p_i) / i); the minimum of
 *   p_i + s_i is remembered; warning when p_i + s_i >= p_min + 2 s_min, drift when >= p_min + 3 s_min.
 *   Parameters: minInstances 30 (no signal before), warningLevel 2, driftLevel 3.
 * Page–Hinkley (Page 1954), for an increase in the mean: m_T = Σ_{t<=T} (x_t − x̄_t − δ), M_T = min m_t,
 *   drift when m_T − M_T > λ. Parameters: delta δ = 0.005, threshold λ = 50, minInstances 30 (river's).
 * ADWIN (Bifet & Gavaldà 2007): keeps a window W; after each value, for every split W = W0 · W1 with
 *   both sides >= minSubWindow (5), drift when |μ0 − μ1| >= ε = sqrt(2 σ²_W ln(2/δ') / m) + 2 ln(2/δ') / (3m),
 *   m = 1 / (1/n0 + 1/n1), δ' = δ / |W|; the oldest values are dropped until no split is significant.
 *   Parameters: delta δ = 0.002, maxWindow 5000 (the exact O(|W|) check; the oldest values beyond it are dropped).
 */

export type DetectorState = 'stable' | 'warning' | 'drift';

export interface DriftDetector {
  update(x: number): DetectorState;
  readonly seen: number;
}

export class Ddm implements DriftDetector {
  private n = 0;
  private errors = 0;
  private pMin = Infinity;
  private sMin = Infinity;
  private psMin = Infinity;
  seen = 0;

  constructor(readonly options: { minInstances?: number; warningLevel?: number; driftLevel?: number } = {}) {}

  update(x: number): DetectorState {
    if (x !== 0 && x !== 1) throw new RangeError(`DDM takes 0/1 errors, got ${x}`);
    this.seen++;
    this.n++;
    this.errors += x;
    const p = this.errors / this.n;
    const s = Math.sqrt((p * (1 - p)) / this.n);
    if (this.n < (this.options.minInstances ?? 30)) return 'stable';
    if (p + s <= this.psMin) {
      this.pMin = p;
      this.sMin = s;
      this.psMin = p + s;
    }
    if (p + s >= this.pMin + (this.options.driftLevel ?? 3) * this.sMin) {
      this.reset();
      return 'drift';
    }
    return p + s >= this.pMin + (this.options.warningLevel ?? 2) * this.sMin ? 'warning' : 'stable';
  }

  private reset(): void {
    this.n = 0;
    this.errors = 0;
    this.pMin = this.sMin = this.psMin = Infinity;
  }
}

export class PageHinkley implements DriftDetector {
  private n = 0;
  private mean = 0;
  private cumulative = 0;
  private minimum = 0;
  seen = 0;

  constructor(readonly options: { delta?: number; threshold?: number; minInstances?: number } = {}) {}

  update(x: number): DetectorState {
    if (!Number.isFinite(x)) throw new RangeError(`Page–Hinkley takes finite values, got ${x}`);
    this.seen++;
    this.n++;
    this.mean += (x - this.mean) / this.n;
    this.cumulative += x - this.mean - (this.options.delta ?? 0.005);
    this.minimum = Math.min(this.minimum, this.cumulative);
    if (this.n >= (this.options.minInstances ?? 30) && this.cumulative - this.minimum > (this.options.threshold ?? 50)) {
      this.n = 0;
      this.mean = 0;
      this.cumulative = 0;
      this.minimum = 0;
      return 'drift';
    }
    return 'stable';
  }
}

export class Adwin implements DriftDetector {
  private window: number[] = [];
  seen = 0;

  constructor(readonly options: { delta?: number; minSubWindow?: number; maxWindow?: number } = {}) {}

  get width(): number {
    return this.window.length;
  }

  update(x: number): DetectorState {
    if (!Number.isFinite(x)) throw new RangeError(`ADWIN takes finite values, got ${x}`);
    this.seen++;
    this.window.push(x);
    if (this.window.length > (this.options.maxWindow ?? 5000)) this.window.shift();
    let drift = false;
    while (this.cutPoint() !== null) {
      drift = true;
      this.window.shift();
    }
    return drift ? 'drift' : 'stable';
  }

  /** The first split whose means differ significantly, or null. */
  private cutPoint(): number | null {
    const w = this.window;
    const n = w.length;
    const minSub = this.options.minSubWindow ?? 5;
    if (n < 2 * minSub) return null;
    let total = 0;
    let totalSq = 0;
    for (const v of w) {
      total += v;
      totalSq += v * v;
    }
    const mean = total / n;
    const variance = Math.max(0, totalSq / n - mean * mean);
    const logTerm = Math.log((2 * n) / (this.options.delta ?? 0.002));
    let head = 0;
    for (let n0 = 1; n0 < n; n0++) {
      head += w[n0 - 1] as number;
      const n1 = n - n0;
      if (n0 < minSub || n1 < minSub) continue;
      const m = 1 / (1 / n0 + 1 / n1);
      const epsilon = Math.sqrt((2 * variance * logTerm) / m) + (2 * logTerm) / (3 * m);
      if (Math.abs(head / n0 - (total - head) / n1) >= epsilon) return n0;
    }
    return null;
  }
}

/** Runs a detector over a whole stream and returns the 0-based positions where it signalled drift. */
export function driftPoints(detector: DriftDetector, stream: ArrayLike<number>): number[] {
  const points: number[] = [];
  for (let i = 0; i < stream.length; i++) if (detector.update(stream[i] as number) === 'drift') points.push(i);
  return points;
}
