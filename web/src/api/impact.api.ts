import type { AssessmentContentInput, DecideAssessmentInput, ImpactAssessmentOutput } from '../../../src/contracts/impact.contracts.js';
import { apiRequest } from './client.js';

/** Assessments, newest first; for one system they are its version history. */
export async function listAssessments(query: { systemId?: string; state?: string } = {}): Promise<ImpactAssessmentOutput[]> {
  return apiRequest('/impact-assessments', { query });
}

export async function getAssessment(id: string): Promise<ImpactAssessmentOutput> {
  return apiRequest(`/impact-assessments/${encodeURIComponent(id)}`);
}

/** Starts the system's next version; refused (409) while another version is open. */
export async function startAssessment(systemId: string, content: Partial<AssessmentContentInput> = {}): Promise<ImpactAssessmentOutput> {
  return apiRequest(`/systems/${encodeURIComponent(systemId)}/impact-assessments`, { json: { content } });
}

export async function saveAssessment(id: string, content: AssessmentContentInput): Promise<ImpactAssessmentOutput> {
  return apiRequest(`/impact-assessments/${encodeURIComponent(id)}`, { method: 'PUT', json: { content } });
}

/** A 400 names each incomplete section as `content.<section>`. */
export async function submitAssessment(id: string): Promise<ImpactAssessmentOutput> {
  return apiRequest(`/impact-assessments/${encodeURIComponent(id)}/submit`, { method: 'POST' });
}

export async function decideAssessment(id: string, input: DecideAssessmentInput): Promise<ImpactAssessmentOutput> {
  return apiRequest(`/impact-assessments/${encodeURIComponent(id)}/decision`, { json: input });
}

export const IMPACT_KEYS = {
  all: ['impact-assessments'] as const,
  list: ['impact-assessments', 'list'] as const,
  ofSystem: (systemId: string) => ['impact-assessments', 'system', systemId] as const,
  one: (id: string) => ['impact-assessments', 'one', id] as const,
};
