import type { ImpactAssessmentOutput } from '../../../../src/contracts/impact.contracts.js';
import { listAssessments, startAssessment } from '../../api/impact.api.js';

/**
 * Starts a system's next version, carrying over the content of its latest version so a review
 * edits what was assessed before rather than starting blank. The server refuses while a version is open.
 */
export async function startNextVersion(systemId: string): Promise<ImpactAssessmentOutput> {
  const [latest] = await listAssessments({ systemId });
  return startAssessment(systemId, latest?.content ?? {});
}
