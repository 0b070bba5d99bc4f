import { describe, expect, it } from 'vitest';
import { buildModelCard, renderModelCardHtml, renderModelCardMarkdown, type ModelCardSource } from './model-card.js';
import { toYaml } from './yaml-emit.js';

const source: ModelCardSource = {
  model: { id: 'm1', name: 'credit-risk-xgb', description: 'Probability of default', task: 'classification', approach: 'supervised', architectureFamily: 'gradient boosted trees', modelArchitecture: 'XGBoost', inputs: ['tabular'], outputs: ['probability'], supplierName: null },
  version: {
    version: '2.3.0',
    artifactDigest: `sha256:${'ab'.repeat(32)}`,
    trainingDate: '2025-03-01',
    hyperparameters: { max_depth: 6 },
    metrics: [
      { name: 'AUC', kind: 'performance', value: 0.87, lowerBound: 0.85, upperBound: 0.89 },
      { name: 'demographic parity difference', kind: 'fairness', value: 0.03, slice: 'age' },
    ],
    limitations: ['not validated for small businesses'],
  },
  datasets: [{ name: 'loan-history', version: '2019-2024', source: 'core banking', collectionMethod: null, licence: 'internal', consentBasis: null, containsPersonalData: true, preprocessingSteps: ['drop minors'], representativenessNotes: null }],
  systems: [{ name: 'Credit engine', purpose: 'Loans', intendedUse: 'Creditworthiness of consumers', foreseeableMisuse: 'Employment screening' }],
};

describe('model card', () => {
  it('builds every section from the records and scores completeness per section', () => {
    const card = buildModelCard(source);
    expect(card.sections.map((s) => s.id)).toEqual(['model_details', 'intended_use', 'out_of_scope_use', 'architecture', 'training_parameters', 'datasets', 'evaluation', 'fairness', 'limitations']);
    const datasets = card.sections.find((s) => s.id === 'datasets')!;
    expect(datasets.completeness).toEqual({ score: 0.8, missing: ['datasets[loan-history@2019-2024].consentBasis'] });
    expect(card.sections.find((s) => s.id === 'fairness')!.completeness.score).toBe(1);
    expect(card.completeness).toBeCloseTo((8 + 0.8) / 9, 2);
  });

  it('scores an empty model low and names what is missing', () => {
    const card = buildModelCard({ ...source, version: null, datasets: [], systems: [], model: { ...source.model, description: null, approach: null, inputs: [] } });
    expect(card.sections.find((s) => s.id === 'evaluation')!.completeness).toEqual({ score: 0, missing: ['metrics (performance)'] });
    expect(card.sections.find((s) => s.id === 'model_details')!.completeness.missing).toEqual(['description', 'version', 'artifactDigest', 'trainingDate']);
    expect(card.completeness).toBeLessThan(0.2);
  });

  it('exports Markdown with Hugging Face style front matter', () => {
    const markdown = renderModelCardMarkdown(buildModelCard(source));
    expect(markdown.startsWith('---\nmodel_name: "credit-risk-xgb"\nmodel_version: "2.3.0"\n')).toBe(true);
    expect(markdown).toContain('model-index:\n  - name: "credit-risk-xgb"\n    results:\n      - task:\n          type: "classification"');
    expect(markdown).toContain('| AUC | 0.87 | all | 0.85 – 0.89 |');
    expect(markdown).toContain('## Out-of-scope use\n\n- Credit engine: Employment screening');
  });

  it('escapes user text in HTML, Markdown and YAML', () => {
    const hostile = { ...source, model: { ...source.model, name: '<script>alert(1)</script>\n---\nevil: true', description: 'a | b <img src=x onerror=alert(1)>' } };
    const card = buildModelCard(hostile);
    const page = renderModelCardHtml(card);
    expect(page).not.toContain('<script>alert');
    expect(page).not.toContain('<img');
    expect(page).toContain('&lt;script&gt;');
    const markdown = renderModelCardMarkdown(card);
    expect(markdown).not.toContain('<img');
    expect(markdown.split('\n').filter((l) => l === '---')).toHaveLength(2);
    expect(markdown).toContain('model_name: "<script>alert(1)</script>\\n---\\nevil: true"');
  });

  it('emits YAML that quotes every string and keeps nesting', () => {
    expect(toYaml({ a: 'x: y', b: [1, true, null], 'odd key': { c: [] }, d: [{ e: 'f', g: 'h' }] })).toBe('a: "x: y"\nb:\n  - 1\n  - true\n  - null\n"odd key":\n  c: []\nd:\n  - e: "f"\n    g: "h"\n');
  });
});
