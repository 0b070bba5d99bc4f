import type { ImpactAssessmentOutput } from '../../contracts/impact.contracts.js';
import type { Conn } from '../../storage/database.js';
import { listAiSystems, listAllClassifications } from '../../storage/repositories/ai-system.repository.js';
import { listAssessments } from '../../storage/repositories/impact.repository.js';
import { listReviewTriggers } from '../../storage/repositories/inventory-settings.repository.js';
import type { ImpactAssessmentsTable } from '../../storage/schema.js';
import { reviewReasonsFor } from '../risk/review-reasons.js';
import { presentAssessment } from './impact.presenter.js';

/**
 * Builds assessment views with their derived parts. The Art. 27 section is required when the
 * system's latest EU AI Act classification says a fundamental-rights assessment is due (`fria`).
 */
export async function buildAssessmentViews(conn: Conn, organizationId: string, now: Date, systemId?: string): Promise<ImpactAssessmentOutput[]> {
  const [rows, systems, classifications, triggers] = await Promise.all([
    listAssessments(conn, organizationId, systemId),
    listAiSystems(conn, organizationId),
    listAllClassifications(conn, organizationId),
    listReviewTriggers(conn, organizationId, {}, undefined, 1_000_000_000),
  ]);
  const name = new Map(systems.map((s) => [s.id, s.name]));
  const latestClassification = new Map<string, { version: number; fria: boolean }>();
  for (const c of classifications) {
    const fria = Boolean((JSON.parse(c.result_json) as { fria?: boolean }).fria);
    const seen = latestClassification.get(c.system_id);
    if (!seen || Number(c.version) > seen.version) latestClassification.set(c.system_id, { version: Number(c.version), fria });
  }
  const today = now.toISOString().slice(0, 10);
  return rows.map((row: ImpactAssessmentsTable) =>
    presentAssessment(row, {
      systemName: name.get(row.system_id) ?? row.system_id,
      fundamentalRightsRequired: latestClassification.get(row.system_id)?.fria ?? false,
      reviewReasons: reviewReasonsFor(triggers, row.system_id, row.decided_at ?? row.updated_at),
      today,
    }),
  );
}
