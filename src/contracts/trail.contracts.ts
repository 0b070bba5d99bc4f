import { z } from 'zod';
import { IdSchema, PageQuerySchema, TimestampSchema } from './common.contracts.js';

export const TrailEventSchema = z
  .object({
    id: IdSchema,
    seq: z.number().int(),
    organizationId: IdSchema,
    actorType: z.enum(['user', 'token', 'system']),
    actorId: z.string().nullable(),
    actorLabel: z.string(),
    action: z.string(),
    entityType: z.string(),
    entityId: z.string(),
    before: z.unknown(),
    after: z.unknown(),
    at: TimestampSchema,
    prevHash: z.string(),
    hash: z.string(),
  })
  .meta({ id: 'TrailEvent' });
export type TrailEventOutput = z.infer<typeof TrailEventSchema>;

export const TrailQuerySchema = PageQuerySchema.extend({
  entityType: z.string().max(60).optional(),
  entityId: z.string().max(100).optional(),
  actorId: z.string().max(100).optional(),
  from: TimestampSchema.optional().meta({ description: 'Events at or after this time' }),
  to: TimestampSchema.optional().meta({ description: 'Events before this time' }),
});
export type TrailQuery = z.infer<typeof TrailQuerySchema>;

const StateMismatchSchema = z.object({ organizationId: z.string(), entityType: z.string(), entityId: z.string(), message: z.string() });
const FileMismatchSchema = z.object({ organizationId: z.string(), evidenceId: z.string(), sha256: z.string(), message: z.string() });

export const TrailVerificationSchema = z
  .object({
    ok: z.boolean().meta({ description: 'True when the chain is intact, the records match it and every evidence file matches its hash' }),
    organizations: z.number().int(),
    eventsChecked: z.number().int(),
    state: z
      .object({ recordsChecked: z.number().int(), firstMismatch: StateMismatchSchema.nullable() })
      .meta({ description: 'Current records compared with the last state the trail recorded for each' }),
    files: z
      .object({ checked: z.number().int(), firstMismatch: FileMismatchSchema.nullable() })
      .nullable()
      .meta({ description: 'Evidence files re-hashed against the sha256 recorded at upload; null when not checked' }),
    firstBreak: z
      .object({
        organizationId: z.string(),
        seq: z.number().int(),
        eventId: z.string().nullable(),
        reason: z.string(),
        message: z.string(),
      })
      .nullable(),
  })
  .meta({ id: 'TrailVerification' });
export type TrailVerificationOutput = z.infer<typeof TrailVerificationSchema>;
