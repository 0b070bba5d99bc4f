import { z } from 'zod';
import { APPLICABILITIES, CONTROL_STATUSES, SOA_VERSION_STATES } from '../domain/soa/soa-document.js';
import { DateSchema, IdSchema, TimestampSchema } from './common.contracts.js';

const DECIDABLE = ['applicable', 'excluded'] as const;
const optionalText = (max: number) =>
  z
    .string({ error: 'must be text or null' })
    .trim()
    .max(max, { error: `must be at most ${max} characters` })
    .nullable()
    .optional()
    .transform((v) => (v === '' ? null : v));

export const ControlIdSchema = z
  .string({ error: 'must be text' })
  .regex(/^A\.\d{1,2}(\.\d{1,2}){1,2}$/, { error: 'must be an Annex A control ID like A.6.2.6' })
  .meta({ description: 'ISO/IEC 42001 Annex A control ID', example: 'A.6.2.6' });

/** A change to one control's tailoring; fields left out keep their value. */
export const DecideControlInputSchema = z
  .strictObject({
    applicability: z.enum(DECIDABLE, { error: `must be one of: ${DECIDABLE.join(', ')}` }).optional(),
    justification: optionalText(2000).meta({ description: 'Why the control is included or excluded (required to exclude)' }),
    ownerUserId: IdSchema.nullable().optional().meta({ description: 'The member who owns the control' }),
    implementationPlan: optionalText(4000).meta({ description: 'How and by when the control will be implemented' }),
  })
  .refine((v) => Object.keys(v).length > 0, { error: 'send at least one of applicability, justification, ownerUserId, implementationPlan' });
export type DecideControlInput = z.infer<typeof DecideControlInputSchema>;

export const AcceptEvidenceInputSchema = z.strictObject({ note: optionalText(1000) });
export type AcceptEvidenceInput = z.infer<typeof AcceptEvidenceInputSchema>;

export const IssueSoaInputSchema = z.strictObject({ note: optionalText(2000).meta({ description: 'What this version changes, for the record' }) });
export type IssueSoaInput = z.infer<typeof IssueSoaInputSchema>;

export const SoaEvidenceRefSchema = z.object({
  evidenceId: IdSchema,
  title: z.string(),
  sha256: z.string(),
  validFrom: DateSchema.nullable(),
  validUntil: DateSchema.nullable(),
  acceptedAt: TimestampSchema.nullable(),
  acceptedBy: z.string().nullable(),
  acceptanceNote: z.string().nullable(),
  current: z.boolean().meta({ description: 'Accepted and valid today' }),
});

export const SOA_HOLDERS = ['ours', 'supplier', 'shared'] as const;

export const SoaResponsibilitySchema = z
  .object({
    supplierId: IdSchema,
    supplierName: z.string(),
    holder: z.enum(SOA_HOLDERS),
    contractReference: z.string().nullable(),
    evidence: z.array(z.object({ evidenceId: IdSchema, title: z.string(), validFrom: DateSchema.nullable(), validUntil: DateSchema.nullable(), current: z.boolean() })),
  })
  .meta({ id: 'SoaResponsibility' });

export const SetResponsibilityInputSchema = z.strictObject({
  holder: z.enum(SOA_HOLDERS, { error: `must be one of: ${SOA_HOLDERS.join(', ')}` }).meta({ description: 'Who holds the control for this supplier' }),
  contractReference: optionalText(200).meta({ description: "The contract clause that assigns it; required unless it is ours (defaults to the supplier's contract reference)" }),
});
export type SetResponsibilityInput = z.infer<typeof SetResponsibilityInputSchema>;

export const SoaResponsibilityRecordSchema = z
  .object({ controlId: z.string(), supplierId: IdSchema, holder: z.enum(SOA_HOLDERS), contractReference: z.string().nullable(), updatedAt: TimestampSchema, updatedBy: z.string() })
  .meta({ id: 'SoaResponsibilityRecord' });
export type SoaResponsibilityRecordOutput = z.infer<typeof SoaResponsibilityRecordSchema>;

export const SoaControlSchema = z
  .object({
    controlId: z.string(),
    title: z.string(),
    objectiveId: z.string(),
    objectiveTitle: z.string(),
    applicability: z.enum(APPLICABILITIES),
    justification: z.string().nullable(),
    ownerUserId: IdSchema.nullable(),
    ownerName: z.string().nullable(),
    implementationPlan: z.string().nullable(),
    status: z.enum(CONTROL_STATUSES).meta({ description: 'Derived on the server from owner, plan, accepted evidence and linked risks' }),
    statusReasons: z.array(z.string()),
    evidence: z.array(SoaEvidenceRefSchema),
    responsibilities: z.array(SoaResponsibilitySchema),
    riskIds: z.array(z.string()),
    updatedAt: TimestampSchema.nullable(),
    updatedBy: z.string().nullable(),
  })
  .meta({ id: 'SoaControl' });
