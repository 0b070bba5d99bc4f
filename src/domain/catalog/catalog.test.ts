import { describe, expect, it } from 'vitest';
import {
  ANNEX_A_CONTROL_IDS,
  ANNEX_A_CONTROLS,
  CATALOGS,
  CROSSWALKS,
  crosswalkTo,
  findAnnexAControl,
  getCatalog,
  getCrosswalk,
  ISO42001,
  type CatalogItemKind,
} from './index.js';

// ISO/IEC 42001:2023 Annex A has exactly these 38 controls (three independent sources agree; see catalog/README.md).
const EXPECTED_ANNEX_A = [
  'A.2.2', 'A.2.3', 'A.2.4',
  'A.3.2', 'A.3.3',
  'A.4.2', 'A.4.3', 'A.4.4', 'A.4.5', 'A.4.6',
  'A.5.2', 'A.5.3', 'A.5.4', 'A.5.5',
  'A.6.1.2', 'A.6.1.3',
  'A.6.2.2', 'A.6.2.3', 'A.6.2.4', 'A.6.2.5', 'A.6.2.6', 'A.6.2.7', 'A.6.2.8',
  'A.7.2', 'A.7.3', 'A.7.4', 'A.7.5', 'A.7.6',
  'A.8.2', 'A.8.3', 'A.8.4', 'A.8.5',
  'A.9.2', 'A.9.3', 'A.9.4',
  'A.10.2', 'A.10.3', 'A.10.4',
];

const KINDS: readonly CatalogItemKind[] = ['clause', 'objective', 'control', 'article', 'annex', 'function', 'category', 'subcategory'];

describe('ISO/IEC 42001 Annex A', () => {
  it('has exactly the 38 controls, in catalog order', () => {
    expect(EXPECTED_ANNEX_A).toHaveLength(38);
    expect(ANNEX_A_CONTROL_IDS).toEqual(EXPECTED_ANNEX_A);
    expect(ANNEX_A_CONTROLS.map((c) => c.id)).toEqual(EXPECTED_ANNEX_A);
    expect(ISO42001.items.filter((i) => i.kind === 'control').map((i) => i.id)).toEqual(EXPECTED_ANNEX_A);
  });

  it('has the objectives A.2–A.10, with A.6 split into A.6.1 and A.6.2', () => {
    const objectives = ISO42001.items.filter((i) => i.kind === 'objective').map((i) => i.id);
    expect(objectives).toEqual(['A.2', 'A.3', 'A.4', 'A.5', 'A.6', 'A.6.1', 'A.6.2', 'A.7', 'A.8', 'A.9', 'A.10']);
  });

  it('gives each control its objective, title and our description', () => {
    expect(findAnnexAControl('A.6.2.8')).toMatchObject({
      id: 'A.6.2.8',
      title: 'AI system recording of event logs',
      objectiveId: 'A.6.2',
      objectiveTitle: 'AI system life cycle',
    });
    expect(findAnnexAControl('A.6.1.2')?.objectiveId).toBe('A.6.1');
    expect(findAnnexAControl('A.10.4')).toMatchObject({ objectiveId: 'A.10', objectiveTitle: 'Third-party and customer relationships' });
    for (const control of ANNEX_A_CONTROLS) {
      expect(control.description.length, control.id).toBeGreaterThan(10);
      expect(control.id.startsWith(`${control.objectiveId}.`), control.id).toBe(true);
    }
  });

  it('finds nothing for ids that public mappings invent', () => {
    for (const invented of ['A.5.1', 'A.6.6', 'A.6.10', 'A.6.2.9', 'A.11.2', 'A.1.1']) {
      expect(findAnnexAControl(invented), invented).toBeUndefined();
    }
  });

  it('has clauses 4–10 with sub-clauses, including 6.1.1–6.1.4 and 8.4', () => {
    const clauses = ISO42001.items.filter((i) => i.kind === 'clause').map((i) => i.id);
    for (const id of ['4', '5', '6', '7', '8', '9', '10', '6.1.1', '6.1.2', '6.1.3', '6.1.4', '7.5.3', '8.4', '9.2.2', '9.3.3', '10.2']) {
      expect(clauses, id).toContain(id);
    }
    expect(clauses.filter((id) => !id.includes('.'))).toEqual(['4', '5', '6', '7', '8', '9', '10']);
  });
});

