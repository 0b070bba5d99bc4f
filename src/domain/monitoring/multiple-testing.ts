/**
 * Corrections for testing many columns at once (statsmodels multipletests conventions):
 *  - Bonferroni: p_adj = min(1, m · p);
 *  - Benjamini–Hochberg (false discovery rate): p_adj(i) = min over j >= i of m · p(j) / j on the
 *    ascending order, capped at 1, then returned in the input order.
 */
export type Correction = 'none' | 'bonferroni' | 'benjamini-hochberg';

export function adjustPValues(pValues: readonly number[], correction: Correction): number[] {
  const m = pValues.length;
  if (correction === 'none' || m === 0) return [...pValues];
  if (correction === 'bonferroni') return pValues.map((p) => Math.min(1, p * m));
  const order = pValues.map((p, i) => [p, i] as const).sort((a, b) => a[0] - b[0]);
  const adjusted = new Array<number>(m);
  let running = 1;
  for (let rank = m; rank >= 1; rank--) {
    const [p, index] = order[rank - 1] as readonly [number, number];
    running = Math.min(running, (p * m) / rank);
    adjusted[index] = Math.min(1, running);
  }
  return adjusted;
}
