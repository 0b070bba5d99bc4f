import { describe, expect, it } from 'vitest';
import { isAppError } from '../shared/app-error.js';
import type { CategoricalColumn, NumericColumn } from './column-data.js';
import { parseNumericColumn } from './column-data.js';
import { compareWindow } from './column-drift.js';
import { Adwin, Ddm, PageHinkley, driftPoints } from './concept-drift.js';
import { decideColumn, decideDataset } from './drift-decision.js';
import { adjustPValues } from './multiple-testing.js';
import { fitReferenceProfile } from './reference-profile.js';

/** A deterministic 0/1 stream with `ones` errors in every `period` values. */
function pattern(length: number, period: number, ones: number): number[] {
  return Array.from({ length }, (_, i) => (i % period < ones ? 1 : 0));
}
const numeric = (name: string, values: number[]): NumericColumn => ({ kind: 'numeric', name, values: Float64Array.from(values) });
const categorical = (name: string, values: (string | null)[]): CategoricalColumn => ({ kind: 'categorical', name, values });
const ramp = (n: number, offset = 0, scale = 1) => Array.from({ length: n }, (_, i) => offset + scale * ((i * 7919) % n) / n);

describe('multiple testing', () => {
  it('Bonferroni and Benjamini–Hochberg match statsmodels', () => {
    expect(adjustPValues([0.01, 0.04, 0.03, 0.5], 'bonferroni')).toEqual([0.04, 0.16, 0.12, 1]);
    // statsmodels.stats.multitest.multipletests([0.01,0.04,0.03,0.5], method='fdr_bh')[1]
    const bh = adjustPValues([0.01, 0.04, 0.03, 0.5], 'benjamini-hochberg');
    [0.04, 0.05333333333333334, 0.05333333333333334, 0.5].forEach((v, i) => expect(bh[i]).toBeCloseTo(v, 15));
  });
});

