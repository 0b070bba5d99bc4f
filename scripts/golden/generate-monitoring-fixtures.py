#!/usr/bin/python3
"""Golden fixtures for src/domain/monitoring, computed with Debian's scipy and numpy.

Run:  /usr/bin/python3 scripts/golden/generate-monitoring-fixtures.py
Writes test/fixtures/monitoring/*.json (committed; tests never need python).
Fixed seed, so a rerun with the same scipy/numpy reproduces the files.
"""
import json
import math
import os
import sys

import numpy as np
import scipy
from scipy import stats
from scipy.spatial import distance
from scipy.stats import _stats_py

OUT = os.path.join(os.path.dirname(__file__), '..', '..', 'test', 'fixtures', 'monitoring')
rng = np.random.default_rng(20240601)
EPS = 1e-4
META = {'generator': 'scripts/golden/generate-monitoring-fixtures.py', 'scipy': scipy.__version__, 'numpy': np.__version__, 'seed': 20240601}


def write(name, payload):
    os.makedirs(OUT, exist_ok=True)
    with open(os.path.join(OUT, name), 'w') as f:
        json.dump({'meta': META, **payload}, f, separators=(',', ':'))
    print(name, os.path.getsize(os.path.join(OUT, name)), 'bytes')


def r4(a):
    """Round to 4 decimals so the JSON stays small; both sides read the same doubles."""
    return [float(x) for x in np.round(np.asarray(a, dtype=float), 4)]


def ints(a):
    return [int(x) for x in a]


# ---------------------------------------------------------------- KS and Wasserstein, small samples
def numeric_case(name, ref, cur, bins=10):
    ref = np.asarray(ref, dtype=float)
    cur = np.asarray(cur, dtype=float)
    ks = stats.ks_2samp(ref, cur, method='auto')
    edges = np.unique(np.quantile(ref, np.linspace(0, 1, bins + 1)[1:-1]))
    rc = np.bincount(np.searchsorted(edges, ref, side='left'), minlength=len(edges) + 1).astype(float)
    cc = np.bincount(np.searchsorted(edges, cur, side='left'), minlength=len(edges) + 1).astype(float)
    rp, cp = rc / rc.sum(), cc / cc.sum()
    rpe, cpe = np.where(rp == 0, EPS, rp), np.where(cp == 0, EPS, cp)
    w = stats.wasserstein_distance(ref, cur)
    return {
        'name': name, 'reference': r4(ref) if ref.dtype.kind == 'f' else ints(ref), 'current': r4(cur),
        'ks': {'statistic': float(ks.statistic), 'pValue': float(ks.pvalue), 'method': 'exact' if max(len(ref), len(cur)) <= 10000 else 'asymptotic'},
        'wasserstein': float(w),
        'referenceStd': float(np.std(ref)),
        'wassersteinNormalised': float(w / max(np.std(ref), 0.001)),
        'binEdges': [float(e) for e in edges], 'referenceBinCounts': ints(rc), 'currentBinCounts': ints(cc),
        'psi': float(np.sum((rpe - cpe) * np.log(rpe / cpe))),
        'jensenShannon': float(distance.jensenshannon(rc, cc)),
        'kl': float(stats.entropy(cpe, rpe)),
        'hellinger': float(np.sqrt(np.sum((np.sqrt(rp) - np.sqrt(cp)) ** 2) / 2)),
    }


def rounded(a):
    return np.round(a, 4)


numeric = []
for i in range(14):
    n1 = int(rng.integers(5, 400))
    n2 = int(rng.integers(5, 400)) if i % 3 else n1  # every third case has equal sizes (square method)
    shift = float(rng.choice([0.0, 0.1, 0.3, 1.0]))
    numeric.append(numeric_case(f'normal-{i}-{n1}x{n2}-shift{shift}', rounded(rng.normal(0, 1, n1)), rounded(rng.normal(shift, 1.2, n2))))
for i in range(6):  # heavy ties: small integers
    n1, n2 = int(rng.integers(20, 300)), int(rng.integers(20, 300))
    numeric.append(numeric_case(f'ties-{i}-{n1}x{n2}', rng.integers(0, 6, n1).astype(float), rng.integers(0 + i % 2, 7, n2).astype(float)))
