/**
 * Monitoring statistics vs scipy/numpy, timed in the same run (`/usr/bin/python3`, Debian's python3-scipy).
 *  - KS and Wasserstein, N values per side, from unsorted arrays (our time includes sorting both copies);
 *  - PSI + Jensen–Shannon with decile edges fitted on the reference (fit + bin current + both distances);
 *  - a W-row window against a fitted R-row reference: the whole column comparison (every statistic).
 * Median of `runs`. The same Float64 data is handed to python through a temp file.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { binCounts, fitBinEdges } from '../src/domain/monitoring/bins.js';
import { jensenShannonDistance, populationStabilityIndex } from '../src/domain/monitoring/binned-divergences.js';
import { compareNumericColumn } from '../src/domain/monitoring/column-drift.js';
import { ksTwoSample } from '../src/domain/monitoring/ks-test.js';
import { sortedCopy } from '../src/domain/monitoring/numeric-helpers.js';
import { fitNumericProfile } from '../src/domain/monitoring/reference-profile.js';
import { wassersteinDistance } from '../src/domain/monitoring/wasserstein.js';
import { median, round } from './lib/stats.js';

export interface MonitoringResult {
  valuesPerSide: number;
  runs: number;
  ksMs: number;
  scipyKsMs: number;
  wassersteinMs: number;
  scipyWassersteinMs: number;
  psiJsMs: number;
  numpyPsiJsMs: number;
  window: { rows: number; referenceRows: number; fitMs: number; compareMsPerColumn: number };
  agreement: { ksStatistic: number; ksPValue: number; wasserstein: number };
}

/** Deterministic normal samples (xorshift + Box–Muller), so runs compare. */
function normals(n: number, seed: number, shift: number): Float64Array {
  let s = seed >>> 0 || 1;
  const next = () => {
    s ^= s << 13;
    s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5;
    s >>>= 0;
    return (s + 0.5) / 4294967296;
  };
  const out = new Float64Array(n);
  for (let i = 0; i < n; i += 2) {
    const r = Math.sqrt(-2 * Math.log(next()));
    const t = 2 * Math.PI * next();
    out[i] = shift + r * Math.cos(t);
    if (i + 1 < n) out[i + 1] = shift + r * Math.sin(t);
  }
  return out;
}

function time<T>(runs: number, f: () => T): { ms: number; value: T } {
  const times: number[] = [];
  let value!: T;
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    value = f();
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return { ms: round(median(times), 1), value };
}

const PYTHON = `
import sys, time, json
import numpy as np
from scipy import stats
from scipy.spatial import distance
a = np.fromfile(sys.argv[1]); b = np.fromfile(sys.argv[2]); runs = int(sys.argv[3])
def t(f):
    ts = []
    for _ in range(runs):
        s = time.perf_counter(); v = f(); ts.append((time.perf_counter() - s) * 1000)
    return float(np.median(ts)), v
ks_ms, ks = t(lambda: stats.ks_2samp(a, b))
w_ms, w = t(lambda: stats.wasserstein_distance(a, b))
def psi_js():
    edges = np.unique(np.quantile(a, np.linspace(0, 1, 11)[1:-1]))
    rc = np.bincount(np.searchsorted(edges, a, side='left'), minlength=len(edges) + 1) / len(a)
    cc = np.bincount(np.searchsorted(edges, b, side='left'), minlength=len(edges) + 1) / len(b)
    r, c = np.where(rc == 0, 1e-4, rc), np.where(cc == 0, 1e-4, cc)
    return float(np.sum((r - c) * np.log(r / c))), float(distance.jensenshannon(rc, cc))
p_ms, _ = t(psi_js)
print(json.dumps({'ks_ms': ks_ms, 'ks_d': float(ks.statistic), 'ks_p': float(ks.pvalue), 'w_ms': w_ms, 'w': float(w), 'psi_js_ms': p_ms}))
`;

