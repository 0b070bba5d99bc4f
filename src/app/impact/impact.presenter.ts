import type { AssessmentContentInput, ImpactAssessmentOutput, ImpactAssessmentRecord } from '../../contracts/impact.contracts.js';
import { assessmentCompleteness, type AssessmentState } from '../../domain/impact/impact-assessment.js';
import type { ImpactAssessmentsTable } from '../../storage/schema.js';

/** The stored assessment as the trail records it. */
export function presentAssessmentRecord(row: ImpactAssessmentsTable): ImpactAssessmentRecord {
  return {
    id: row.id,
    systemId: row.system_id,
    version: Number(row.version),
    state: row.state as AssessmentState,
    content: JSON.parse(row.content_json) as AssessmentContentInput,
    nextReviewOn: row.next_review_on,
    createdAt: row.created_at,
    createdBy: row.created_by,
    updatedAt: row.updated_at,
    submittedAt: row.submitted_at,
    submittedBy: row.submitted_by,
    decidedAt: row.decided_at,
    decidedBy: row.decided_by,
    decisionNote: row.decision_note,
  };
}

export interface AssessmentContext {
  systemName: string;
  fundamentalRightsRequired: boolean;
  reviewReasons: string[];
  today: string;
}

/** The assessment with what is derived: completeness per section and whether a review is due. */
export function presentAssessment(row: ImpactAssessmentsTable, context: AssessmentContext): ImpactAssessmentOutput {
  const record = presentAssessmentRecord(row);
  const reasons = record.state === 'approved' ? [...context.reviewReasons] : [];
  if (record.state === 'approved' && record.nextReviewOn && record.nextReviewOn < context.today) reasons.unshift(`scheduled review was due on ${record.nextReviewOn}`);
  return {
    ...record,
    systemName: context.systemName,
    completeness: assessmentCompleteness(record.content, context.fundamentalRightsRequired),
    fundamentalRightsRequired: context.fundamentalRightsRequired,
    reviewDue: reasons.length > 0,
    reviewReasons: reasons,
  };
}
