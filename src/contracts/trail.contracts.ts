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

export const TrailVerificationSchema = z
  .object({
    ok: z.boolean(),
    organizations: z.number().int(),
    eventsChecked: z.number().int(),
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