describe('drift decisions', () => {
  const refNum = ramp(500);
  const refCat = Array.from({ length: 500 }, (_, i) => (i % 3 === 0 ? 'a' : i % 3 === 1 ? 'b' : 'c'));
  const profile = fitReferenceProfile([numeric('x', refNum), categorical('c', refCat)]);

  it('uses KS and chi-square for small references, and marks the dataset drifted when half the columns drift', () => {
    const results = compareWindow(profile, [numeric('x', ramp(300, 0.3)), categorical('c', refCat.slice(0, 300))]);
    const dataset = decideDataset(results, { preset: 'evidently' });
    expect(dataset.columns.map((c) => (c.status === 'ok' ? [c.test, c.drifted] : c.status))).toEqual([
      ['ks', true],
      ['chi_square', false],
    ]);
    expect(dataset.share).toBe(0.5);
    expect(dataset.drifted).toBe(true);
  });

  it('uses normalised Wasserstein / PSI and Jensen–Shannon above 1000 reference rows', () => {
    const big = fitReferenceProfile([numeric('x', ramp(2000)), categorical('c', [...refCat, ...refCat, ...refCat, ...refCat])]);
    const results = compareWindow(big, [numeric('x', ramp(400, 0.05)), categorical('c', Array.from({ length: 400 }, (_, i) => (i % 4 ? 'a' : 'b')))]);
    const ev = decideDataset(results, { preset: 'evidently' });
    expect(ev.columns.map((c) => c.status === 'ok' && c.test)).toEqual(['wasserstein_normalised', 'jensen_shannon']);
    const x = ev.columns[0];
    expect(x?.status === 'ok' && x.value).toBeCloseTo(0.05 / Math.sqrt(1 / 12), 2);
    const ours = decideDataset(results);
    expect(ours.columns.map((c) => c.status === 'ok' && c.test)).toEqual(['psi', 'jensen_shannon']);
    expect(ours.columns[1]?.status === 'ok' && ours.columns[1].drifted).toBe(true);
  });

  it('uses the z-test for binary categories in the Evidently preset, and corrections adjust p-values', () => {
    const p = fitReferenceProfile([categorical('b', pattern(400, 2, 1).map(String))]);
    const [r] = compareWindow(p, [categorical('b', pattern(400, 4, 3).map(String))]);
    const d = decideColumn(r!, 'evidently');
    expect(d.status === 'ok' && d.test).toBe('z_test');
    const corrected = decideDataset([r!, r!], { preset: 'evidently', correction: 'bonferroni' });
    const first = corrected.columns[0];
    expect(first?.status === 'ok' && first.adjustedValue).toBeCloseTo(Math.min(1, 2 * (d.status === 'ok' ? d.value : 0)), 15);
  });

  it('gives not enough data for an empty or all-missing column instead of a number', () => {
    const results = compareWindow(profile, [numeric('x', [NaN, NaN]), categorical('c', [null, ''])]);
    expect(results.map((r) => r.status)).toEqual(['not_enough_data', 'not_enough_data']);
    const dataset = decideDataset(results);
    expect(dataset).toMatchObject({ decidedColumns: 0, drifted: false });
    expect(JSON.stringify(dataset)).not.toContain('NaN');
  });

  it('refuses mismatched column sets, kinds and non-numeric values naming the column', () => {
    const field = (f: () => unknown) => {
      try {
        f();
      } catch (error) {
        return isAppError(error) && error.code === 'VALIDATION_FAILED' ? error.details.fields?.map((x) => x.field) : 'other error';
      }
      return 'no error';
    };
    expect(field(() => compareWindow(profile, [numeric('x', [1]), categorical('d', ['a'])]))).toEqual(['c', 'd']);
    expect(field(() => compareWindow(profile, [categorical('x', ['1']), categorical('c', ['a'])]))).toEqual(['x']);
    expect(field(() => parseNumericColumn('age', ['1', '2', 'forty']))).toEqual(['age']);
    expect(field(() => compareWindow(profile, [numeric('x', [Infinity]), categorical('c', ['a'])]))).toEqual(['x']);
    expect(parseNumericColumn('age', ['1', '', 'NA']).values[2]).toBeNaN();
  });

  it('handles unseen categories and constant columns without NaN', () => {
    const p = fitReferenceProfile([numeric('k', Array(4).fill(3)), categorical('c', ['a', 'b', 'a', 'b'])]);
    const [k, c] = compareWindow(p, [numeric('k', Array(4).fill(3)), categorical('c', ['a', 'z', 'z', 'b'])]);
    expect(c?.status === 'ok' && c.kind === 'categorical' && c.unseenCategories).toEqual(['z']);
    expect(k?.status === 'ok' && k.kind === 'numeric' && [k.ks.statistic, k.ks.pValue, k.wassersteinNormalised, k.psi]).toEqual([0, 1, 0, 0]);
    expect(JSON.stringify([k, c])).not.toMatch(/NaN|null/);
  });

  it('approximates against a quantile sketch above the exact limit and says so', () => {
    const p = fitReferenceProfile([numeric('x', ramp(20000))], { maxExactValues: 10000, sketchSize: 1000 });
    const [r] = compareWindow(p, [numeric('x', ramp(20000, 0.01))]);
    expect(r?.status === 'ok' && r.kind === 'numeric' && r.approximate).toBe(true);
    expect(r?.status === 'ok' && r.kind === 'numeric' && Math.abs(r.ks.statistic - 0.01)).toBeLessThan(2e-3);
  });
});

describe('concept drift detectors on known sequences', () => {
  // 1000 values at a 10 % error rate, then 1000 at 50 %.
  const stream = [...pattern(1000, 10, 1), ...pattern(1000, 2, 1)];

  it('DDM warns, then signals drift soon after the change and never before', () => {
    const ddm = new Ddm();
    const states = stream.map((x) => ddm.update(x));
    const firstDrift = states.indexOf('drift');
    expect(firstDrift).toBeGreaterThan(1000);
    expect(firstDrift).toBeLessThan(1100);
    expect(states.slice(1000, firstDrift)).toContain('warning');
  });

  it('Page–Hinkley detects the increase in mean', () => {
    const points = driftPoints(new PageHinkley({ threshold: 10 }), stream);
    expect(points[0]).toBeGreaterThan(1000);
    expect(points[0]).toBeLessThan(1100);
  });

  it('ADWIN shrinks its window after the change', () => {
    const adwin = new Adwin();
    const points = driftPoints(adwin, stream);
    expect(points.length).toBeGreaterThan(0);
    expect(points[0]).toBeGreaterThan(1000);
    expect(points[0]).toBeLessThan(1150);
    expect(adwin.width).toBeLessThan(1200); // without a cut it would hold all 2000 values
  });

  it('stays quiet on a stationary stream', () => {
    const steady = pattern(3000, 10, 1);
    expect(driftPoints(new Ddm(), steady)).toEqual([]);
    expect(driftPoints(new PageHinkley(), steady)).toEqual([]);
    expect(driftPoints(new Adwin(), steady)).toEqual([]);
  });
});
