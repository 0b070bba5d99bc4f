import { toYaml, type YamlValue } from './yaml-emit.js';

/**
 * Model cards generated from the inventory, never typed twice (ISO/IEC 42001 A.6.2.7, A.8.2;
 * the sections follow Mitchell et al., "Model Cards for Model Reporting", 2019, and the
 * Hugging Face model card layout). Each section says how complete it is, so release gates can
 * require a threshold later.
 */
export interface ModelCardSource {
  model: {
    id: string;
    name: string;
    description: string | null;
    task: string | null;
    approach: string | null;
    architectureFamily: string | null;
    modelArchitecture: string | null;
    inputs: string[];
    outputs: string[];
    supplierName: string | null;
  };
  version: {
    version: string;
    artifactDigest: string | null;
    trainingDate: string | null;
    hyperparameters: Record<string, string | number | boolean>;
    metrics: Array<{ name: string; kind: 'performance' | 'fairness'; value: number; slice?: string | undefined; lowerBound?: number | undefined; upperBound?: number | undefined }>;
    limitations: string[];
  } | null;
  datasets: Array<{
    name: string;
    version: string;
    source: string | null;
    collectionMethod: string | null;
    licence: string | null;
    consentBasis: string | null;
    containsPersonalData: boolean;
    preprocessingSteps: string[];
    representativenessNotes: string | null;
  }>;
  systems: Array<{ name: string; purpose: string; intendedUse: string | null; foreseeableMisuse: string | null }>;
}

export interface CardSection {
  id: 'model_details' | 'intended_use' | 'out_of_scope_use' | 'architecture' | 'training_parameters' | 'datasets' | 'evaluation' | 'fairness' | 'limitations';
  title: string;
  facts: Array<{ label: string; value: string }>;
  items: string[];
  table: { columns: string[]; rows: string[][] } | null;
  /** 0..1: the share of this section's expected fields that are filled; `missing` names the others. */
  completeness: { score: number; missing: string[] };
}

export interface ModelCard {
  modelId: string;
  name: string;
  version: string | null;
  sections: CardSection[];
  /** Mean of the section scores. */
  completeness: number;
  /** Front matter for the Markdown export, Hugging Face style. */
  metadata: { [key: string]: YamlValue };
}

const round = (n: number) => Math.round(n * 100) / 100;

/** Expected fields of a section: each name with whether it is filled. */
function section(id: CardSection['id'], title: string, expected: Array<[string, boolean]>, content: Partial<Pick<CardSection, 'facts' | 'items' | 'table'>>): CardSection {
  const missing = expected.filter(([, present]) => !present).map(([name]) => name);
  const score = expected.length === 0 ? 1 : round((expected.length - missing.length) / expected.length);
  return { id, title, facts: content.facts ?? [], items: content.items ?? [], table: content.table ?? null, completeness: { score, missing } };
}

const filled = (value: string | null | undefined) => typeof value === 'string' && value.trim().length > 0;

function metricRows(metrics: NonNullable<ModelCardSource['version']>['metrics']): string[][] {
  return metrics.map((m) => [m.name, String(m.value), m.slice ?? 'all', m.lowerBound !== undefined && m.upperBound !== undefined ? `${m.lowerBound} – ${m.upperBound}` : '']);
}

