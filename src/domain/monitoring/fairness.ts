/**
 * Fairness by group, for one or several sensitive attributes. With several attributes the groups are
 * intersectional: one group per observed combination, keyed "sex=F & race=B". A missing attribute
 * value forms its own group "(missing)".
 *
 * Per group (predictions and labels are 0/1; positive = 1):
 *   selection rate = P(ŷ=1); TPR = TP/(TP+FN); FPR = FP/(FP+TN); FNR = FN/(TP+FN); PPV = TP/(TP+FP).
 * A group smaller than `minGroupSize` (default 30), or a rate whose denominator is 0, is reported as
 * "not enough data", never as a number, and is left out of every comparison.
 * Comparisons over the groups with enough data (fairlearn's conventions, "between groups" = max − min):
 *   demographic parity difference = max − min selection rate; ratio = min / max;
 *   disparate impact of a group = its selection rate / the reference group's (default: the largest group);
 *   four-fifths rule: adverse impact when min/max selection-rate ratio < 0.8;
 *   equal opportunity difference = max − min TPR;
 *   equalized odds difference = max(TPR difference, FPR difference);
 *   predictive parity difference = max − min PPV.
 * Group sizes come with the Wilson interval of the group's share of rows, and selection rates with theirs.
 */
import { AppError } from '../shared/app-error.js';
import { isMissingCategory, notEnoughData, type CategoricalColumn, type NotEnoughData } from './column-data.js';
import { wilsonInterval, type Interval } from './wilson-interval.js';

export type Metric = number | NotEnoughData;

export interface FairnessOptions {
  minGroupSize?: number;
  referenceGroup?: string;
  confidence?: number;
}

export interface GroupMetrics {
  group: string;
  size: number;
  share: number;
  shareInterval: Interval;
  enoughData: boolean;
  confusion: { tp: number; fp: number; tn: number; fn: number } | null;
  selectionRate: Metric;
  selectionRateInterval: Interval | null;
  tpr: Metric;
  fpr: Metric;
  fnr: Metric;
  ppv: Metric;
  disparateImpact: Metric;
}

export interface FairnessReport {
  attributes: string[];
  minGroupSize: number;
  referenceGroup: string;
  groups: GroupMetrics[];
  demographicParityDifference: Metric;
  demographicParityRatio: Metric;
  fourFifthsRule: { ratio: Metric; adverseImpact: boolean | null };
  equalOpportunityDifference: Metric;
  equalizedOddsDifference: Metric;
  predictiveParityDifference: Metric;
}

export const DEFAULT_MIN_GROUP_SIZE = 30;
export const FOUR_FIFTHS = 0.8;

const MISSING_GROUP = '(missing)';

function checkBinary(name: string, values: ArrayLike<number>): void {
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v !== 0 && v !== 1) throw AppError.invalidField(name, `row ${i + 1} is ${String(v)}; fairness needs 0 or 1`);
  }
}

function ratio(numerator: number, denominator: number, what: string): Metric {
  return denominator > 0 ? numerator / denominator : notEnoughData(`no ${what} in this group`);
}

/** max − min over the numeric values, or not enough data when fewer than two groups have one. */
function spread(values: Metric[], what: string): Metric {
  const numbers = values.filter((v): v is number => typeof v === 'number');
  if (numbers.length < 2) return notEnoughData(`fewer than two groups have enough data for ${what}`);
  return Math.max(...numbers) - Math.min(...numbers);
}

export function groupKeys(sensitive: CategoricalColumn[], rowCount: number): string[] {
  if (sensitive.length === 0) throw AppError.invalidField('sensitive', 'name at least one sensitive attribute');
  for (const column of sensitive) {
    if (column.values.length !== rowCount) throw AppError.invalidField(column.name, `has ${column.values.length} rows, the predictions ${rowCount}`);
  }
  const keys = new Array<string>(rowCount);
  for (let i = 0; i < rowCount; i++) {
    keys[i] = sensitive
      .map((c) => {
        const v = c.values[i];
        return `${c.name}=${isMissingCategory(v) ? MISSING_GROUP : v}`;
      })
      .join(' & ');
  }
  return keys;
}

