import { z } from 'zod';
import { RISK_STATUSES, TREATMENTS } from '../domain/risk/risk-rules.js';
import { RISK_LEVELS } from '../domain/risk/scoring-method.js';
import { DateSchema, IdSchema, TimestampSchema, TEXT_ERROR, nameSchema } from './common.contracts.js';

const whole = z.number({ error: 'must be a number' }).int({ error: 'must be a whole number' });
const text = (max: number) => z.string(TEXT_ERROR).trim().max(max, { error: `must be at most ${max} characters` });
/** Levels and scores are computed on the server; a client that sends one is told so. */
const serverOnly = z
  .unknown()
  .refine((value) => value === undefined, { error: 'is computed by the server from the scoring method; do not send it' })
  .optional()
  .meta({ description: 'Computed by the server; sending it is refused' });

export const RISK_SOURCES = ['impact_assessment', 'monitoring_alert', 'incident', 'audit_finding', 'manual'] as const;

export const ScoresSchema = z.strictObject({
  likelihood: whole,
  severity: whole,
  stakeholderImpact: whole,
  score: serverOnly,
  level: serverOnly,
});

export const RegisterRiskInputSchema = z.strictObject({
  systemId: IdSchema,
  title: nameSchema(200),
  description: text(4000).optional(),
  sourceType: z.enum(RISK_SOURCES, { error: `must be one of: ${RISK_SOURCES.join(', ')}` }).default('manual'),
  sourceRef: text(200).optional().meta({ description: 'What it came from: an assessment id, alert id, incident id, finding reference' }),
  ownerUserId: IdSchema,
  likelihood: whole,
  severity: whole,
  stakeholderImpact: whole,
  inherentScore: serverOnly,
  inherentLevel: serverOnly,
  score: serverOnly,
  level: serverOnly,
});
export type RegisterRiskInput = z.infer<typeof RegisterRiskInputSchema>;

export const ReassessRiskInputSchema = ScoresSchema.extend({ note: text(2000).optional() });
export type ReassessRiskInput = z.infer<typeof ReassessRiskInputSchema>;

export const TreatRiskInputSchema = z.strictObject({
  treatment: z.enum(TREATMENTS, { error: `must be one of: ${TREATMENTS.join(', ')}` }),
  plan: text(4000).optional(),
  controlIds: z.array(z.string(TEXT_ERROR).max(20), { error: 'must be a list of Annex A control IDs' }).max(38, { error: 'must have at most 38 controls' }).default([]),
  residual: ScoresSchema,
  residualLevel: serverOnly,
  residualScore: serverOnly,
});
export type TreatRiskInput = z.infer<typeof TreatRiskInputSchema>;

export const AcceptRiskInputSchema = z.strictObject({
  justification: nameSchema(2000),
  expiresOn: DateSchema.meta({ description: 'When the acceptance lapses (at most three years ahead)' }),
});
export type AcceptRiskInput = z.infer<typeof AcceptRiskInputSchema>;

export const CloseRiskInputSchema = z.strictObject({ reason: nameSchema(2000) });

const ScoreOut = z.object({ likelihood: z.number().int(), severity: z.number().int(), stakeholderImpact: z.number().int(), score: z.number().int(), level: z.enum(RISK_LEVELS) });

export const RiskRecordSchema = z
  .object({
    id: IdSchema,
    systemId: IdSchema,
    title: z.string(),
    description: z.string().nullable(),
    sourceType: z.enum(RISK_SOURCES),
    sourceRef: z.string().nullable(),
    ownerUserId: IdSchema,
    inherent: ScoreOut,
    treatment: z.enum(TREATMENTS).nullable(),
    treatmentPlan: z.string().nullable(),
    residual: ScoreOut.nullable(),
    controlIds: z.array(z.string()),
    methodVersion: z.number().int(),
    assessedAt: TimestampSchema,
    nextReviewOn: DateSchema,
    closedAt: TimestampSchema.nullable(),
    createdAt: TimestampSchema,
    createdBy: z.string(),
    updatedAt: TimestampSchema,
  })
  .meta({ id: 'RiskRecord' });
export type RiskRecord = z.infer<typeof RiskRecordSchema>;

