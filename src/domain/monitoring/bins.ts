/**
 * Bin edges fitted once on the reference, then reused for every window.
 * Rule: the interior quantiles q = i/B (i = 1 … B-1, B = 10 by default, i.e. deciles) of the reference,
 * computed like numpy.quantile (linear), duplicates removed (np.unique), so tied or constant data give
 * fewer bins. Bins are right-closed and the outer ones open-ended:
 *   bin 0 = (-inf, e_0], bin k = (e_{k-1}, e_k], bin K = (e_{K-1}, +inf),
 * i.e. a value's bin is numpy.searchsorted(edges, x, side='left'). New values outside the reference
 * range land in the outer bins instead of being dropped.
 */
import { countAtMost, quantileOfSorted } from './numeric-helpers.js';

export const DEFAULT_BIN_COUNT = 10;

export function fitBinEdges(sortedReference: Float64Array, binCount = DEFAULT_BIN_COUNT): Float64Array {
  if (!Number.isInteger(binCount) || binCount < 2) throw new RangeError(`binCount must be an integer >= 2, got ${binCount}`);
  if (sortedReference.length === 0) return new Float64Array(0);
  const step = 1 / binCount;
  const edges: number[] = [];
  for (let i = 1; i < binCount; i++) {
    const edge = quantileOfSorted(sortedReference, i * step);
    if (edges.length === 0 || edge !== edges[edges.length - 1]) edges.push(edge);
  }
  return Float64Array.from(edges);
}

/** Counts per bin (edges.length + 1 bins) of a sorted sample: O(B log n). */
export function binCountsOfSorted(sorted: Float64Array, edges: Float64Array): Float64Array {
  const counts = new Float64Array(edges.length + 1);
  let previous = 0;
  for (let k = 0; k < edges.length; k++) {
    const atMost = countAtMost(sorted, edges[k] as number, previous);
    counts[k] = atMost - previous;
    previous = atMost;
  }
  counts[edges.length] = sorted.length - previous;
  return counts;
}

/** Counts per bin of unsorted values (NaN skipped): one binary search per value, O(n log B). */
export function binCounts(values: Float64Array, edges: Float64Array): Float64Array {
  const counts = new Float64Array(edges.length + 1);
  for (let i = 0; i < values.length; i++) {
    const x = values[i] as number;
    if (x !== x) continue;
    let lo = 0;
    let hi = edges.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((edges[mid] as number) < x) lo = mid + 1;
      else hi = mid;
    }
    counts[lo] = (counts[lo] as number) + 1;
  }
  return counts;
}
