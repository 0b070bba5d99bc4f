/**
 * Regression performance. MAE = mean|y − ŷ|; RMSE = sqrt(mean (y − ŷ)²);
 * MAPE = mean(|y − ŷ| / max(|y|, ε)), ε = 2.220446049250313e-16, as sklearn's
 * mean_absolute_percentage_error (a fraction, not a percentage; huge when some y is 0 — reported as is).
 */
import { AppError } from '../shared/app-error.js';
import { CompensatedSum } from './numeric-helpers.js';

export interface RegressionMetrics {
  count: number;
  mae: number;
  rmse: number;
  mape: number;
}

export function regressionMetrics(actual: ArrayLike<number>, predicted: ArrayLike<number>): RegressionMetrics {
  const n = actual.length;
  if (predicted.length !== n) throw AppError.invalidField('prediction', `has ${predicted.length} rows, the labels ${n}`);
  if (n === 0) throw AppError.invalidField('label', 'has no rows');
  const abs = new CompensatedSum();
  const sq = new CompensatedSum();
  const pct = new CompensatedSum();
  for (let i = 0; i < n; i++) {
    const y = actual[i] as number;
    const yhat = predicted[i] as number;
    if (!Number.isFinite(y)) throw AppError.invalidField('label', `row ${i + 1} is not a finite number`);
    if (!Number.isFinite(yhat)) throw AppError.invalidField('prediction', `row ${i + 1} is not a finite number`);
    const e = Math.abs(y - yhat);
    abs.add(e);
    sq.add(e * e);
    pct.add(e / Math.max(Math.abs(y), Number.EPSILON));
  }
  return { count: n, mae: abs.value / n, rmse: Math.sqrt(sq.value / n), mape: pct.value / n };
}