export type SoaControlOutput = z.infer<typeof SoaControlSchema>;

const SoaVersionHeaderSchema = z.object({
  number: z.number().int(),
  state: z.enum(SOA_VERSION_STATES),
  issuedAt: TimestampSchema.nullable(),
  issuedBy: z.string().nullable(),
  issueNote: z.string().nullable(),
});

export const SoaSchema = z
  .object({
    organization: z.object({ id: IdSchema, name: z.string() }),
    catalog: z.object({ id: z.string(), name: z.string(), edition: z.string() }),
    version: SoaVersionHeaderSchema,
    generatedAt: TimestampSchema,
    controls: z.array(SoaControlSchema),
  })
  .meta({ id: 'Soa' });

export const SoaVersionSchema = z
  .object({
    id: IdSchema,
    number: z.number().int(),
    state: z.enum(SOA_VERSION_STATES),
    createdAt: TimestampSchema,
    createdBy: z.string(),
    issuedAt: TimestampSchema.nullable(),
    issuedBy: z.string().nullable(),
    issueNote: z.string().nullable(),
    documentSha256: z.string().nullable().meta({ description: 'SHA-256 of the frozen document of an issued version' }),
  })
  .meta({ id: 'SoaVersion' });
export type SoaVersionOutput = z.infer<typeof SoaVersionSchema>;

export const SoaControlDecisionSchema = z
  .object({
    controlId: z.string(),
    applicability: z.enum(APPLICABILITIES),
    justification: z.string().nullable(),
    ownerUserId: IdSchema.nullable(),
    implementationPlan: z.string().nullable(),
    updatedAt: TimestampSchema,
    updatedBy: z.string(),
  })
  .meta({ id: 'SoaControlDecision' });
export type SoaControlDecisionOutput = z.infer<typeof SoaControlDecisionSchema>;

export const SoaEvidenceAcceptanceSchema = z
  .object({ id: IdSchema, controlId: z.string(), evidenceId: IdSchema, acceptedAt: TimestampSchema, acceptedBy: z.string(), note: z.string().nullable() })
  .meta({ id: 'SoaEvidenceAcceptance' });
export type SoaEvidenceAcceptanceOutput = z.infer<typeof SoaEvidenceAcceptanceSchema>;

export const SoaDiffSchema = z
  .object({
    from: z.number().int(),
    to: z.number().int(),
    controls: z.array(
      z.object({
        controlId: z.string(),
        title: z.string(),
        changes: z.array(z.object({ field: z.string(), from: z.string().nullable(), to: z.string().nullable() })),
      }),
    ),
  })
  .meta({ id: 'SoaDiff' });

export const SoaDiffQuerySchema = z.strictObject({
  from: z.coerce.number({ error: 'must be a version number' }).int({ error: 'must be a whole number' }).min(1, { error: 'must be at least 1' }),
  to: z.coerce.number({ error: 'must be a version number' }).int({ error: 'must be a whole number' }).min(1, { error: 'must be at least 1' }),
});

export const SoaControlFilterSchema = z.strictObject({
  status: z.enum(CONTROL_STATUSES, { error: `must be one of: ${CONTROL_STATUSES.join(', ')}` }).optional(),
  applicability: z.enum(APPLICABILITIES, { error: `must be one of: ${APPLICABILITIES.join(', ')}` }).optional(),
  ownerUserId: IdSchema.optional(),
  objectiveId: z.string().max(10).optional(),
});
export type SoaControlFilter = z.infer<typeof SoaControlFilterSchema>;

export const SOA_EXPORT_FORMATS = ['csv', 'html', 'oscal', 'json'] as const;
export const SoaExportQuerySchema = z.strictObject({
  format: z.enum(SOA_EXPORT_FORMATS, { error: `must be one of: ${SOA_EXPORT_FORMATS.join(', ')}` }),
  version: z.coerce.number({ error: 'must be a version number' }).int({ error: 'must be a whole number' }).min(1, { error: 'must be at least 1' }).optional().meta({ description: 'An issued version; the current draft when left out' }),
});

export const SoaImportResultSchema = z
  .object({ rowsRead: z.number().int(), controlsChanged: z.number().int(), controlsUnchanged: z.number().int() })
  .meta({ id: 'SoaImportResult' });
export type SoaImportResult = z.infer<typeof SoaImportResultSchema>;

/** The columns of the SoA CSV, in export order; import reads the same header. */
export const SOA_CSV_COLUMNS = ['control_id', 'title', 'applicability', 'justification', 'owner_email', 'implementation_plan', 'status', 'status_reasons', 'evidence'] as const;
/** Columns an import reads; the others are ignored (they are derived). */
export const SOA_CSV_IMPORTED = ['control_id', 'applicability', 'justification', 'owner_email', 'implementation_plan'] as const;
