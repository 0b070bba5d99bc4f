import type { z } from 'zod';
import type { Page } from '../../../src/contracts/common.contracts.js';
import type {
  ClassificationHistorySchema,
  ClassificationPreviewSchema,
  ClassificationQuestionnaireSchema,
  ClassificationRecordWithDisclaimerSchema,
} from '../../../src/contracts/classification.contracts.js';
import type {
  AddDatasetVersionInput,
  AddModelVersionInput,
  ChangeModelInput,
  ChangeSupplierInput,
  ChangeSystemInput,
  DatasetDetailSchema,
  DatasetOutput,
  DatasetVersionOutput,
  ModelCardSchema,
  ModelDetailSchema,
  ModelOutput,
  ModelVersionOutput,
  MoveStageInput,
  RegisterDatasetInput,
  RegisterModelInput,
  RegisterSupplierInput,
  RegisterSystemInput,
  ReviewTriggerOutput,
  SupplierOutput,
  SystemDetailOutput,
  SystemOutput,
  WaveOverrideInput,
  WaveProposalOutput,
  WaveSettingsInput,
  WaveSettingsOutput,
} from '../../../src/contracts/inventory.contracts.js';
import type { LifecycleStage } from '../../../src/domain/inventory/inventory-terms.js';
import { apiRequest, apiUrl } from './client.js';

export type ModelDetail = z.infer<typeof ModelDetailSchema>;
export type DatasetDetail = z.infer<typeof DatasetDetailSchema>;
export type ModelCard = z.infer<typeof ModelCardSchema>;
export type Questionnaire = z.infer<typeof ClassificationQuestionnaireSchema>;
export type ClassificationPreview = z.infer<typeof ClassificationPreviewSchema>;
export type ClassificationHistory = z.infer<typeof ClassificationHistorySchema>;
export type RecordedClassification = z.infer<typeof ClassificationRecordWithDisclaimerSchema>;
export type ClassificationAnswers = Record<string, string | string[]>;

export interface MlbomImportResult {
  created: Record<string, number>;
  updated: Record<string, number>;
  items: { kind: string; id: string; name: string; action: 'created' | 'updated' | 'unchanged'; from: string }[];
}

/** The server-side filters of GET /systems; tier and owner are not server filters (see the page). */
export interface SystemQuery {
  stage?: LifecycleStage | undefined;
  wave?: number | undefined;
}

/**
 * The whole inventory in the server's order (highest wave-ranking score first), every page of it:
 * inventories are hundreds of systems, and the page filters over what the server returned.
 */
export async function listAllSystems(query: SystemQuery = {}): Promise<SystemDetailOutput[]> {
  const out: SystemDetailOutput[] = [];
  let cursor: string | undefined;
  for (let guard = 0; guard < 50; guard++) {
    const page = await apiRequest<Page<SystemDetailOutput>>('/systems', { query: { ...query, limit: 200, cursor } });
    out.push(...page.items);
    if (!page.nextCursor) break;
    cursor = page.nextCursor;
  }
  return out;
}

const id = (value: string) => encodeURIComponent(value);

export async function getSystem(systemId: string): Promise<SystemDetailOutput> {
  return apiRequest(`/systems/${id(systemId)}`);
}

export async function registerSystem(input: RegisterSystemInput): Promise<SystemOutput> {
  return apiRequest('/systems', { json: input });
}

export async function changeSystem(systemId: string, input: ChangeSystemInput): Promise<SystemOutput> {
  return apiRequest(`/systems/${id(systemId)}`, { method: 'PATCH', json: input });
}

/** Forward one stage, or back with a reason; the server refuses a jump naming `stage`. */
export async function moveSystemStage(systemId: string, input: MoveStageInput): Promise<SystemOutput> {
  return apiRequest(`/systems/${id(systemId)}/stage`, { json: input });
}

export async function overrideWave(systemId: string, input: WaveOverrideInput): Promise<SystemOutput> {
  return apiRequest(`/systems/${id(systemId)}/wave`, { json: input });
}

export async function getWaves(): Promise<WaveProposalOutput> {
  return apiRequest('/waves');
}

export async function getWaveSettings(): Promise<WaveSettingsOutput> {
  return apiRequest('/waves/settings');
}

export async function changeWaveSettings(input: WaveSettingsInput): Promise<WaveSettingsOutput> {
  return apiRequest('/waves/settings', { method: 'PUT', json: input });
}

export async function listOpenReviewTriggers(): Promise<ReviewTriggerOutput[]> {
  const page = await apiRequest<Page<ReviewTriggerOutput>>('/review-triggers', { query: { open: 'true', limit: 200 } });
  return page.items;
}

// ---------------------------------------------------------------- classification

export async function getQuestionnaire(): Promise<Questionnaire> {
  return apiRequest('/classification/questions');
}

/** The server walks the decision tree: the next question and the result so far. Stores nothing. */
export async function previewClassification(answers: ClassificationAnswers): Promise<ClassificationPreview> {
  return apiRequest('/classification/preview', { json: { answers } });
}

export async function listClassifications(systemId: string): Promise<ClassificationHistory> {
  return apiRequest(`/systems/${id(systemId)}/classifications`);
}

