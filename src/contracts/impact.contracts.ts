import { z } from 'zod';
import { ASSESSMENT_SECTIONS, ASSESSMENT_STATES } from '../domain/impact/impact-assessment.js';
import { DateSchema, IdSchema, TimestampSchema, TEXT_ERROR } from './common.contracts.js';

const text = (max: number) => z.string(TEXT_ERROR).trim().max(max, { error: `must be at most ${max} characters` });
const whole = z.number({ error: 'must be a number' }).int({ error: 'must be a whole number' });

export const FundamentalRightsSchema = z
  .strictObject({
    processDescription: text(4000).default(''),
    periodAndFrequency: text(2000).default(''),
    affectedCategories: text(2000).default(''),
    specificRisks: text(4000).default(''),
    oversightMeasures: text(4000).default(''),
    measuresIfRisksMaterialise: text(4000).default(''),
  })
  .meta({ description: 'EU AI Act Art. 27(1)(a)–(f), for deployers of high-risk systems' });

/** The assessment as written; a draft may be incomplete, submission checks completeness on the server. */
export const AssessmentContentSchema = z
  .strictObject({
    purpose: text(4000).default(''),
    intendedUse: text(4000).default(''),
    foreseeableMisuse: text(4000).default(''),
    stakeholders: z
      .array(z.strictObject({ group: text(200).min(1, { error: 'must not be empty' }), vulnerable: z.boolean({ error: 'must be true or false' }), notes: text(2000).optional() }), { error: 'must be a list' })
      .max(50, { error: 'must have at most 50 groups' })
      .default([]),
    impacts: z
      .array(
        z.strictObject({
          kind: z.enum(['harm', 'benefit'], { error: 'must be harm or benefit' }),
          description: text(2000).min(1, { error: 'must not be empty' }),
          affects: z.enum(['individuals', 'groups', 'society'], { error: 'must be individuals, groups or society' }),
          severity: whole.meta({ description: 'On the scoring method’s severity scale' }),
          likelihood: whole.meta({ description: 'On the scoring method’s likelihood scale' }),
        }),
        { error: 'must be a list' },
      )
      .max(100, { error: 'must have at most 100 items' })
      .default([]),
    fundamentalRights: FundamentalRightsSchema.nullable().default(null),
    mitigations: z.array(text(2000), { error: 'must be a list' }).max(50, { error: 'must have at most 50 items' }).default([]),
    humanOversight: text(4000).default(''),
  })
  .meta({ id: 'ImpactAssessmentContent' });
export type AssessmentContentInput = z.infer<typeof AssessmentContentSchema>;

export const SaveAssessmentInputSchema = z.strictObject({ content: AssessmentContentSchema });
export type SaveAssessmentInput = z.infer<typeof SaveAssessmentInputSchema>;

export const DecideAssessmentInputSchema = z.strictObject({
  decision: z.enum(['approve', 'request_changes'], { error: 'must be approve or request_changes' }),
  note: text(2000).optional(),
});
export type DecideAssessmentInput = z.infer<typeof DecideAssessmentInputSchema>;

export const ImpactAssessmentSchema = z
  .object({
    id: IdSchema,
    systemId: IdSchema,
    systemName: z.string(),
    version: z.number().int(),
    state: z.enum(ASSESSMENT_STATES),
    content: AssessmentContentSchema,
    completeness: z.array(z.object({ section: z.enum(ASSESSMENT_SECTIONS), complete: z.boolean(), missing: z.array(z.string()) })),
    fundamentalRightsRequired: z.boolean().meta({ description: 'True when the latest classification makes the organization a deployer of a high-risk system (Art. 27)' }),
    reviewDue: z.boolean(),
    reviewReasons: z.array(z.string()),
    nextReviewOn: DateSchema.nullable(),
    createdAt: TimestampSchema,
    createdBy: z.string(),
    updatedAt: TimestampSchema,
    submittedAt: TimestampSchema.nullable(),
    submittedBy: z.string().nullable(),
    decidedAt: TimestampSchema.nullable(),
    decidedBy: z.string().nullable(),
    decisionNote: z.string().nullable(),
  })
  .meta({ id: 'ImpactAssessment' });
export type ImpactAssessmentOutput = z.infer<typeof ImpactAssessmentSchema>;

/** What the trail records of an assessment: the stored fields only (review state is derived). */
export const ImpactAssessmentRecordSchema = ImpactAssessmentSchema.omit({ systemName: true, completeness: true, fundamentalRightsRequired: true, reviewDue: true, reviewReasons: true });
export type ImpactAssessmentRecord = z.infer<typeof ImpactAssessmentRecordSchema>;

export const AssessmentListQuerySchema = z.strictObject({
  state: z.enum(ASSESSMENT_STATES, { error: `must be one of: ${ASSESSMENT_STATES.join(', ')}` }).optional(),
  systemId: IdSchema.optional(),
});