export const RiskAcceptanceSchema = z
  .object({ id: IdSchema, riskId: IdSchema, residualLevel: z.enum(RISK_LEVELS), justification: z.string(), expiresOn: DateSchema, acceptedAt: TimestampSchema, acceptedBy: z.string() })
  .meta({ id: 'RiskAcceptance' });
export type RiskAcceptanceOutput = z.infer<typeof RiskAcceptanceSchema>;

export const RiskSchema = RiskRecordSchema.extend({
  systemName: z.string(),
  ownerName: z.string().nullable(),
  status: z.enum(RISK_STATUSES).meta({ description: 'Derived: review due, acceptance required, accepted, treated, open or closed' }),
  statusReasons: z.array(z.string()),
  flags: z.array(z.string()).meta({ description: 'Problems an auditor would raise, e.g. a high risk with no linked control' }),
  acceptance: RiskAcceptanceSchema.nullable().meta({ description: 'The latest acceptance; it counts only while the status says accepted' }),
  acceptanceHistory: z.array(RiskAcceptanceSchema).meta({ description: 'Every acceptance ever given, newest first' }),
}).meta({ id: 'Risk' });
export type RiskOutput = z.infer<typeof RiskSchema>;

export const RiskListQuerySchema = z.strictObject({
  systemId: IdSchema.optional(),
  level: z.enum(RISK_LEVELS, { error: `must be one of: ${RISK_LEVELS.join(', ')}` }).optional(),
  ownerUserId: IdSchema.optional(),
  status: z.enum(RISK_STATUSES, { error: `must be one of: ${RISK_STATUSES.join(', ')}` }).optional(),
  controlId: z.string().max(20).optional(),
});
export type RiskListQuery = z.infer<typeof RiskListQuerySchema>;

const ScaleSchema = z.strictObject({ min: whole, max: whole, labels: z.array(text(60), { error: 'must be a list of labels' }).max(10) });
export const ScoringMethodSchema = z
  .strictObject({
    likelihood: ScaleSchema,
    severity: ScaleSchema,
    stakeholderImpact: ScaleSchema,
    levels: z.array(z.strictObject({ level: z.enum(RISK_LEVELS), from: whole })).length(4, { error: 'must list the four levels' }),
    appetite: z.enum(RISK_LEVELS, { error: `must be one of: ${RISK_LEVELS.join(', ')}` }),
    reviewIntervalDays: z.strictObject({ low: whole, medium: whole, high: whole, critical: whole }),
    assessmentReviewDays: whole,
  })
  .meta({ id: 'ScoringMethod' });

export const ChangeScoringMethodInputSchema = z.strictObject({ method: ScoringMethodSchema, reason: nameSchema(2000) });
export type ChangeScoringMethodInput = z.infer<typeof ChangeScoringMethodInputSchema>;

export const ScoringMethodVersionSchema = z
  .object({ version: z.number().int(), method: ScoringMethodSchema, reason: z.string(), createdAt: TimestampSchema.nullable(), createdBy: z.string().nullable() })
  .meta({ id: 'ScoringMethodVersion' });
export type ScoringMethodVersionOutput = z.infer<typeof ScoringMethodVersionSchema>;

export const HeatmapSchema = z
  .object({
    likelihood: z.array(z.number().int()),
    impact: z.array(z.number().int()),
    inherent: z.array(z.array(z.number().int())).meta({ description: 'Counts: rows are likelihood (low to high), columns impact' }),
    residual: z.array(z.array(z.number().int())),
    levels: z.array(z.array(z.enum(RISK_LEVELS))),
  })
  .meta({ id: 'RiskHeatmap' });

export const RaiseReviewTriggerInputSchema = z.strictObject({
  reason: nameSchema(500).meta({ description: 'What changed, e.g. "EU AI Act Digital Omnibus adopted"' }),
  systemIds: z.array(IdSchema).max(500).optional().meta({ description: 'Affected systems; all systems when left out' }),
});
export type RaiseReviewTriggerInput = z.infer<typeof RaiseReviewTriggerInputSchema>;

export const ReviewItemSchema = z
  .object({
    kind: z.enum(['risk', 'impact_assessment']),
    id: IdSchema,
    title: z.string(),
    systemId: IdSchema,
    systemName: z.string(),
    dueOn: DateSchema.nullable(),
    overdue: z.boolean(),
    reasons: z.array(z.string()),
  })
  .meta({ id: 'ReviewItem' });