export function fairnessByGroup(
  predictions: ArrayLike<number>,
  labels: ArrayLike<number> | null,
  sensitive: CategoricalColumn[],
  options: FairnessOptions = {},
): FairnessReport {
  const n = predictions.length;
  checkBinary('prediction', predictions);
  if (labels) {
    if (labels.length !== n) throw AppError.invalidField('label', `has ${labels.length} rows, the predictions ${n}`);
    checkBinary('label', labels);
  }
  if (n === 0) throw AppError.invalidField('prediction', 'has no rows');
  const minGroupSize = options.minGroupSize ?? DEFAULT_MIN_GROUP_SIZE;
  const confidence = options.confidence ?? 0.95;
  const keys = groupKeys(sensitive, n);
  const tallies = new Map<string, { size: number; selected: number; tp: number; fp: number; tn: number; fn: number }>();
  for (let i = 0; i < n; i++) {
    const key = keys[i] as string;
    let t = tallies.get(key);
    if (!t) tallies.set(key, (t = { size: 0, selected: 0, tp: 0, fp: 0, tn: 0, fn: 0 }));
    const yhat = predictions[i] as number;
    t.size++;
    t.selected += yhat;
    if (labels) {
      const y = labels[i] as number;
      if (y === 1 && yhat === 1) t.tp++;
      else if (y === 0 && yhat === 1) t.fp++;
      else if (y === 0) t.tn++;
      else t.fn++;
    }
  }
  const ordered = [...tallies].sort((a, b) => b[1].size - a[1].size || (a[0] < b[0] ? -1 : 1));
  const referenceGroup = options.referenceGroup ?? (ordered[0] as [string, unknown])[0];
  if (!tallies.has(referenceGroup)) throw AppError.invalidField('referenceGroup', `"${referenceGroup}" is not a group in the data`);

  const small = (size: number) => notEnoughData(`group has ${size} rows, fewer than the minimum of ${minGroupSize}`);
  const groups: GroupMetrics[] = ordered.map(([group, t]) => {
    const enoughData = t.size >= minGroupSize;
    const metric = (value: Metric): Metric => (enoughData ? value : small(t.size));
    return {
      group,
      size: t.size,
      share: t.size / n,
      shareInterval: wilsonInterval(t.size, n, confidence),
      enoughData,
      confusion: labels ? { tp: t.tp, fp: t.fp, tn: t.tn, fn: t.fn } : null,
      selectionRate: metric(t.selected / t.size),
      selectionRateInterval: enoughData ? wilsonInterval(t.selected, t.size, confidence) : null,
      tpr: labels ? metric(ratio(t.tp, t.tp + t.fn, 'actual positives')) : notEnoughData('no labels'),
      fpr: labels ? metric(ratio(t.fp, t.fp + t.tn, 'actual negatives')) : notEnoughData('no labels'),
      fnr: labels ? metric(ratio(t.fn, t.tp + t.fn, 'actual positives')) : notEnoughData('no labels'),
      ppv: labels ? metric(ratio(t.tp, t.tp + t.fp, 'predicted positives')) : notEnoughData('no labels'),
      disparateImpact: notEnoughData('computed below'),
    };
  });
  const reference = groups.find((g) => g.group === referenceGroup) as GroupMetrics;
  for (const g of groups) {
    if (typeof g.selectionRate !== 'number') g.disparateImpact = g.selectionRate;
    else if (typeof reference.selectionRate !== 'number') g.disparateImpact = notEnoughData('the reference group has not enough data');
    else g.disparateImpact = ratio(g.selectionRate, reference.selectionRate, 'selected rows in the reference group');
  }
  const rates = groups.map((g) => g.selectionRate).filter((v): v is number => typeof v === 'number');
  const dpRatio: Metric =
    rates.length < 2
      ? notEnoughData('fewer than two groups have enough data')
      : Math.max(...rates) > 0
        ? Math.min(...rates) / Math.max(...rates)
        : notEnoughData('no group has any positive prediction');
  const tprSpread = spread(groups.map((g) => g.tpr), 'TPR');
  const fprSpread = spread(groups.map((g) => g.fpr), 'FPR');
  return {
    attributes: sensitive.map((c) => c.name),
    minGroupSize,
    referenceGroup,
    groups,
    demographicParityDifference: spread(groups.map((g) => g.selectionRate), 'selection rate'),
    demographicParityRatio: dpRatio,
    fourFifthsRule: { ratio: dpRatio, adverseImpact: typeof dpRatio === 'number' ? dpRatio < FOUR_FIFTHS : null },
    equalOpportunityDifference: tprSpread,
    equalizedOddsDifference:
      typeof tprSpread === 'number' && typeof fprSpread === 'number' ? Math.max(tprSpread, fprSpread) : typeof tprSpread === 'number' ? fprSpread : tprSpread,
    predictiveParityDifference: spread(groups.map((g) => g.ppv), 'PPV'),
  };
}
