import { z } from 'zod';
import { IdSchema, TimestampSchema } from './common.contracts.js';

/** Question id -> option value (single, boolean) or option values (multi). */
export const ClassificationAnswersSchema = z
  .record(
    z.string().min(1).max(100, { error: 'question ids are at most 100 characters' }),
    z.union([z.string().max(200), z.array(z.string().max(200)).max(50)], { error: 'must be an option value or a list of option values' }),
    { error: 'must be an object of questionId: answer' },
  )
  .refine((a) => Object.keys(a).length <= 200, { error: 'must have at most 200 answers' })
  .meta({ description: 'Question id → option value (single, boolean) or list of option values (multi)', example: { Q_SUBJECT: 'ai-system', Q_AI_SYSTEM: 'yes' } });

export const ClassifyInputSchema = z.strictObject({ answers: ClassificationAnswersSchema });
export type ClassifyInput = z.infer<typeof ClassifyInputSchema>;

export const ClassificationQuestionSchema = z
  .object({
    id: z.string(),
    section: z.string(),
    type: z.enum(['single', 'multi', 'boolean']),
    text: z.string(),
    help: z.string().optional(),
    cite: z.array(z.string()),
    options: z.array(z.object({ value: z.string(), label: z.string() })),
  })
  .meta({ id: 'ClassificationQuestion' });

export const ClassificationQuestionnaireSchema = z
  .object({ disclaimer: z.string(), rulesVersion: z.string(), questions: z.array(ClassificationQuestionSchema) })
  .meta({ id: 'ClassificationQuestionnaire' });

export const ClassificationResultSchema = z
  .object({
    complete: z.boolean(),
    missing: z.array(z.string()).meta({ description: 'Question ids still needed' }),
    tier: z.enum(['out-of-scope', 'prohibited', 'high-risk', 'art6-3-exception', 'transparency', 'minimal']),
    outcomeId: z.string().optional(),
    label: z.string().optional(),
    annexIIIPoints: z.array(z.string()).meta({ example: ['5(b)'] }),
    annexI: z.boolean(),
    art63Reasons: z.array(z.string()),
    transparency: z.array(z.string()).meta({ description: 'Art. 50 paragraphs that apply' }),
    gpai: z.enum(['none', 'gpai', 'gpai-systemic']),
    fria: z.boolean().optional(),
    obligations: z.array(z.object({ role: z.string(), id: z.string(), text: z.string(), cite: z.array(z.string()) })),
    citations: z.array(z.string()),
    path: z.array(z.string()).optional(),
    rulesVersion: z.string(),
  })
  .catchall(z.unknown())
  .meta({ id: 'ClassificationResult' });

export const ClassificationPreviewSchema = z
  .object({
    disclaimer: z.string(),
    next: ClassificationQuestionSchema.nullable().meta({ description: 'The next question to ask, or null when the answers are complete' }),
    result: ClassificationResultSchema,
  })
  .meta({ id: 'ClassificationPreview' });

export const ClassificationRecordSchema = z
  .object({
    id: IdSchema,
    systemId: IdSchema,
    version: z.number().int().meta({ description: 'Counts from 1 per system; each changed set of answers is a new version' }),
    answers: z.record(z.string(), z.union([z.string(), z.array(z.string())])),
    result: ClassificationResultSchema,
    rulesVersion: z.string(),
    answeredBy: z.string(),
    answeredAt: TimestampSchema,
  })
  .meta({ id: 'ClassificationRecord' });
export type ClassificationRecordOutput = z.infer<typeof ClassificationRecordSchema>;

export const ClassificationRecordWithDisclaimerSchema = ClassificationRecordSchema.extend({ disclaimer: z.string() }).meta({ id: 'ClassificationRecordWithDisclaimer' });

export const ClassificationHistorySchema = z
  .object({ disclaimer: z.string(), items: z.array(ClassificationRecordSchema).meta({ description: 'Newest first' }) })
  .meta({ id: 'ClassificationHistory' });
