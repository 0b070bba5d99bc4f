import type { z } from 'zod';
import type { Page } from '../../../src/contracts/common.contracts.js';
import type { SystemDetailOutput } from '../../../src/contracts/inventory.contracts.js';
import type {
  AcceptRiskInput,
  ChangeScoringMethodInput,
  HeatmapSchema,
  RaiseReviewTriggerInput,
  ReassessRiskInput,
  RegisterRiskInput,
  ReviewItemSchema,
  RiskListQuery,
  RiskOutput,
  ScoringMethodVersionOutput,
  TreatRiskInput,
} from '../../../src/contracts/risk.contracts.js';
import { apiRequest, apiUrl } from './client.js';

export type Heatmap = z.infer<typeof HeatmapSchema>;
export type ReviewItem = z.infer<typeof ReviewItemSchema>;
export type RiskFilter = Partial<RiskListQuery>;

/** The register, highest current score first; every filter is a server query parameter. */
export async function listRisks(filter: RiskFilter = {}): Promise<RiskOutput[]> {
  return apiRequest('/risks', { query: { ...filter } });
}

export async function getRisk(id: string): Promise<RiskOutput> {
  return apiRequest(`/risks/${encodeURIComponent(id)}`);
}

/** The server scores the risk; the body carries the three inputs, never a score or a level. */
export async function registerRisk(input: RegisterRiskInput): Promise<RiskOutput> {
  return apiRequest('/risks', { json: input });
}

export async function reassessRisk(id: string, input: ReassessRiskInput): Promise<RiskOutput> {
  return apiRequest(`/risks/${encodeURIComponent(id)}/assessment`, { method: 'PUT', json: input });
}

export async function treatRisk(id: string, input: TreatRiskInput): Promise<RiskOutput> {
  return apiRequest(`/risks/${encodeURIComponent(id)}/treatment`, { method: 'PUT', json: input });
}

export async function acceptRisk(id: string, input: AcceptRiskInput): Promise<RiskOutput> {
  return apiRequest(`/risks/${encodeURIComponent(id)}/acceptance`, { json: input });
}

export async function closeRisk(id: string, reason: string): Promise<RiskOutput> {
  return apiRequest(`/risks/${encodeURIComponent(id)}/close`, { json: { reason } });
}

export async function getHeatmap(): Promise<Heatmap> {
  return apiRequest('/risks/heatmap');
}

/** Where the browser downloads the register (a plain GET with the session cookie). */
export function riskExportUrl(format: 'csv' | 'html'): string {
  return apiUrl('/risks/export', { format });
}

/** All rows or none; a 400 names each problem as `row N.<column>`. */
export async function importRisksCsv(csv: string): Promise<{ imported: number }> {
  return apiRequest('/risks/import', { text: { contentType: 'text/csv', body: csv } });
}

export async function getScoringMethod(): Promise<ScoringMethodVersionOutput> {
  return apiRequest('/scoring-method');
}

export async function listScoringMethodVersions(): Promise<ScoringMethodVersionOutput[]> {
  return apiRequest('/scoring-method/versions');
}

export async function changeScoringMethod(input: ChangeScoringMethodInput): Promise<ScoringMethodVersionOutput & { rescored: number }> {
  return apiRequest('/scoring-method', { method: 'PUT', json: input });
}

export function scoringMethodDocumentUrl(): string {
  return apiUrl('/scoring-method/document');
}

export async function listReviews(): Promise<ReviewItem[]> {
  return apiRequest('/reviews');
}

export async function raiseReviewTrigger(input: RaiseReviewTriggerInput): Promise<unknown> {
  return apiRequest('/review-triggers', { json: input });
}

export interface SystemChoice {
  id: string;
  name: string;
}

/** The AI systems to choose from (names and ids only; the inventory pages show the rest). */
export async function listSystemChoices(): Promise<SystemChoice[]> {
  const page = await apiRequest<Page<SystemDetailOutput>>('/systems', { query: { limit: 200 } });
  return page.items.map((s) => ({ id: s.id, name: s.name })).sort((a, b) => a.name.localeCompare(b.name));
}

/** Query keys: every write invalidates ['risks'] and ['reviews']. */
export const RISK_KEYS = {
  all: ['risks'] as const,
  list: (filter: RiskFilter) => ['risks', 'list', filter] as const,
  one: (id: string) => ['risks', 'one', id] as const,
  heatmap: ['risks', 'heatmap'] as const,
  method: ['scoring-method'] as const,
  methodVersions: ['scoring-method', 'versions'] as const,
  reviews: ['reviews'] as const,
  systems: ['systems', 'choices'] as const,
};
