/**
 * Fairness metrics against hand-computed confusion matrices, Wilson intervals against the closed form
 * (values from statsmodels' formula), and performance metrics against the golden fixtures
 * (ROC AUC from scipy's Mann–Whitney U, which equals sklearn's roc_auc_score with ties).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isAppError } from '../shared/app-error.js';
import { classificationMetrics, rocAuc } from './classification-metrics.js';
import type { CategoricalColumn } from './column-data.js';
import { fairnessByGroup, type GroupMetrics } from './fairness.js';
import { regressionMetrics } from './regression-metrics.js';
import { wilsonInterval } from './wilson-interval.js';

/** Rows for one group with the given confusion matrix. */
function rows(group: string, cm: { tp: number; fp: number; tn: number; fn: number }) {
  const out: Array<{ group: string; y: number; yhat: number }> = [];
  const push = (count: number, y: number, yhat: number) => {
    for (let i = 0; i < count; i++) out.push({ group, y, yhat });
  };
  push(cm.tp, 1, 1);
  push(cm.fp, 0, 1);
  push(cm.tn, 0, 0);
  push(cm.fn, 1, 0);
  return out;
}

const data = [...rows('A', { tp: 12, fp: 4, tn: 20, fn: 4 }), ...rows('B', { tp: 10, fp: 2, tn: 30, fn: 8 }), ...rows('C', { tp: 3, fp: 1, tn: 5, fn: 1 })];
const sex: CategoricalColumn = { kind: 'categorical', name: 'sex', values: data.map((r) => r.group) };
const labels = data.map((r) => r.y);
const predictions = data.map((r) => r.yhat);
const group = (groups: GroupMetrics[], name: string) => groups.find((g) => g.group === name) as GroupMetrics;

describe('fairness by group', () => {
  const report = fairnessByGroup(predictions, labels, [sex]);

  it('computes per-group rates from the confusion matrices', () => {
    const a = group(report.groups, 'sex=A');
    expect(a.confusion).toEqual({ tp: 12, fp: 4, tn: 20, fn: 4 });
    expect(a.selectionRate).toBeCloseTo(16 / 40, 15);
    expect(a.tpr).toBeCloseTo(12 / 16, 15);
    expect(a.fpr).toBeCloseTo(4 / 24, 15);
    expect(a.fnr).toBeCloseTo(4 / 16, 15);
    expect(a.ppv).toBeCloseTo(12 / 16, 15);
    const b = group(report.groups, 'sex=B');
    expect(b.selectionRate).toBeCloseTo(12 / 50, 15);
    expect(b.tpr).toBeCloseTo(10 / 18, 15);
    expect(b.fpr).toBeCloseTo(2 / 32, 15);
    expect(b.ppv).toBeCloseTo(10 / 12, 15);
  });

  it('reports a group below the minimum size as not enough data, never a number', () => {
    const c = group(report.groups, 'sex=C');
    expect(c.size).toBe(10);
    expect(c.enoughData).toBe(false);
    for (const m of [c.selectionRate, c.tpr, c.fpr, c.fnr, c.ppv, c.disparateImpact]) expect(m).toMatchObject({ status: 'not_enough_data' });
  });

  it('compares the groups with enough data', () => {
    expect(report.referenceGroup).toBe('sex=B'); // the largest group
    expect(report.demographicParityDifference).toBeCloseTo(0.4 - 0.24, 15);
    expect(report.demographicParityRatio).toBeCloseTo(0.24 / 0.4, 15);
    expect(report.fourFifthsRule.adverseImpact).toBe(true);
    expect(group(report.groups, 'sex=A').disparateImpact).toBeCloseTo(0.4 / 0.24, 14);
    expect(report.equalOpportunityDifference).toBeCloseTo(12 / 16 - 10 / 18, 15);
    expect(report.equalizedOddsDifference).toBeCloseTo(Math.max(12 / 16 - 10 / 18, 4 / 24 - 2 / 32), 15);
    expect(report.predictiveParityDifference).toBeCloseTo(10 / 12 - 12 / 16, 15);
  });

  it('gives group sizes and selection rates with Wilson intervals', () => {
    const b = group(report.groups, 'sex=B');
    expect(b.selectionRateInterval?.low).toBeCloseTo(0.1429739139699173, 12);
    expect(b.selectionRateInterval?.high).toBeCloseTo(0.3741268375794292, 12);
    expect(b.shareInterval.low).toBeLessThan(0.5);
    expect(b.shareInterval.high).toBeGreaterThan(0.5);
  });

  it('uses a chosen reference group and passes the four-fifths rule when rates are close', () => {
    const r = fairnessByGroup(predictions, labels, [sex], { referenceGroup: 'sex=A', minGroupSize: 5 });
    expect(group(r.groups, 'sex=B').disparateImpact).toBeCloseTo(0.24 / 0.4, 15);
    expect(group(r.groups, 'sex=C').selectionRate).toBeCloseTo(0.4, 15);
    const equal = fairnessByGroup([1, 0, 1, 0], null, [{ kind: 'categorical', name: 'g', values: ['x', 'x', 'y', 'y'] }], { minGroupSize: 1 });
    expect(equal.fourFifthsRule).toEqual({ ratio: 1, adverseImpact: false });
    expect(equal.groups[0]?.tpr).toMatchObject({ status: 'not_enough_data', reason: 'no labels' });
  });

  it('builds intersectional groups from several attributes', () => {
    const band = { kind: 'categorical' as const, name: 'age', values: data.map((_, i) => (i % 2 ? 'old' : 'young')) };
    const r = fairnessByGroup(predictions, labels, [sex, band], { minGroupSize: 1 });
    expect(r.attributes).toEqual(['sex', 'age']);
    expect(r.groups.map((g) => g.group).sort()).toEqual(['sex=A & age=old', 'sex=A & age=young', 'sex=B & age=old', 'sex=B & age=young', 'sex=C & age=old', 'sex=C & age=young']);
    expect(r.groups.reduce((s, g) => s + g.size, 0)).toBe(data.length);
  });

  it('says not enough data for a single group', () => {
    const r = fairnessByGroup([1, 0, 1], [1, 0, 0], [{ kind: 'categorical', name: 'g', values: ['x', 'x', 'x'] }], { minGroupSize: 1 });
    expect(r.demographicParityDifference).toMatchObject({ status: 'not_enough_data' });
    expect(r.fourFifthsRule.adverseImpact).toBeNull();
  });

  it('groups missing attribute values as (missing) and refuses bad input naming the field', () => {
    const r = fairnessByGroup([1, 0], null, [{ kind: 'categorical', name: 'g', values: ['x', null] }], { minGroupSize: 1 });
    expect(r.groups.map((g) => g.group).sort()).toEqual(['g=(missing)', 'g=x']);
    const refused = (f: () => unknown, field: string) => {
      try {
        f();
        throw new Error('expected a refusal');
      } catch (error) {
        expect(isAppError(error) && error.code === 'VALIDATION_FAILED' && error.details.fields?.[0]?.field).toBe(field);
      }
    };
    refused(() => fairnessByGroup([1, 2], null, [sex]), 'prediction');
    refused(() => fairnessByGroup([1, 0], null, [sex]), 'sex');
    refused(() => fairnessByGroup([1, 0], null, []), 'sensitive');
    refused(() => fairnessByGroup(predictions, labels, [sex], { referenceGroup: 'sex=Z' }), 'referenceGroup');
  });
});