export function buildModelCard(source: ModelCardSource): ModelCard {
  const { model, version, datasets, systems } = source;
  const performance = version?.metrics.filter((m) => m.kind === 'performance') ?? [];
  const fairness = version?.metrics.filter((m) => m.kind === 'fairness') ?? [];
  const hyperparameters = Object.entries(version?.hyperparameters ?? {});
  const fact = (label: string, value: string | null | undefined) => (filled(value) ? [{ label, value: value! }] : []);

  const sections: CardSection[] = [
    section(
      'model_details',
      'Model details',
      [['description', filled(model.description)], ['version', version !== null], ['artifactDigest', filled(version?.artifactDigest)], ['trainingDate', filled(version?.trainingDate)]],
      {
        facts: [
          ...fact('Name', model.name),
          ...fact('Version', version?.version),
          ...fact('Description', model.description),
          ...fact('Task', model.task),
          ...fact('Supplier', model.supplierName),
          ...fact('Artifact digest', version?.artifactDigest),
          ...fact('Training date', version?.trainingDate),
        ],
      },
    ),
    section('intended_use', 'Intended use', [['systems.intendedUse', systems.some((s) => filled(s.intendedUse))]], {
      items: systems.map((s) => `${s.name}: ${s.intendedUse ?? s.purpose}`),
    }),
    section('out_of_scope_use', 'Out-of-scope use', [['systems.foreseeableMisuse', systems.some((s) => filled(s.foreseeableMisuse))]], {
      items: systems.filter((s) => filled(s.foreseeableMisuse)).map((s) => `${s.name}: ${s.foreseeableMisuse}`),
    }),
    section(
      'architecture',
      'Architecture',
      [['approach', filled(model.approach)], ['architectureFamily', filled(model.architectureFamily)], ['modelArchitecture', filled(model.modelArchitecture)], ['inputs', model.inputs.length > 0], ['outputs', model.outputs.length > 0]],
      {
        facts: [
          ...fact('Approach', model.approach),
          ...fact('Architecture family', model.architectureFamily),
          ...fact('Architecture', model.modelArchitecture),
          ...fact('Inputs', model.inputs.join(', ')),
          ...fact('Outputs', model.outputs.join(', ')),
        ],
      },
    ),
    section('training_parameters', 'Training parameters', [['hyperparameters', hyperparameters.length > 0]], {
      table: hyperparameters.length ? { columns: ['Parameter', 'Value'], rows: hyperparameters.map(([k, v]) => [k, String(v)]) } : null,
    }),
    section(
      'datasets',
      'Training data',
      [
        ['datasets', datasets.length > 0],
        ...datasets.flatMap((d): Array<[string, boolean]> => [
          [`datasets[${d.name}@${d.version}].source`, filled(d.source)],
          [`datasets[${d.name}@${d.version}].licence`, filled(d.licence)],
          ...(d.containsPersonalData ? [[`datasets[${d.name}@${d.version}].consentBasis`, filled(d.consentBasis)] as [string, boolean]] : []),
          [`datasets[${d.name}@${d.version}].preprocessingSteps`, d.preprocessingSteps.length > 0],
        ]),
      ],
      {
        table: datasets.length
          ? {
              columns: ['Dataset', 'Version', 'Source', 'Licence', 'Personal data', 'Preprocessing', 'Representativeness'],
              rows: datasets.map((d) => [d.name, d.version, d.source ?? '', d.licence ?? '', d.containsPersonalData ? `yes (${d.consentBasis ?? 'basis not recorded'})` : 'no', d.preprocessingSteps.join('; '), d.representativenessNotes ?? '']),
            }
          : null,
      },
    ),
    section('evaluation', 'Evaluation results', [['metrics (performance)', performance.length > 0]], {
      table: performance.length ? { columns: ['Metric', 'Value', 'Slice', 'Confidence interval'], rows: metricRows(performance) } : null,
    }),
    section('fairness', 'Fairness results', [['metrics (fairness)', fairness.length > 0]], {
      table: fairness.length ? { columns: ['Metric', 'Value', 'Group', 'Confidence interval'], rows: metricRows(fairness) } : null,
    }),
    section('limitations', 'Limitations', [['limitations', (version?.limitations.length ?? 0) > 0]], { items: version?.limitations ?? [] }),
  ];
  const completeness = round(sections.reduce((sum, s) => sum + s.completeness.score, 0) / sections.length);

  const metadata: { [key: string]: YamlValue } = {
    model_name: model.name,
    ...(version ? { model_version: version.version } : {}),
    ...(model.task ? { tags: [model.task] } : {}),
    ...(datasets.length ? { datasets: datasets.map((d) => `${d.name}@${d.version}`) } : {}),
    ...(version?.metrics.length ? { metrics: [...new Set(version.metrics.map((m) => m.name))] } : {}),
    ...(version?.metrics.length
      ? {
          'model-index': [
            {
              name: model.name,
              results: [{ task: { type: model.task ?? 'unspecified' }, metrics: version.metrics.map((m) => ({ name: m.slice ? `${m.name} (${m.slice})` : m.name, type: m.name, value: m.value })) }],
            },
          ],
        }
      : {}),
    openaims_completeness: completeness,
  };
  return { modelId: model.id, name: model.name, version: version?.version ?? null, sections, completeness, metadata };
}

/** Text for Markdown: no raw HTML, no table breaks. */
function md(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

export function renderModelCardMarkdown(card: ModelCard): string {
  const out: string[] = ['---', toYaml(card.metadata).trimEnd(), '---', '', `# Model card: ${md(card.name)}${card.version ? ` ${md(card.version)}` : ''}`, ''];
  out.push(`Generated by OpenAIMS from the inventory. Completeness: ${Math.round(card.completeness * 100)}%.`, '');
  for (const s of card.sections) {
    out.push(`## ${s.title}`, '');
    for (const f of s.facts) out.push(`- **${md(f.label)}:** ${md(f.value)}`);
    for (const item of s.items) out.push(`- ${md(item)}`);
    if (s.facts.length || s.items.length) out.push('');
    if (s.table) {
      out.push(`| ${s.table.columns.map(md).join(' | ')} |`, `|${s.table.columns.map(() => ' --- ').join('|')}|`);
      for (const row of s.table.rows) out.push(`| ${row.map(md).join(' | ')} |`);
      out.push('');
    }
    if (s.completeness.missing.length) out.push(`_Missing: ${s.completeness.missing.map(md).join(', ')}_`, '');
  }
  return `${out.join('\n').trimEnd()}\n`;
}

function html(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

export function renderModelCardHtml(card: ModelCard): string {
  const title = `Model card: ${card.name}${card.version ? ` ${card.version}` : ''}`;
  const body: string[] = [`<h1>${html(title)}</h1>`, `<p>Generated by OpenAIMS from the inventory. Completeness: ${Math.round(card.completeness * 100)}%.</p>`];
  for (const s of card.sections) {
    body.push(`<section id="${s.id}"><h2>${html(s.title)}</h2>`);
    if (s.facts.length) body.push(`<dl>${s.facts.map((f) => `<dt>${html(f.label)}</dt><dd>${html(f.value)}</dd>`).join('')}</dl>`);
    if (s.items.length) body.push(`<ul>${s.items.map((i) => `<li>${html(i)}</li>`).join('')}</ul>`);
    if (s.table) {
      body.push(`<table><thead><tr>${s.table.columns.map((c) => `<th scope="col">${html(c)}</th>`).join('')}</tr></thead><tbody>`);
      for (const row of s.table.rows) body.push(`<tr>${row.map((c) => `<td>${html(c)}</td>`).join('')}</tr>`);
      body.push('</tbody></table>');
    }
    body.push(`<p class="completeness">Section completeness: ${Math.round(s.completeness.score * 100)}%${s.completeness.missing.length ? `; missing: ${html(s.completeness.missing.join(', '))}` : ''}</p></section>`);
  }
  return `<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><title>${html(title)}</title><style>body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem}table{border-collapse:collapse}td,th{border:1px solid #999;padding:.25rem .5rem;text-align:left}dt{font-weight:bold}.completeness{color:#555;font-size:.9em}</style></head><body>${body.join('\n')}</body></html>\n`;
}
