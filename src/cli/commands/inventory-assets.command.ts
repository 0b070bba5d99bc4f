import type { Command } from 'commander';
import {
  AddDatasetVersionInputSchema,
  AddModelVersionInputSchema,
  RegisterDatasetInputSchema,
  RegisterModelInputSchema,
  RegisterSupplierInputSchema,
  type DatasetOutput,
  type DatasetVersionOutput,
  type ModelOutput,
  type ModelVersionOutput,
  type ReviewTriggerOutput,
  type SupplierOutput,
} from '../../contracts/inventory.contracts.js';
import { MODEL_APPROACHES, SUPPLIER_KINDS } from '../../domain/inventory/inventory-terms.js';
import { renderModelCardHtml, renderModelCardMarkdown, type ModelCard } from '../../domain/inventory/model-card.js';
import { AppError } from '../../domain/shared/app-error.js';
import { printResult, type CliIo } from '../cli-io.js';
import { api, defined, parseFlags, list, readJsonFile, remoteCommand, writeUserFile, type RemoteFlags } from './inventory-cli-support.js';

async function fileBody(file: string | undefined): Promise<Record<string, unknown>> {
  return file ? ((await readJsonFile('file', file)) as Record<string, unknown>) : {};
}

/** `aims model|dataset|supplier …`: what AI systems are built from, through the server's API. */
export function registerInventoryAssets(program: Command, io: CliIo) {
  const model = program.command('model').description('models of the inventory and their trained versions');
  remoteCommand(
    model
      .command('add')
      .description('record a model')
      .option('--file <file.json>', 'the model as JSON (the API body); flags override its fields')
      .option('--name <name>', 'name')
      .option('--description <text>', 'what it predicts or generates')
      .option('--task <task>', 'e.g. classification')
      .option('--approach <approach>', MODEL_APPROACHES.join(', '))
      .option('--architecture <name>', 'e.g. XGBoost')
      .option('--supplier <id>', 'the supplier, for a third-party model'),
  ).action(async (o: RemoteFlags & { file?: string; name?: string; description?: string; task?: string; approach?: string; architecture?: string; supplier?: string }) => {
    const body = parseFlags(RegisterModelInputSchema, { ...(await fileBody(o.file)), ...defined({ name: o.name, description: o.description, task: o.task, approach: o.approach, modelArchitecture: o.architecture, supplierId: o.supplier }) }, { name: '--name', approach: '--approach', supplierId: '--supplier' });
    const created = await api<ModelOutput>(io, o, 'POST', '/models', body);
    printResult(io, Boolean(o.json), created, `Recorded model ${created.name} as ${created.id}.`);
  });
  remoteCommand(
    model
      .command('version')
      .description('record a trained version of a model')
      .argument('<model-id>', 'model id')
      .option('--file <file.json>', 'the version as JSON: version, artifactDigest, trainingDate, datasetVersionIds, hyperparameters, metrics, limitations')
      .option('--version <version>', 'version name, e.g. 2.3.0')
      .option('--digest <sha256:hex>', 'artifact digest')
      .option('--trained <date>', 'training date, YYYY-MM-DD')
      .option('--datasets <ids>', 'dataset version ids it was trained on, comma-separated'),
  ).action(async (id: string, o: RemoteFlags & { file?: string; version?: string; digest?: string; trained?: string; datasets?: string }) => {
    const body = parseFlags(AddModelVersionInputSchema, { ...(await fileBody(o.file)), ...defined({ version: o.version, artifactDigest: o.digest, trainingDate: o.trained, datasetVersionIds: list(o.datasets) }) }, { version: '--version', artifactDigest: '--digest', trainingDate: '--trained' });
    const created = await api<ModelVersionOutput>(io, o, 'POST', `/models/${encodeURIComponent(id)}/versions`, body);
    printResult(io, Boolean(o.json), created, `Recorded version ${created.version} as ${created.id}.`);
  });
  remoteCommand(
    model
      .command('card')
      .description('the model card, generated from the inventory')
      .argument('<model-id>', 'model id')
      .option('--version <version>', 'which version (default: the latest)')
      .option('--format <format>', 'markdown, html or json', 'markdown')
      .option('--out <file>', 'write it to a file instead of printing it'),
  ).action(async (id: string, o: RemoteFlags & { version?: string; format: string; out?: string }) => {
    if (!['markdown', 'html', 'json'].includes(o.format)) throw AppError.invalidField('format', 'must be markdown, html or json');
    // The server builds the card; Markdown and HTML are rendered from it here with the same domain code the server uses.
    const query = new URLSearchParams(defined({ version: o.version }) as Record<string, string>);
    const card = await api<ModelCard>(io, o, 'GET', `/models/${encodeURIComponent(id)}/card?${query.toString()}`);
    const rendered = o.format === 'markdown' ? renderModelCardMarkdown(card) : o.format === 'html' ? renderModelCardHtml(card) : card;
    const text = typeof rendered === 'string' ? rendered : JSON.stringify(rendered, null, 2);
    if (o.out) {
      await writeUserFile('out', o.out, text);
      printResult(io, Boolean(o.json), { written: o.out }, `Wrote the model card to ${o.out}.`);
    } else io.out(text.trimEnd());
  });

  const dataset = program.command('dataset').description('datasets of the inventory and their versions, with provenance');
  remoteCommand(
    dataset.command('add').description('record a dataset').option('--name <name>', 'name').option('--description <text>', 'what it holds').option('--supplier <id>', 'the data vendor'),
  ).action(async (o: RemoteFlags & { name?: string; description?: string; supplier?: string }) => {
    const body = parseFlags(RegisterDatasetInputSchema, defined({ name: o.name, description: o.description, supplierId: o.supplier }), { name: '--name', supplierId: '--supplier' });
    const created = await api<DatasetOutput>(io, o, 'POST', '/datasets', body);
    printResult(io, Boolean(o.json), created, `Recorded dataset ${created.name} as ${created.id}.`);
  });
  remoteCommand(
    dataset
      .command('version')
      .description('record a version of a dataset with its provenance; raises a "review needed" trigger for the systems trained on the dataset')
      .argument('<dataset-id>', 'dataset id')
      .option('--file <file.json>', 'the version as JSON: version, parentVersionId, source, collectionMethod, licence, consentBasis, containsPersonalData, preprocessingSteps, representativenessNotes, qualityChecks')
      .option('--version <version>', 'version name')
      .option('--parent <id>', 'the version it was derived from')
      .option('--personal-data <yes|no>', 'whether it holds personal data')
      .option('--source <text>', 'where the data comes from')
      .option('--licence <text>', 'licence'),
  ).action(async (id: string, o: RemoteFlags & { file?: string; version?: string; parent?: string; personalData?: string; source?: string; licence?: string }) => {
    const personal = o.personalData === undefined ? undefined : ({ yes: true, no: false } as Record<string, boolean>)[o.personalData] ?? o.personalData;
    const body = parseFlags(
      AddDatasetVersionInputSchema,
      { ...(await fileBody(o.file)), ...defined({ version: o.version, parentVersionId: o.parent, containsPersonalData: personal, source: o.source, licence: o.licence }) },
      { version: '--version', parentVersionId: '--parent', containsPersonalData: '--personal-data' },
    );
    const created = await api<DatasetVersionOutput & { reviewTrigger: ReviewTriggerOutput }>(io, o, 'POST', `/datasets/${encodeURIComponent(id)}/versions`, body);
    printResult(io, Boolean(o.json), created, `Recorded version ${created.version} as ${created.id}; review needed for ${created.reviewTrigger.systemIds.length} system(s).`);
  });

  const supplier = program.command('supplier').description('suppliers of third-party components');
  remoteCommand(
    supplier
      .command('add')
      .description('record a supplier')
      .option('--file <file.json>', 'the supplier as JSON: name, kind, contractReference, components, systemIds')
      .option('--name <name>', 'name')
      .option('--kind <kind>', SUPPLIER_KINDS.join(', '))
      .option('--contract <reference>', 'contract reference')
      .option('--systems <ids>', 'systems using what it supplies, comma-separated'),
  ).action(async (o: RemoteFlags & { file?: string; name?: string; kind?: string; contract?: string; systems?: string }) => {
    const body = parseFlags(RegisterSupplierInputSchema, { ...(await fileBody(o.file)), ...defined({ name: o.name, kind: o.kind, contractReference: o.contract, systemIds: list(o.systems) }) }, { name: '--name', kind: '--kind', systemIds: '--systems' });
    const created = await api<SupplierOutput>(io, o, 'POST', '/suppliers', body);
    printResult(io, Boolean(o.json), created, `Recorded supplier ${created.name} as ${created.id}.`);
  });
}