describe('Wilson interval', () => {
  it('matches the closed form, also at zero successes', () => {
    expect(wilsonInterval(0, 10).low).toBe(0);
    expect(wilsonInterval(0, 10).high).toBeCloseTo(0.2775327998628892, 12);
    expect(wilsonInterval(40, 100).low).toBeCloseTo(0.3094012864324589, 12);
    expect(wilsonInterval(40, 100).high).toBeCloseTo(0.4979974132089382, 12);
  });
});

// eslint-disable-next-line @typescript-eslint/no-explicit-any
const perf: any = JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', '..', 'test', 'fixtures', 'monitoring', 'performance.json'), 'utf8'));
const rel = (a: unknown, b: number) => expect(Math.abs((a as number) - b)).toBeLessThanOrEqual(1e-9 * Math.abs(b) + 1e-15);

describe('classification metrics against numpy/scipy', () => {
  for (const c of perf.classification) {
    it(c.name, () => {
      const m = classificationMetrics(c.labels, { scores: c.scores });
      rel(m.accuracy, c.accuracy);
      rel(m.precision, c.precision);
      rel(m.recall, c.recall);
      rel(m.f1, c.f1);
      rel(m.rocAuc, c.rocAuc);
      rel(m.brier, c.brier);
      rel(m.ece, c.ece);
    });
  }
  it('handles ties in ROC AUC with mid-ranks and needs both classes', () => {
    expect(rocAuc([0, 1, 0, 1], [0.5, 0.5, 0.5, 0.5])).toBe(0.5);
    expect(rocAuc([0, 0, 1], [0.1, 0.4, 0.4])).toBe(0.75);
    expect(rocAuc([1, 1], [0.1, 0.2])).toMatchObject({ status: 'not_enough_data' });
  });
  it('reports undefined precision as not enough data', () => {
    const m = classificationMetrics([1, 0], { predictions: [0, 0] });
    expect(m.precision).toMatchObject({ status: 'not_enough_data' });
    expect(m.recall).toBe(0);
  });
});

describe('regression metrics against numpy', () => {
  it('MAE, RMSE, MAPE', () => {
    const m = regressionMetrics(perf.regression.actual, perf.regression.predicted);
    rel(m.mae, perf.regression.mae);
    rel(m.rmse, perf.regression.rmse);
    rel(m.mape, perf.regression.mape);
  });
});
