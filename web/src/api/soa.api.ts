import type { z } from 'zod';
import type {
  AcceptEvidenceInput,
  DecideControlInput,
  IssueSoaInput,
  SoaControlDecisionOutput,
  SoaControlFilter,
  SoaControlOutput,
  SoaDiffSchema,
  SoaEvidenceAcceptanceOutput,
  SoaImportResult,
  SoaSchema,
  SoaResponsibilityRecordOutput,
  SetResponsibilityInput,
  SoaVersionOutput,
  SOA_EXPORT_FORMATS,
} from '../../../src/contracts/soa.contracts.js';
import { apiRequest, apiUrl } from './client.js';

export type SoaOutput = z.infer<typeof SoaSchema>;
export type SoaDiffOutput = z.infer<typeof SoaDiffSchema>;
export type SoaExportFormat = (typeof SOA_EXPORT_FORMATS)[number];

/** The working SoA (open draft, or the next one) with server-derived statuses; filters narrow the controls. */
export async function getSoa(filter: SoaControlFilter = {}): Promise<SoaOutput> {
  return apiRequest('/soa', { query: { ...filter } });
}

/** A version's document: an issued one exactly as frozen, the draft as it stands. */
export async function getSoaVersion(number: number): Promise<SoaOutput> {
  return apiRequest(`/soa/versions/${number}`);
}

export async function listSoaVersions(): Promise<SoaVersionOutput[]> {
  return apiRequest('/soa/versions');
}

export async function getSoaControl(controlId: string): Promise<SoaControlOutput> {
  return apiRequest(`/soa/controls/${encodeURIComponent(controlId)}`);
}

export async function decideSoaControl(controlId: string, input: DecideControlInput): Promise<SoaControlDecisionOutput> {
  return apiRequest(`/soa/controls/${encodeURIComponent(controlId)}`, { method: 'PATCH', json: input });
}

export async function acceptSoaEvidence(controlId: string, evidenceId: string, input: AcceptEvidenceInput): Promise<SoaEvidenceAcceptanceOutput> {
  return apiRequest(`/soa/controls/${encodeURIComponent(controlId)}/evidence/${encodeURIComponent(evidenceId)}/acceptance`, { json: input });
}

export async function withdrawSoaEvidence(controlId: string, evidenceId: string): Promise<void> {
  await apiRequest<undefined>(`/soa/controls/${encodeURIComponent(controlId)}/evidence/${encodeURIComponent(evidenceId)}/acceptance`, { method: 'DELETE' });
}

/** Says who holds the control for a supplier; a 400 names `contractReference` when a supplier-held share has no contract. */
export async function setSoaResponsibility(controlId: string, supplierId: string, input: SetResponsibilityInput): Promise<SoaResponsibilityRecordOutput> {
  return apiRequest(`/soa/controls/${encodeURIComponent(controlId)}/responsibilities/${encodeURIComponent(supplierId)}`, { method: 'PUT', json: input });
}

export async function removeSoaResponsibility(controlId: string, supplierId: string): Promise<void> {
  await apiRequest<undefined>(`/soa/controls/${encodeURIComponent(controlId)}/responsibilities/${encodeURIComponent(supplierId)}`, { method: 'DELETE' });
}

/** Freezes the open draft; a 400 names every blocker as `controls.<id>.<field>`. */
export async function issueSoaVersion(input: IssueSoaInput): Promise<SoaVersionOutput> {
  return apiRequest('/soa/issue', { json: input });
}

export async function diffSoaVersions(from: number, to: number): Promise<SoaDiffOutput> {
  return apiRequest('/soa/diff', { query: { from, to } });
}

/** Sends a CSV file as text/csv; a 400 names each problem as `row N.<column>`. */
export async function importSoaCsv(csv: string): Promise<SoaImportResult> {
  return apiRequest('/soa/import', { text: { contentType: 'text/csv', body: csv } });
}

/** Where the browser downloads an export (a plain GET with the session cookie); the draft when no version is given. */
export function soaExportUrl(format: SoaExportFormat, version?: number): string {
  return apiUrl('/soa/export', { format, version });
}
