// Integrity of the decision table in catalog/eu-ai-act: every route and reference resolves,
// the routing is acyclic and reaches every question, and every question cites its article.
import { describe, expect, it } from 'vitest';
import { checkClassifierTable, CLASSIFIER_TABLE, END } from './classifier-table.js';
import type { ClassifierTable } from './classifier-types.js';

const table = CLASSIFIER_TABLE;
const questionIds = new Set(table.questions.map((q) => q.id));

function targetsOf(id: string): string[] {
  const q = table.questions.find((x) => x.id === id);
  if (!q) return [];
  const targets = [q.next, ...q.options.map((o) => o.next)];
  if (q.options.some((o) => o.terminal !== undefined)) targets.push(table.resolution.afterTerminal.next);
  return targets.filter((t): t is string => t !== undefined && t !== END);
}

describe('classifier table integrity', () => {
  it('passes the load-time check', () => {
    expect(checkClassifierTable(table)).toEqual([]);
  });

  it('every next points to an existing question or END', () => {
    for (const q of table.questions) {
      for (const next of [q.next, ...q.options.map((o) => o.next)]) {
        if (next !== undefined) expect(next === END || questionIds.has(next), `${q.id} -> ${next}`).toBe(true);
      }
    }
  });

  it('every terminal names an outcome, and every option leads somewhere', () => {
    for (const q of table.questions) {
      for (const o of q.options) {
        if (o.terminal !== undefined) expect(table.outcomes[o.terminal], `${q.id}=${o.value}`).toBeDefined();
        expect(o.next ?? o.terminal ?? q.next, `${q.id}=${o.value}`).toBeDefined();
      }
    }
  });

  it('every obligation key named by an outcome or a resolution rule exists', () => {
    const keys = [
      ...Object.values(table.outcomes).flatMap((o) => o.obligationKeys ?? []),
      table.resolution.fria.obligationKey,
      table.resolution.cumulativeTransparency.obligationKey,
    ];
    expect(keys.length).toBeGreaterThan(5);
    for (const key of keys) expect(table.obligations[key], key).toBeDefined();
  });

  it('every tier rule names an outcome with one of the six tiers', () => {
    const tiers = ['out-of-scope', 'prohibited', 'high-risk', 'art6-3-exception', 'transparency', 'minimal'];
    for (const rule of [...table.resolution.systemTier, ...table.resolution.modelTier]) {
      const id = rule.outcome ?? rule.else ?? '';
      expect(tiers, id).toContain(table.outcomes[id]?.tier);
    }
  });

  it('every question, and every obligation, cites at least one article, annex or amending act', () => {
    const citation = /^(Art\. \d+|Annex [IVX]+|Chapter [IVX]+)|Digital Omnibus/;
    for (const q of table.questions) {
      expect(q.cite.length, q.id).toBeGreaterThan(0);
      for (const c of q.cite) expect(c, q.id).toMatch(citation);
      for (const o of q.options) for (const c of o.cite ?? []) expect(c, `${q.id}=${o.value}`).toMatch(citation);
    }
    for (const [key, list] of Object.entries(table.obligations)) {
      for (const o of list) {
        expect(o.cite.length, `${key}/${o.id}`).toBeGreaterThan(0);
        for (const c of o.cite) expect(c, `${key}/${o.id}`).toMatch(citation);
      }
    }
  });

  it('routing is acyclic and reaches every question from the start', () => {
    const reached = new Set<string>();
    const visit = (id: string, trail: string[]): void => {
      expect(trail, `cycle through ${id}`).not.toContain(id);
      reached.add(id);
      for (const t of targetsOf(id)) visit(t, [...trail, id]);
    };
    visit(table.start, []);
    expect([...questionIds].filter((id) => !reached.has(id))).toEqual([]);
  });

  it('every Annex III option names its point and sets its flags', () => {
    const annexIII = table.questions.find((q) => q.id === 'Q_ANNEX_III');
    const points = annexIII?.options.filter((o) => o.value !== 'none') ?? [];
    expect(points).toHaveLength(25);
    for (const o of points) {
      expect(o.cite).toEqual([`Annex III point ${o.annexIIIPoint}`]);
      expect(o.setFlags).toContain('ANNEX_III');
    }
  });

  it('the check catches a broken table', () => {
    const broken = structuredClone(table) as ClassifierTable;
    const q = broken.questions[1];
    if (!q?.options[0]) throw new Error('fixture');
    q.options[0].next = 'Q_MISSING';
    q.cite = [];
    broken.outcomes['HIGH_RISK']?.obligationKeys?.push('hr.nobody');
    expect(checkClassifierTable(broken)).toEqual(
      expect.arrayContaining([
        `${q.id}: cites no article`,
        `${q.id}=${q.options[0].value}: next Q_MISSING does not exist`,
        'outcome HIGH_RISK: obligation key hr.nobody does not exist',
      ]),
    );
  });
});
