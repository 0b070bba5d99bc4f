import { z } from 'zod';
import { ROLES } from '../domain/access/roles.js';
import { IdSchema, TEXT_ERROR } from './common.contracts.js';

/** Roles SSO may grant: external auditors need an end date, which an identity provider does not give. */
const SSO_ROLES = ROLES.filter((r) => r !== 'external_auditor');
const SsoRoleSchema = z.enum(SSO_ROLES as [string, ...string[]], { error: `must be one of: ${SSO_ROLES.join(', ')} (external auditors are added by an admin, with an end date)` });

const HttpUrlSchema = z
  .string(TEXT_ERROR)
  .max(500, { error: 'must be at most 500 characters' })
  .refine((v) => {
    try {
      const u = new URL(v);
      return u.protocol === 'https:' || u.protocol === 'http:';
    } catch {
      return false;
    }
  }, { error: 'must be an https URL (http only on loopback)' });

/** An organization's OpenID Connect settings, as an admin sets them. The client secret is write-only. */
export const ConfigureSsoInputSchema = z.strictObject({
  issuer: HttpUrlSchema.meta({ description: "The identity provider's issuer URL; its /.well-known/openid-configuration is read at each login" }),
  clientId: z.string(TEXT_ERROR).min(1, { error: 'must not be empty' }).max(300, { error: 'must be at most 300 characters' }),
  clientSecret: z
    .string(TEXT_ERROR)
    .min(1, { error: 'must not be empty' })
    .max(500, { error: 'must be at most 500 characters' })
    .nullable()
    .optional()
    .meta({ description: 'Stored encrypted with AIMS_SECRETS_KEY, never returned. Omit to keep the stored one, null to remove it (a public client using PKCE only)' }),
  scopes: z.array(z.string().regex(/^[\x21\x23-\x5B\x5D-\x7E]+$/, { error: 'must be a scope token' })).max(20).default(['openid', 'email', 'profile']),
  roleClaim: z.string(TEXT_ERROR).min(1).max(100).nullable().default(null).meta({ description: 'The ID token claim holding group or role names, e.g. groups' }),
  roleMap: z.record(z.string().min(1).max(200), SsoRoleSchema).default({}).meta({ description: 'Claim value → role; the first role in privilege order wins when several match' }),
  defaultRole: SsoRoleSchema.nullable().default(null).meta({ description: 'Role for people whose claim maps to none; null refuses them' }),
  enabled: z.boolean({ error: 'must be true or false' }),
  localLoginDisabled: z.boolean({ error: 'must be true or false' }).default(false).meta({ description: 'Refuse password logins into this organization (SSO only)' }),
});
export type ConfigureSsoInput = z.infer<typeof ConfigureSsoInputSchema>;

export const SsoSettingsSchema = z
  .object({
    organizationId: IdSchema,
    issuer: z.string(),
    clientId: z.string(),
    hasClientSecret: z.boolean(),
    /** Changes whenever the stored secret changes; reveals nothing about it. */
    clientSecretFingerprint: z.string().nullable(),
    scopes: z.array(z.string()),
    roleClaim: z.string().nullable(),
    roleMap: z.record(z.string(), z.string()),
    defaultRole: z.string().nullable(),
    enabled: z.boolean(),
    localLoginDisabled: z.boolean(),
    loginUrl: z.string().meta({ description: 'Where people of this organization start an SSO login' }),
    updatedAt: z.string(),
    updatedBy: z.string(),
  })
  .meta({ id: 'SsoSettings' });
export type SsoSettingsOutput = z.infer<typeof SsoSettingsSchema>;

export const SsoStartParamsSchema = z.strictObject({ organizationId: IdSchema });
export const SsoStartQuerySchema = z.strictObject({
  returnTo: z.string().max(500).regex(/^\/(?!\/)[^\s\\]*$/, { error: 'must be a path on this server, like /evidence' }).optional(),
});
export const SsoCallbackQuerySchema = z
  .object({ state: z.string().max(500).optional(), code: z.string().max(4000).optional(), error: z.string().max(200).optional(), error_description: z.string().max(1000).optional(), iss: z.string().max(500).optional() })
  .catchall(z.string());