export async function benchMonitoring(sizes: { values: number; window: number; runs: number }, log: (line: string) => void): Promise<MonitoringResult> {
  const a = normals(sizes.values, 12345, 0);
  const b = normals(sizes.values, 67890, 0.01);
  const dir = mkdtempSync(join(tmpdir(), 'aims-bench-monitoring-'));
  try {
    writeFileSync(join(dir, 'a.f64'), Buffer.from(a.buffer));
    writeFileSync(join(dir, 'b.f64'), Buffer.from(b.buffer));
    log(`  ${sizes.values.toLocaleString('en')} values per side; scipy via /usr/bin/python3 ...`);
    const py = JSON.parse(execFileSync('/usr/bin/python3', ['-c', PYTHON, join(dir, 'a.f64'), join(dir, 'b.f64'), String(sizes.runs)], { encoding: 'utf8', maxBuffer: 1 << 20 })) as {
      ks_ms: number; ks_d: number; ks_p: number; w_ms: number; w: number; psi_js_ms: number;
    };
    const ks = time(sizes.runs, () => ksTwoSample(sortedCopy(a), sortedCopy(b)));
    const w = time(sizes.runs, () => wassersteinDistance(sortedCopy(a), sortedCopy(b)));
    const psiJs = time(sizes.runs, () => {
      const edges = fitBinEdges(sortedCopy(a));
      const rc = binCounts(a, edges);
      const cc = binCounts(b, edges);
      return [populationStabilityIndex(rc, cc), jensenShannonDistance(rc, cc)];
    });
    const reference = { kind: 'numeric' as const, name: 'x', values: normals(sizes.values, 424242, 0) };
    const fit = time(1, () => fitNumericProfile(reference));
    const window = { kind: 'numeric' as const, name: 'x', values: normals(sizes.window, 99, 0.05) };
    const compare = time(sizes.runs, () => compareNumericColumn(fit.value, window));
    const result: MonitoringResult = {
      valuesPerSide: sizes.values,
      runs: sizes.runs,
      ksMs: ks.ms,
      scipyKsMs: round(py.ks_ms, 1),
      wassersteinMs: w.ms,
      scipyWassersteinMs: round(py.w_ms, 1),
      psiJsMs: psiJs.ms,
      numpyPsiJsMs: round(py.psi_js_ms, 1),
      window: { rows: sizes.window, referenceRows: sizes.values, fitMs: fit.ms, compareMsPerColumn: compare.ms },
      agreement: {
        ksStatistic: Math.abs(ks.value.statistic - py.ks_d),
        ksPValue: py.ks_p ? Math.abs(ks.value.pValue - py.ks_p) / py.ks_p : Math.abs(ks.value.pValue),
        wasserstein: Math.abs(w.value - py.w) / py.w,
      },
    };
    log(`  KS: ${result.ksMs} ms vs scipy ${result.scipyKsMs} ms (${round(result.scipyKsMs / result.ksMs, 2)}x faster)`);
    log(`  Wasserstein: ${result.wassersteinMs} ms vs scipy ${result.scipyWassersteinMs} ms (${round(result.scipyWassersteinMs / result.wassersteinMs, 2)}x faster)`);
    log(`  PSI + JS (fit deciles, bin both, distances): ${result.psiJsMs} ms vs numpy ${result.numpyPsiJsMs} ms (${round(result.numpyPsiJsMs / result.psiJsMs, 2)}x faster)`);
    log(`  ${sizes.window.toLocaleString('en')}-row window vs fitted ${sizes.values.toLocaleString('en')}-row reference: ${result.window.compareMsPerColumn} ms per column (fit once: ${result.window.fitMs} ms)`);
    log(`  agreement with scipy: |ΔD| ${result.agreement.ksStatistic}, rel Δp ${result.agreement.ksPValue.toExponential(2)}, rel ΔW ${result.agreement.wasserstein.toExponential(2)}`);
    return result;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
