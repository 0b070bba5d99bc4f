/**
 * Classification performance for binary labels (0/1), positive class 1.
 *  accuracy = (TP+TN)/n; precision = TP/(TP+FP); recall = TP/(TP+FN); F1 = 2PR/(P+R).
 *  A zero denominator gives "not enough data" (sklearn would return 0 with a warning).
 *  ROC AUC = P(score_pos > score_neg) + ½ P(tie), the Mann–Whitney form with mid-ranks, which is what
 *  sklearn.metrics.roc_auc_score computes with ties; needs both classes.
 *  Brier score = mean((score − label)²) (sklearn brier_score_loss), scores in [0, 1].
 *  Calibration: `bins` equal-width bins on [0, 1] (score 1 goes in the last), per bin the mean score,
 *  the observed positive rate and the count; ECE = Σ (count/n) · |mean score − positive rate|.
 *  Predictions, when not given, are score >= threshold (default 0.5).
 */
import { AppError } from '../shared/app-error.js';
import { notEnoughData, type NotEnoughData } from './column-data.js';
import { CompensatedSum } from './numeric-helpers.js';

type Metric = number | NotEnoughData;

export interface CalibrationBin {
  low: number;
  high: number;
  count: number;
  meanScore: number | null;
  positiveRate: number | null;
}

export interface ClassificationMetrics {
  count: number;
  confusion: { tp: number; fp: number; tn: number; fn: number };
  accuracy: number;
  precision: Metric;
  recall: Metric;
  f1: Metric;
  rocAuc: Metric;
  brier: Metric;
  calibration: CalibrationBin[] | null;
  ece: Metric;
}

function checkLabels(labels: ArrayLike<number>): void {
  for (let i = 0; i < labels.length; i++) {
    if (labels[i] !== 0 && labels[i] !== 1) throw AppError.invalidField('label', `row ${i + 1} is ${String(labels[i])}; labels must be 0 or 1`);
  }
}

function checkScores(scores: ArrayLike<number>): void {
  for (let i = 0; i < scores.length; i++) {
    const s = scores[i] as number;
    if (!(s >= 0 && s <= 1)) throw AppError.invalidField('score', `row ${i + 1} is ${String(s)}; scores must lie in [0, 1]`);
  }
}

/** ROC AUC with mid-ranks for ties (= sklearn roc_auc_score). */
export function rocAuc(labels: ArrayLike<number>, scores: ArrayLike<number>): Metric {
  const n = labels.length;
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => (scores[a] as number) - (scores[b] as number));
  let positives = 0;
  const rankSum = new CompensatedSum();
  let i = 0;
  while (i < n) {
    let j = i;
    while (j + 1 < n && scores[order[j + 1] as number] === scores[order[i] as number]) j++;
    const midRank = (i + j) / 2 + 1;
    for (let k = i; k <= j; k++) {
      if (labels[order[k] as number] === 1) {
        positives++;
        rankSum.add(midRank);
      }
    }
    i = j + 1;
  }
  const negatives = n - positives;
  if (positives === 0 || negatives === 0) return notEnoughData('ROC AUC needs both classes');
  return (rankSum.value - (positives * (positives + 1)) / 2) / (positives * negatives);
}

export function calibrationBins(labels: ArrayLike<number>, scores: ArrayLike<number>, bins = 10): { bins: CalibrationBin[]; ece: number } {
  const count = new Float64Array(bins);
  const scoreSum = new Float64Array(bins);
  const positiveSum = new Float64Array(bins);
  for (let i = 0; i < scores.length; i++) {
    const b = Math.min(Math.floor((scores[i] as number) * bins), bins - 1);
    count[b] = (count[b] as number) + 1;
    scoreSum[b] = (scoreSum[b] as number) + (scores[i] as number);
    positiveSum[b] = (positiveSum[b] as number) + (labels[i] as number);
  }
  let ece = 0;
  const out: CalibrationBin[] = [];
  for (let b = 0; b < bins; b++) {
    const c = count[b] as number;
    const meanScore = c ? (scoreSum[b] as number) / c : null;
    const positiveRate = c ? (positiveSum[b] as number) / c : null;
    if (c) ece += (c / scores.length) * Math.abs((meanScore as number) - (positiveRate as number));
    out.push({ low: b / bins, high: (b + 1) / bins, count: c, meanScore, positiveRate });
  }
  return { bins: out, ece };
}

export function classificationMetrics(
  labels: ArrayLike<number>,
  input: { scores?: ArrayLike<number>; predictions?: ArrayLike<number>; threshold?: number; calibrationBins?: number },
): ClassificationMetrics {
  const n = labels.length;
  if (n === 0) throw AppError.invalidField('label', 'has no rows');
  checkLabels(labels);
  const { scores } = input;
  if (scores) {
    if (scores.length !== n) throw AppError.invalidField('score', `has ${scores.length} rows, the labels ${n}`);
    checkScores(scores);
  }
  let predictions = input.predictions;
  if (!predictions) {
    if (!scores) throw AppError.invalidField('prediction', 'give predictions or scores');
    const threshold = input.threshold ?? 0.5;
    predictions = Array.from(scores, (s) => (s >= threshold ? 1 : 0));
  }
  if (predictions.length !== n) throw AppError.invalidField('prediction', `has ${predictions.length} rows, the labels ${n}`);
  let tp = 0;
  let fp = 0;
  let tn = 0;
  let fn = 0;
  for (let i = 0; i < n; i++) {
    const p = predictions[i];
    if (p !== 0 && p !== 1) throw AppError.invalidField('prediction', `row ${i + 1} is ${String(p)}; predictions must be 0 or 1`);
    if (labels[i] === 1) {
      if (p === 1) tp++;
      else fn++;
    } else if (p === 1) fp++;
    else tn++;
  }
  const precision: Metric = tp + fp ? tp / (tp + fp) : notEnoughData('no positive predictions');
  const recall: Metric = tp + fn ? tp / (tp + fn) : notEnoughData('no positive labels');
  const f1: Metric = typeof precision === 'number' && typeof recall === 'number' ? (precision + recall ? (2 * precision * recall) / (precision + recall) : 0) : notEnoughData('precision or recall is undefined');
  let brier: Metric = notEnoughData('no scores');
  let calibration: CalibrationBin[] | null = null;
  let ece: Metric = notEnoughData('no scores');
  let auc: Metric = notEnoughData('no scores');
  if (scores) {
    const sum = new CompensatedSum();
    for (let i = 0; i < n; i++) {
      const d = (scores[i] as number) - (labels[i] as number);
      sum.add(d * d);
    }
    brier = sum.value / n;
    const cal = calibrationBins(labels, scores, input.calibrationBins ?? 10);
    calibration = cal.bins;
    ece = cal.ece;
    auc = rocAuc(labels, scores);
  }
  return { count: n, confusion: { tp, fp, tn, fn }, accuracy: (tp + tn) / n, precision, recall, f1, rocAuc: auc, brier, calibration, ece };
}
