import type { Page } from '../../../src/contracts/common.contracts.js';
import type {
  EvidenceLinkOutput,
  EvidenceMetadataInput,
  EvidenceOutput,
  LinkEvidenceInput,
} from '../../../src/contracts/evidence.contracts.js';
import { apiRequest, apiUrl } from './client.js';

export type EvidenceDetail = EvidenceOutput & { links: EvidenceLinkOutput[] };

export interface EvidenceFilter {
  kind?: string | undefined;
  entityType?: string | undefined;
  entityId?: string | undefined;
}

export async function listEvidence(filter: EvidenceFilter, cursor?: string, limit = 50): Promise<Page<EvidenceOutput>> {
  return apiRequest('/evidence', { query: { ...filter, cursor, limit } });
}

export async function getEvidence(id: string): Promise<EvidenceDetail> {
  return apiRequest(`/evidence/${encodeURIComponent(id)}`);
}

/** Uploads the file with its metadata as multipart/form-data, the way the route expects it. */
export async function uploadEvidence(file: File, metadata: EvidenceMetadataInput): Promise<EvidenceOutput> {
  const form = new FormData();
  form.set('file', file, file.name);
  for (const [key, value] of Object.entries(metadata)) {
    if (typeof value === 'string' && value !== '') form.set(key, value);
  }
  return apiRequest('/evidence', { form });
}

export async function linkEvidence(id: string, input: LinkEvidenceInput): Promise<EvidenceLinkOutput> {
  return apiRequest(`/evidence/${encodeURIComponent(id)}/links`, { json: input });
}

/** Where the browser downloads the file (a plain GET with the session cookie). */
export function evidenceContentUrl(id: string): string {
  return apiUrl(`/evidence/${encodeURIComponent(id)}/content`);
}
