import { z } from 'zod';
import { ROLES } from '../domain/access/roles.js';
import { EmailSchema, IdSchema, PasswordSchema, TimestampSchema, nameSchema, TEXT_ERROR } from './common.contracts.js';

export const RoleSchema = z.enum(ROLES, { error: `must be one of: ${ROLES.join(', ')}` }).meta({ description: 'Role within the organization' });

export const OrganizationSchema = z
  .object({ id: IdSchema, name: z.string(), createdAt: TimestampSchema })
  .meta({ id: 'Organization' });
export type OrganizationOutput = z.infer<typeof OrganizationSchema>;

export const CreateOrganizationInputSchema = z.strictObject({ name: nameSchema(120) });
export type CreateOrganizationInput = z.infer<typeof CreateOrganizationInputSchema>;

/** First run: creates the first organization and its admin. Needs the setup code the server printed. */
export const SetupInputSchema = z.strictObject({
  organizationName: nameSchema(120),
  adminEmail: EmailSchema,
  adminName: nameSchema(120),
  adminPassword: PasswordSchema,
  setupCode: z.string(TEXT_ERROR).min(1, { error: 'must not be empty' }).max(100),
});
export type SetupInput = z.infer<typeof SetupInputSchema>;

export const SetupStatusSchema = z.object({ initialized: z.boolean() });

export const UserSchema = z
  .object({
    id: IdSchema,
    email: z.string(),
    displayName: z.string(),
    role: RoleSchema,
    accessExpiresAt: TimestampSchema.nullable(),
    createdAt: TimestampSchema,
  })
  .meta({ id: 'User' });
export type UserOutput = z.infer<typeof UserSchema>;

export const AddUserInputSchema = z.strictObject({
  email: EmailSchema,
  displayName: nameSchema(120),
  password: PasswordSchema,
  role: RoleSchema,
  accessExpiresAt: TimestampSchema.optional().meta({ description: 'Required for external_auditor: when the access ends' }),
});
export type AddUserInput = z.infer<typeof AddUserInputSchema>;

export const UpdateUserInputSchema = z
  .strictObject({
    role: RoleSchema.optional(),
    accessExpiresAt: TimestampSchema.nullable().optional().meta({ description: 'When the access ends; null for no end (not allowed for external_auditor)' }),
  })
  .refine((v) => v.role !== undefined || v.accessExpiresAt !== undefined, { path: ['role'], error: 'give role, accessExpiresAt or both' });
export type UpdateUserInput = z.infer<typeof UpdateUserInputSchema>;

export const LoginInputSchema = z.strictObject({
  email: EmailSchema,
  password: z.string(TEXT_ERROR).min(1, { error: 'must not be empty' }).max(200),
  organizationId: IdSchema.optional().meta({ description: 'Which organization to enter when the user belongs to several' }),
});
export type LoginInput = z.infer<typeof LoginInputSchema>;

export const MeSchema = z
  .object({
    user: z.object({ id: IdSchema.nullable(), email: z.string().nullable(), displayName: z.string() }),
    organization: OrganizationSchema,
    role: RoleSchema,
    permissions: z.array(z.string()),
    via: z.enum(['session', 'token']),
    csrfToken: z.string().optional().meta({ description: 'For session callers: the token to echo in X-CSRF-Token (lets the web app recover it after a reload)' }),
  })
  .meta({ id: 'Me' });
export type MeOutput = z.infer<typeof MeSchema>;

export const SessionSchema = MeSchema.extend({
  csrfToken: z.string().meta({ description: 'Send back in the X-CSRF-Token header on every write made with the session cookie' }),
  expiresAt: TimestampSchema,
}).meta({ id: 'Session' });
export type SessionOutput = z.infer<typeof SessionSchema>;

export const MyOrganizationSchema = z
  .object({ id: IdSchema, name: z.string(), role: RoleSchema, current: z.boolean() })
  .meta({ id: 'MyOrganization' });
export type MyOrganizationOutput = z.infer<typeof MyOrganizationSchema>;

export const SwitchOrganizationInputSchema = z.strictObject({ organizationId: IdSchema });

export const ApiTokenSchema = z
  .object({
    id: IdSchema,
    name: z.string(),
    role: RoleSchema,
    userId: IdSchema,
    prefix: z.string().meta({ description: 'The first characters of the token, to recognise it; the secret is never shown again' }),
    createdAt: TimestampSchema,
    expiresAt: TimestampSchema.nullable(),
    revokedAt: TimestampSchema.nullable(),
    lastUsedAt: TimestampSchema.nullable(),
  })
  .meta({ id: 'ApiToken' });
export type ApiTokenOutput = z.infer<typeof ApiTokenSchema>;

export const CreatedApiTokenSchema = ApiTokenSchema.extend({
  token: z.string().meta({ description: 'The secret. Shown once, here; only its hash is stored' }),
}).meta({ id: 'CreatedApiToken' });
export type CreatedApiTokenOutput = z.infer<typeof CreatedApiTokenSchema>;

export const CreateApiTokenInputSchema = z.strictObject({
  email: EmailSchema.meta({ description: 'The user the token acts for; must belong to the organization' }),
  name: nameSchema(80),
  role: RoleSchema,
  expiresInDays: z
    .number({ error: 'must be a number' })
    .int({ error: 'must be a whole number' })
    .min(1, { error: 'must be at least 1' })
    .max(3650, { error: 'must be at most 3650' })
    .optional()
    .meta({ description: 'Days until the token stops working; omit for a token that does not expire' }),
});
export type CreateApiTokenInput = z.infer<typeof CreateApiTokenInputSchema>;
