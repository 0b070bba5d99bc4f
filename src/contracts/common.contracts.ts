import { z } from 'zod';

/** "is required" when absent, "must be text" when present with another type. */
export const TEXT_ERROR = { error: (issue: { input?: unknown }) => (issue.input === undefined ? 'is required' : 'must be text') };

/** Ids are UUIDs (time-ordered v7 for our own rows). */
export const IdSchema = z.uuid({ error: (issue) => (issue.input === undefined ? 'is required' : 'must be a UUID') }).meta({ description: 'Identifier (UUID)', example: '0193b8e2-8c4f-7a51-9a7e-3f1c2b4d5e6f' });

/** Timestamps travel as ISO-8601 strings in UTC. */
export const TimestampSchema = z.iso.datetime({ offset: true, error: 'must be an ISO-8601 date-time, e.g. 2026-01-31T12:00:00Z' });

/** Calendar dates (validity of evidence, review dates). */
export const DateSchema = z.iso.date({ error: 'must be a date like 2026-01-31' });

export const EmailSchema = z
  .email({ error: 'must be an email address' })
  .max(254, { error: 'must be at most 254 characters' })
  .transform((email) => email.toLowerCase())
  .meta({ description: 'Email address (case-insensitive)', example: 'lead@example.com' });

/** Passwords: long enough to resist guessing, short enough to bound the hashing cost. */
export const PasswordSchema = z
  .string(TEXT_ERROR)
  .min(12, { error: 'must be at least 12 characters' })
  .max(200, { error: 'must be at most 200 characters' });

/** A short human name for a thing: trimmed, non-empty, bounded. */
export function nameSchema(max = 200) {
  return z
    .string(TEXT_ERROR)
    .trim()
    .min(1, { error: 'must not be empty' })
    .max(max, { error: `must be at most ${max} characters` });
}

export const PageQuerySchema = z.strictObject({
  limit: z.coerce
    .number({ error: 'must be a number' })
    .int({ error: 'must be a whole number' })
    .min(1, { error: 'must be at least 1' })
    .max(200, { error: 'must be at most 200' })
    .default(50)
    .meta({ description: 'Page size (1–200, default 50)' }),
  cursor: z.string().max(200, { error: 'is not a valid cursor' }).optional().meta({ description: 'Opaque cursor from the previous page\'s nextCursor' }),
});
export type PageQuery = z.infer<typeof PageQuerySchema>;

/** A page of a list: cursor pagination, `nextCursor` is null on the last page. */
export function pageSchema<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), nextCursor: z.string().nullable() });
}
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export const FieldIssueSchema = z.object({ field: z.string(), reason: z.string() });

export const ErrorResponseSchema = z
  .object({
    error: z.object({
      code: z.string().meta({ example: 'VALIDATION_FAILED' }),
      message: z.string(),
      details: z.object({ fields: z.array(FieldIssueSchema).optional() }).catchall(z.unknown()),
    }),
  })
  .meta({ id: 'Error' });

export const HealthSchema = z.object({ status: z.literal('ok') });