/** Stores a new version (the same answers again add nothing). */
export async function recordClassification(systemId: string, answers: ClassificationAnswers): Promise<RecordedClassification> {
  return apiRequest(`/systems/${id(systemId)}/classifications`, { json: { answers } });
}

// ---------------------------------------------------------------- models, datasets, suppliers

export async function listModels(): Promise<ModelOutput[]> {
  return (await apiRequest<{ items: ModelOutput[] }>('/models')).items;
}

export async function getModel(modelId: string): Promise<ModelDetail> {
  return apiRequest(`/models/${id(modelId)}`);
}

export async function registerModel(input: RegisterModelInput): Promise<ModelOutput> {
  return apiRequest('/models', { json: input });
}

export async function changeModel(modelId: string, input: ChangeModelInput): Promise<ModelOutput> {
  return apiRequest(`/models/${id(modelId)}`, { method: 'PATCH', json: input });
}

export async function addModelVersion(modelId: string, input: AddModelVersionInput): Promise<ModelVersionOutput> {
  return apiRequest(`/models/${id(modelId)}/versions`, { json: input });
}

export async function getModelCard(modelId: string, version?: string): Promise<ModelCard> {
  return apiRequest(`/models/${id(modelId)}/card`, { query: { format: 'json', version } });
}

/** Where the browser downloads a model card (a plain GET with the session cookie). */
export function modelCardUrl(modelId: string, format: 'markdown' | 'html', version?: string): string {
  return apiUrl(`/models/${id(modelId)}/card`, { format, version });
}

export async function listDatasets(): Promise<DatasetOutput[]> {
  return (await apiRequest<{ items: DatasetOutput[] }>('/datasets')).items;
}

export async function getDataset(datasetId: string): Promise<DatasetDetail> {
  return apiRequest(`/datasets/${id(datasetId)}`);
}

/** Every dataset with its versions (the inventory has no reverse lookup from a version to its dataset). */
export async function listDatasetDetails(): Promise<DatasetDetail[]> {
  const datasets = await listDatasets();
  return Promise.all(datasets.map((d) => getDataset(d.id)));
}

export async function registerDataset(input: RegisterDatasetInput): Promise<DatasetOutput> {
  return apiRequest('/datasets', { json: input });
}

/** Records provenance; the server raises a "review needed" trigger for the systems trained on it. */
export async function addDatasetVersion(datasetId: string, input: AddDatasetVersionInput): Promise<DatasetVersionOutput & { reviewTrigger: ReviewTriggerOutput }> {
  return apiRequest(`/datasets/${id(datasetId)}/versions`, { json: input });
}

export async function getSupplier(supplierId: string): Promise<SupplierOutput> {
  return apiRequest(`/suppliers/${id(supplierId)}`);
}

export async function registerSupplier(input: RegisterSupplierInput): Promise<SupplierOutput> {
  return apiRequest('/suppliers', { json: input });
}

export async function changeSupplier(supplierId: string, input: ChangeSupplierInput): Promise<SupplierOutput> {
  return apiRequest(`/suppliers/${id(supplierId)}`, { method: 'PATCH', json: input });
}

// ---------------------------------------------------------------- exchange

export function inventoryMlbomUrl(): string {
  return apiUrl('/mlbom');
}

export function systemMlbomUrl(systemId: string): string {
  return apiUrl(`/systems/${id(systemId)}/mlbom`);
}

/** The server validates the BOM against its CycloneDX schema first; a 400 names where it fails. */
export async function importMlbom(json: string): Promise<MlbomImportResult> {
  return apiRequest('/mlbom/import', { text: { contentType: 'application/vnd.cyclonedx+json', body: json } });
}

/** All rows or none; a 400 lists every problem in `details.rows` as { row, column, reason }. */
export async function importSystemsCsv(csv: string): Promise<{ created: SystemOutput[] }> {
  return apiRequest('/systems/import', { text: { contentType: 'text/csv', body: csv } });
}

/** Query keys: every inventory write invalidates ['inventory']. */
export const INVENTORY_KEYS = {
  all: ['inventory'] as const,
  systems: (query: SystemQuery) => ['inventory', 'systems', query] as const,
  system: (systemId: string) => ['inventory', 'system', systemId] as const,
  classifications: (systemId: string) => ['inventory', 'classifications', systemId] as const,
  questionnaire: ['inventory', 'questionnaire'] as const,
  waves: ['inventory', 'waves'] as const,
  waveSettings: ['inventory', 'waves', 'settings'] as const,
  models: ['inventory', 'models'] as const,
  model: (modelId: string) => ['inventory', 'model', modelId] as const,
  card: (modelId: string, version?: string) => ['inventory', 'card', modelId, version ?? null] as const,
  datasets: ['inventory', 'datasets'] as const,
  datasetDetails: ['inventory', 'datasets', 'details'] as const,
  dataset: (datasetId: string) => ['inventory', 'dataset', datasetId] as const,
  suppliers: ['inventory', 'suppliers'] as const,
  supplier: (supplierId: string) => ['inventory', 'supplier', supplierId] as const,
  triggers: ['inventory', 'review-triggers'] as const,
};