numeric.append(numeric_case('constant-reference', np.full(50, 3.0), rounded(rng.normal(3, 1, 40))))
numeric.append(numeric_case('both-constant-equal', np.full(30, 2.0), np.full(20, 2.0)))
numeric.append(numeric_case('empty-bins-current-shifted-far', rounded(rng.normal(0, 1, 200)), rounded(rng.normal(10, 1, 150))))
numeric.append(numeric_case('tiny-samples', np.array([1.0, 2.0]), np.array([1.5])))
numeric.append(numeric_case('one-each-equal', np.array([1.0]), np.array([1.0])))
numeric.append(numeric_case('exact-at-10000-vs-30', rng.integers(0, 1000, 10000).astype(float), rng.integers(100, 1100, 30).astype(float)))

# Large samples (asymptotic p-value): integer data keeps the JSON small and exercises ties.
numeric.append(numeric_case('asymptotic-ties-12000x900', rng.integers(0, 60, 12000).astype(float), rng.integers(1, 61, 900).astype(float)))
numeric.append(numeric_case('asymptotic-ties-15000x100', rng.integers(0, 40, 15000).astype(float), rng.integers(0, 40, 100).astype(float)))
numeric.append(numeric_case('asymptotic-ties-10001x700-same', rng.integers(0, 30, 10001).astype(float), rng.integers(0, 30, 700).astype(float)))
write('numeric-drift.json', {'cases': numeric})