describe('every catalog', () => {
  it('is the four frameworks, each with an edition, a publisher, a licence note and sources', () => {
    expect(CATALOGS.map((c) => c.id)).toEqual(['iso-iec-42001:2023', 'iso-iec-27001:2022', 'eu-ai-act:2024', 'nist-ai-rmf:1.0']);
    for (const catalog of CATALOGS) {
      expect(catalog.edition, catalog.id).not.toBe('');
      expect(catalog.publisher, catalog.id).not.toBe('');
      expect(catalog.licenceNote, catalog.id).not.toBe('');
      expect(catalog.sources.length, catalog.id).toBeGreaterThan(0);
      expect(getCatalog(catalog.id)).toBe(catalog);
    }
  });

  it.each(CATALOGS.map((c) => [c.id, c] as const))('%s: unique ids, known kinds, parents exist, sources declared', (_id, catalog) => {
    const ids = catalog.items.map((i) => i.id);
    expect(new Set(ids).size).toBe(ids.length);
    const declared = new Set(catalog.sources.map((s) => s.id));
    expect(declared.size).toBe(catalog.sources.length);
    for (const source of catalog.sources) {
      expect(source.name, source.id).not.toBe('');
      if (source.url !== undefined) expect(source.url, source.id).toMatch(/^https?:\/\//);
    }
    for (const item of catalog.items) {
      expect(KINDS, item.id).toContain(item.kind);
      expect(item.title, item.id).not.toBe('');
      expect(item.description, item.id).not.toBe('');
      if (item.parentId !== null) expect(ids, `${item.id} parent`).toContain(item.parentId);
      expect(item.sources.length, item.id).toBeGreaterThan(0);
      for (const source of item.sources) expect(declared.has(source), `${item.id} cites ${source}`).toBe(true);
    }
  });

  it('NIST AI RMF 1.0 has 4 functions, 19 categories and 72 subcategories', () => {
    const nist = getCatalog('nist-ai-rmf:1.0');
    const count = (kind: CatalogItemKind) => nist.items.filter((i) => i.kind === kind).length;
    expect([count('function'), count('category'), count('subcategory')]).toEqual([4, 19, 72]);
  });

  it('EU AI Act holds the provider and deployer articles the crosswalk needs', () => {
    const ids = getCatalog('eu-ai-act:2024').items.map((i) => i.id);
    for (const id of ['Art. 4', 'Art. 9', 'Art. 10', 'Art. 11', 'Art. 12', 'Art. 13', 'Art. 14', 'Art. 15', 'Art. 17', 'Art. 26', 'Art. 27', 'Art. 50', 'Art. 72', 'Art. 73']) {
      expect(ids, id).toContain(id);
    }
  });
});

describe('crosswalks', () => {
  it('all start from ISO/IEC 42001:2023 and reach each other framework once', () => {
    expect(CROSSWALKS.map((x) => x.from)).toEqual(['iso-iec-42001:2023', 'iso-iec-42001:2023', 'iso-iec-42001:2023']);
    expect(crosswalkTo('iso-iec-27001:2022')?.id).toBe('iso42001-2023_iso27001-2022');
    expect(crosswalkTo('eu-ai-act:2024')?.id).toBe('iso42001-2023_eu-ai-act-2024');
    expect(crosswalkTo('nist-ai-rmf:1.0')?.id).toBe('iso42001-2023_nist-ai-rmf-1.0');
    expect(crosswalkTo('iso-iec-42001:2023')).toBeUndefined();
    expect(getCrosswalk('iso42001-2023_eu-ai-act-2024')).toBe(crosswalkTo('eu-ai-act:2024'));
    expect(getCrosswalk('nope')).toBeUndefined();
  });

  it.each(CROSSWALKS.map((x) => [x.id, x] as const))('%s: every end exists, values are valid, sources declared', (_id, crosswalk) => {
    const fromIds = new Set(getCatalog(crosswalk.from).items.map((i) => i.id));
    const toIds = new Set(getCatalog(crosswalk.to).items.map((i) => i.id));
    const declared = new Set(crosswalk.sources.map((s) => s.id));
    expect(crosswalk.version).not.toBe('');
    expect(crosswalk.mappings.length).toBeGreaterThan(0);
    const pairs = new Set<string>();
    for (const m of crosswalk.mappings) {
      const label = `${m.fromId} -> ${m.toId}`;
      expect(fromIds.has(m.fromId), label).toBe(true);
      expect(toIds.has(m.toId), label).toBe(true);
      expect(['equal', 'subset', 'superset', 'intersects'], label).toContain(m.relation);
      expect(['high', 'medium', 'low'], label).toContain(m.confidence);
      expect(declared.has(m.source), `${label} cites ${m.source}`).toBe(true);
      expect(pairs.has(label), `${label} twice`).toBe(false);
      pairs.add(label);
    }
    for (const note of crosswalk.targetNotes) {
      expect(toIds.has(note.toId), note.toId).toBe(true);
      expect(['full', 'partial', 'weak', 'none'], note.toId).toContain(note.coverage);
    }
  });

  it('maps clauses 6.1.4 and 8.4 (AI system impact assessment) to nothing in ISO/IEC 27001', () => {
    const to27001 = crosswalkTo('iso-iec-27001:2022')!;
    expect(getCatalog('iso-iec-42001:2023').items.map((i) => i.id)).toEqual(expect.arrayContaining(['6.1.4', '8.4']));
    expect(to27001.mappings.filter((m) => m.fromId === '6.1.4' || m.fromId === '8.4')).toEqual([]);
    expect(to27001.mappings.find((m) => m.fromId === '7.5.3')).toMatchObject({ toId: '7.5.3', relation: 'equal', confidence: 'high' });
    expect(to27001.mappings.find((m) => m.fromId === '6.1.2' && m.toId === '6.1.2')?.relation).toBe('intersects');
  });

  it('keeps per-article coverage and gaps for the EU AI Act', () => {
    const toEu = crosswalkTo('eu-ai-act:2024')!;
    const art73 = toEu.targetNotes.find((n) => n.toId === 'Art. 73');
    expect(art73?.coverage).toBe('partial');
    expect(art73?.gaps.join(' ')).toContain('15 days');
    expect(toEu.targetNotes.find((n) => n.toId === 'Art. 43')).toMatchObject({ coverage: 'none' });
    expect(toEu.mappings).toContainEqual(expect.objectContaining({ fromId: 'A.6.2.8', toId: 'Art. 12', confidence: 'high' }));
    for (const note of toEu.targetNotes) expect(note.gaps.length, note.toId).toBeGreaterThan(0);
  });
});
