import { z } from 'zod';
import { DateSchema, IdSchema, PageQuerySchema, TimestampSchema, nameSchema, TEXT_ERROR } from './common.contracts.js';

export const EVIDENCE_KINDS = ['document', 'record', 'report', 'log', 'screenshot', 'test_result', 'contract', 'certificate', 'other'] as const;

/** Entity types evidence can be linked to. Feature areas append theirs. */
export const LINKABLE_ENTITY_TYPES = ['organization', 'user', 'evidence', 'soa_control', 'ai_system', 'model', 'model_version', 'dataset', 'dataset_version', 'supplier'] as const;

const EvidenceFieldsSchema = z.strictObject({
  title: nameSchema(200),
  kind: z.enum(EVIDENCE_KINDS, { error: `must be one of: ${EVIDENCE_KINDS.join(', ')}` }),
  description: z.string().trim().max(2000, { error: 'must be at most 2000 characters' }).optional(),
  validFrom: DateSchema.optional(),
  validUntil: DateSchema.optional(),
  ownerUserId: IdSchema.optional().meta({ description: 'Who keeps this evidence current; defaults to the uploader' }),
});

/** Metadata sent with an upload (multipart fields beside `file`). */
export const EvidenceMetadataInputSchema = EvidenceFieldsSchema.refine(
  (v) => !v.validFrom || !v.validUntil || v.validFrom <= v.validUntil,
  { path: ['validUntil'], error: 'must be on or after the validFrom date' },
);
export type EvidenceMetadataInput = z.infer<typeof EvidenceMetadataInputSchema>;

export const EvidenceSchema = z
  .object({
    id: IdSchema,
    title: z.string(),
    kind: z.enum(EVIDENCE_KINDS),
    description: z.string().nullable(),
    validFrom: DateSchema.nullable(),
    validUntil: DateSchema.nullable(),
    ownerUserId: IdSchema.nullable(),
    sha256: z.string().meta({ description: 'SHA-256 of the content, hex' }),
    sizeBytes: z.number().int(),
    mediaType: z.string(),
    fileName: z.string(),
    createdAt: TimestampSchema,
    createdBy: z.string(),
  })
  .meta({ id: 'Evidence' });
export type EvidenceOutput = z.infer<typeof EvidenceSchema>;

export const EvidenceListQuerySchema = PageQuerySchema.extend({
  kind: z.enum(EVIDENCE_KINDS).optional(),
  entityType: z.string().max(60).optional().meta({ description: 'Only evidence linked to entities of this type' }),
  entityId: z.string().max(100).optional().meta({ description: 'Only evidence linked to this entity' }),
});
export type EvidenceListQuery = z.infer<typeof EvidenceListQuerySchema>;

export const LinkEvidenceInputSchema = z.strictObject({
  entityType: z.enum(LINKABLE_ENTITY_TYPES, { error: `must be one of: ${LINKABLE_ENTITY_TYPES.join(', ')}` }),
  entityId: z.string(TEXT_ERROR).min(1).max(100),
});
export type LinkEvidenceInput = z.infer<typeof LinkEvidenceInputSchema>;

export const EvidenceLinkSchema = z
  .object({ evidenceId: IdSchema, entityType: z.string(), entityId: z.string(), createdAt: TimestampSchema, createdBy: z.string() })
  .meta({ id: 'EvidenceLink' });
export type EvidenceLinkOutput = z.infer<typeof EvidenceLinkSchema>;