# ---------------------------------------------------------------- exact KS p-values at large n (no data needed)
exact = []
for (n1, n2) in [(10000, 10000), (10000, 9999), (10000, 7000), (9000, 600), (5000, 5000), (3000, 2999), (777, 1000), (50, 10000), (1, 10000), (2, 3)]:
    g = math.gcd(n1, n2)
    for d in [0.005, 0.01, 0.02, 0.05, 0.2]:
        ok, dd, p = _stats_py._attempt_exact_2kssamp(n1, n2, g, d, 'two-sided')
        lcm = (n1 // g) * n2
        exact.append({'n1': n1, 'n2': n2, 'h': int(round(d * lcm)), 'statistic': float(dd), 'pValue': float(p), 'ok': bool(ok)})
write('ks-exact.json', {'cases': exact})

# ---------------------------------------------------------------- kstwo.sf across every branch of Simard-L'Ecuyer
kstwo = []
for n in [1, 2, 5, 20, 60, 140, 141, 400, 2000, 20000, 100000, 100001, 400000, 1000000, 2500000]:
    for t in [0.3, 0.6, 0.754, 0.8, 1.0, 1.5, 2.0, 2.3, 3.0, 4.5, 8.0, 20.0, 100.0, 400.0]:
        x = math.sqrt(t / n)
        if x < 1:
            kstwo.append({'n': n, 'x': x, 'sf': float(stats.kstwo.sf(x, n))})
    for x in [0.75 / n, 1.0 / n, 0.5, 0.7, 1 - 1.0 / max(n, 2) + 1e-9]:
        if 0 < x < 1:
            kstwo.append({'n': n, 'x': x, 'sf': float(stats.kstwo.sf(x, n))})
write('kstwo.json', {'cases': kstwo})

# ---------------------------------------------------------------- categorical
def categorical_case(name, ref_counts, cur_counts):
    ref_counts = np.asarray(ref_counts, dtype=float)
    cur_counts = np.asarray(cur_counts, dtype=float)
    table = np.vstack([ref_counts, cur_counts])
    k = table.shape[1]
    out = {'name': name, 'referenceCounts': ints(ref_counts), 'currentCounts': ints(cur_counts)}
    if k > 1:
        c = stats.chi2_contingency(table, correction=True)
        u = stats.chi2_contingency(table, correction=False)
        out['chiSquare'] = {'statistic': float(c[0]), 'pValue': float(c[1]), 'dof': int(c[2])}
        out['chiSquareUncorrected'] = {'statistic': float(u[0]), 'pValue': float(u[1]), 'dof': int(u[2])}
    else:
        out['chiSquare'] = out['chiSquareUncorrected'] = {'statistic': 0.0, 'pValue': 1.0, 'dof': 0}
    n1, n2 = ref_counts.sum(), cur_counts.sum()
    zs = []
    for i in range(k):
        pooled = (ref_counts[i] + cur_counts[i]) / (n1 + n2)
        var = pooled * (1 - pooled) * (1 / n1 + 1 / n2)
        if var > 0:
            z = (cur_counts[i] / n2 - ref_counts[i] / n1) / math.sqrt(var)
            zs.append((float(z), float(min(1.0, 2 * stats.norm.sf(abs(z))))))
        else:
            zs.append((0.0, 1.0))
    out['zByCategory'] = [{'statistic': z, 'pValue': p} for z, p in zs]
    rp, cp = ref_counts / n1, cur_counts / n2
    rpe, cpe = np.where(rp == 0, EPS, rp), np.where(cp == 0, EPS, cp)
    out['jensenShannon'] = float(distance.jensenshannon(ref_counts, cur_counts))
    out['psi'] = float(np.sum((rpe - cpe) * np.log(rpe / cpe)))
    return out


cats = [
    categorical_case('binary-yates', [120, 80], [90, 110]),
    categorical_case('binary-small', [7, 3], [2, 9]),
    categorical_case('three-categories', [500, 300, 200], [450, 350, 210]),
    categorical_case('unseen-category-in-current', [40, 35, 25, 0], [30, 30, 20, 15]),
    categorical_case('single-category', [50], [70]),
    categorical_case('identical-shares', [100, 50], [200, 100]),
    categorical_case('many-categories', ints(rng.integers(5, 200, 25)), ints(rng.integers(5, 200, 25))),
    categorical_case('one-category-vanishes', [60, 30, 10], [70, 30, 0]),
    categorical_case('large-counts', [400000, 350000, 250000], [40100, 34800, 25100]),
]
write('categorical-drift.json', {'cases': cats})

# ---------------------------------------------------------------- special functions
special = {'chi2': [], 'norm': []}
for df in [1, 2, 3, 5, 9, 24, 99, 500]:
    for x in [0.01, 0.5, 1.0, df * 0.5, float(df), df + 3 * math.sqrt(2 * df), df * 3.0 + 10, 200.0, 900.0]:
        special['chi2'].append({'x': x, 'df': df, 'sf': float(stats.chi2.sf(x, df))})
for z in [-8, -3, -1.5, -0.3, 0, 0.1, 0.7, 1.0, 1.959963984540054, 2.5, 4, 6, 9, 15, 30]:
    special['norm'].append({'z': z, 'sf': float(stats.norm.sf(z))})
write('special-functions.json', special)

# ---------------------------------------------------------------- performance metrics
perf = []
for i, (n, ties) in enumerate([(40, False), (300, True), (1000, False), (25, True)]):
    y = rng.integers(0, 2, n)
    score = rng.uniform(0, 1, n) * 0.7 + y * 0.3
    if ties:
        score = np.round(score, 1)
    else:
        score = np.round(score, 6)
    pred = (score >= 0.5).astype(int)
    n1, n0 = int(y.sum()), int(n - y.sum())
    u = stats.mannwhitneyu(score[y == 1], score[y == 0], alternative='two-sided').statistic
    tp = int(((pred == 1) & (y == 1)).sum()); fp = int(((pred == 1) & (y == 0)).sum()); fn = int(((pred == 0) & (y == 1)).sum())
    prec = tp / (tp + fp); rec = tp / (tp + fn)
    # reliability: 10 equal-width bins on [0, 1], right edge included in the last bin
    idx = np.minimum((score * 10).astype(int), 9)
    ece = 0.0
    for b in range(10):
        m = idx == b
        if m.any():
            ece += m.sum() / n * abs(score[m].mean() - y[m].mean())
    perf.append({
        'name': f'binary-{i}', 'labels': ints(y), 'scores': [float(s) for s in score],
        'accuracy': float((pred == y).mean()), 'precision': prec, 'recall': rec, 'f1': 2 * prec * rec / (prec + rec),
        'rocAuc': float(u / (n1 * n0)), 'brier': float(np.mean((score - y) ** 2)), 'ece': float(ece),
    })
yt = rng.normal(10, 3, 200); yp = yt + rng.normal(0, 1, 200)
yt, yp = np.round(yt, 4), np.round(yp, 4)
regression = {'actual': r4(yt), 'predicted': r4(yp), 'mae': float(np.mean(np.abs(yt - yp))), 'rmse': float(np.sqrt(np.mean((yt - yp) ** 2))),
              'mape': float(np.mean(np.abs((yt - yp) / yt)))}
write('performance.json', {'classification': perf, 'regression': regression})
print('scipy', scipy.__version__, 'numpy', np.__version__, file=sys.stderr)
