import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { aims } from './cli-helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'aims-drift-'));
function csv(name: string, header: string[], rows: Array<Array<string | number>>): string {
  const path = join(dir, name);
  writeFileSync(path, [header.join(','), ...rows.map((r) => r.join(','))].join('\n') + '\n');
  return path;
}
// Deterministic data: a spread of ages, two colours, a group and predictions/labels.
const rows = (n: number, ageShift: number, colour: (i: number) => string, predictEvery = 3) =>
  Array.from({ length: n }, (_, i) => [20 + ((i * 37) % 50) + ageShift, colour(i), i % 2 ? 'F' : 'M', i % predictEvery === 0 ? 1 : 0, i % 4 === 0 ? 1 : 0]);
const header = ['age', 'colour', 'sex', 'prediction', 'label'];
const reference = csv('reference.csv', header, rows(400, 0, (i) => (i % 2 ? 'red' : 'blue')));
const same = csv('same.csv', header, rows(300, 0, (i) => (i % 2 ? 'red' : 'blue')));
const shifted = csv('shifted.csv', header, rows(300, 15, (i) => (i % 5 ? 'red' : 'green'), 2));

describe('aims drift', () => {
  it('prints every test per column, marks the deciding one, and exits 0 without drift', async () => {
    const r = await aims(['drift', reference, same], {});
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toContain('Column types: age=numeric, colour=categorical, sex=categorical, prediction=numeric, label=numeric');
    expect(r.stdout).toMatch(/\* KS D=\S+ p=\S+ \(exact\)/);
    expect(r.stdout).toContain('Wasserstein');
    expect(r.stdout).toContain('Hellinger');
    expect(r.stdout).toMatch(/\* chi-square/);
    expect(r.stdout).toContain('no dataset drift');
  });

  it('exits 1 on dataset drift and names unseen categories', async () => {
    const r = await aims(['drift', reference, shifted], {});
    expect(r.exitCode).toBe(1);
    expect(r.stdout).toMatch(/age \(numeric\): DRIFT: ks p = \S+ \(\S+ <= 0.05\)/);
    expect(r.stdout).toContain('unseen categories: green');
    expect(r.stdout).toContain('DRIFT DETECTED');
  });

  it('gives JSON and HTML, the Evidently preset and a correction', async () => {
    const j = await aims(['drift', reference, shifted, '--format', 'json', '--preset', 'evidently', '--correction', 'bh'], {});
    expect(j.exitCode).toBe(1);
    const report = j.json as { decision: { preset: string; correction: string; columns: Array<{ test: string; adjustedValue: number }> }; results: Array<{ binEdges?: number[] }> };
    expect(report.decision.preset).toBe('evidently');
    expect(report.decision.columns[1]?.test).toBe('chi_square');
    expect(report.decision.columns[0]?.adjustedValue).toBeTypeOf('number');
    expect(Array.isArray(report.results[0]?.binEdges)).toBe(true);
    expect(j.stdout).not.toContain('NaN');
    const h = await aims(['drift', reference, same, '--format', 'html'], {});
    expect(h.stdout).toMatch(/^<!doctype html>/);
    expect(h.stdout).toContain('<li class="decides">KS');
  });

  it('adds fairness by group and performance when asked', async () => {
    const r = await aims(['drift', reference, same, '--sensitive', 'sex', '--prediction', 'prediction', '--label', 'label', '--categorical', 'prediction,label'], {});
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toContain('Fairness by sex (minimum group size 30');
    expect(r.stdout).toMatch(/sex=F: n=150, selection \S+, TPR/);
    expect(r.stdout).toContain('demographic parity difference');
    expect(r.stdout).toContain('Performance: accuracy');
  });

  it('refuses bad input with exit 2 and names the column', async () => {
    const missingColumn = csv('fewer.csv', ['age', 'colour', 'sex', 'prediction'], [[1, 'red', 'F', 1]]);
    const a = await aims(['drift', reference, missingColumn], {});
    expect(a.exitCode).toBe(2);
    expect(a.stderr).toContain('label');
    const text = csv('text-age.csv', header, [['forty', 'red', 'F', 1, 0]]);
    const b = await aims(['drift', reference, text], {});
    expect(b.exitCode).toBe(2);
    expect(b.stderr).toMatch(/age: row 1 holds "forty"/);
    const c = await aims(['drift', reference, same, '--sensitive', 'race', '--prediction', 'prediction'], {});
    expect(c.exitCode).toBe(2);
    expect(c.stderr).toContain('column "race" is not in the current file');
    const d = await aims(['drift', reference, join(dir, 'nope.csv')], {});
    expect(d.exitCode).toBe(2);
    expect(d.stderr).toContain('does not exist');
  });
});
