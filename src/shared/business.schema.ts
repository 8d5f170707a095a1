import { z } from 'zod';
import { brandProfileSchema } from './brand.schema.js';
import { emailSchema, idSchema, listOf, pageOf, shortText, timestampSchema } from './common.schema.js';
import { ROLES } from './roles.js';

export const roleSchema = z.enum(ROLES);

/** An IANA time zone name that this runtime knows (`Europe/Paris`, `UTC`). */
export const timeZoneSchema = z
  .string()
  .max(64)
  .refine(
    (zone) => {
      try {
        new Intl.DateTimeFormat('en', { timeZone: zone });
        return true;
      } catch {
        return false;
      }
    },
    { message: 'Unknown time zone' },
  );

/** A BCP 47 language tag (`en`, `en-GB`, `fr-CA`). */
export const localeSchema = z
  .string()
  .max(35)
  .regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, { message: 'Use a language tag such as en or en-GB' });

const websiteSchema = z.url({ protocol: /^https?$/, message: 'Use an http(s) address' }).max(2048);

export const createBusinessBodySchema = z.strictObject({
  name: shortText(120),
  industry: z.string().trim().max(120).optional(),
  description: z.string().trim().max(4000).optional(),
  website: websiteSchema.optional(),
  time_zone: timeZoneSchema.default('UTC'),
  locale: localeSchema.default('en'),
  brand: brandProfileSchema.optional(),
});

export const updateBusinessBodySchema = z
  .strictObject({
    name: shortText(120).optional(),
    industry: z.string().trim().max(120).nullable().optional(),
    description: z.string().trim().max(4000).nullable().optional(),
    website: websiteSchema.nullable().optional(),
    time_zone: timeZoneSchema.optional(),
    locale: localeSchema.optional(),
    /** Replaces the whole brand profile. */
    brand: brandProfileSchema.optional(),
    /** Owners only: members must turn on two-factor sign-in before using the workspace. */
    require_two_factor: z.boolean().optional(),
  })
  .refine((body) => Object.keys(body).length > 0, { message: 'Change at least one field' });

/** A workspace as its member sees it, with that member's role. */
export const businessSchema = z.object({
  id: idSchema,
  name: z.string(),
  industry: z.string().nullable(),
  description: z.string().nullable(),
  website: z.string().nullable(),
  time_zone: z.string(),
  locale: z.string(),
  brand: brandProfileSchema,
  /** Members must have two-factor sign-in to use the workspace (its other routes answer 403 `two_factor_required`). */
  require_two_factor: z.boolean(),
  role: roleSchema,
  created_at: timestampSchema,
  updated_at: timestampSchema,
});
export const businessListSchema = listOf(businessSchema);

export const businessParamsSchema = z.strictObject({ id: idSchema });

export const memberSchema = z.object({
  user_id: idSchema,
  email: z.string(),
  name: z.string(),
  role: roleSchema,
  created_at: timestampSchema,
});
export const memberListSchema = listOf(memberSchema);
export const addMemberBodySchema = z.strictObject({ email: emailSchema, role: roleSchema });
/** A pending invitation: an address without an account, asked to join with a role. */
export const invitationSchema = z.object({
  id: idSchema,
  email: z.string(),
  role: roleSchema,
  invited_by: idSchema.nullable(),
  /** The accept link works until then (7 days from the latest send). */
  expires_at: timestampSchema,
  expired: z.boolean(),
  created_at: timestampSchema,
  updated_at: timestampSchema,
});
export const invitationListSchema = listOf(invitationSchema);
export const invitationParamsSchema = z.strictObject({ id: idSchema, invitationId: idSchema });
export const updateMemberBodySchema = z.strictObject({ role: roleSchema });
export const memberParamsSchema = z.strictObject({ id: idSchema, userId: idSchema });

/** API keys act as a non-owner member of one workspace. */
export const apiKeyRoleSchema = z.enum(['admin', 'editor', 'viewer']);
export const apiKeySchema = z.object({
  id: idSchema,
  name: z.string(),
  prefix: z.string().describe('The first characters of the key, to recognise it'),
  role: apiKeyRoleSchema,
  created_at: timestampSchema,
  last_used_at: timestampSchema.nullable(),
  revoked_at: timestampSchema.nullable(),
});
export const apiKeyListSchema = listOf(apiKeySchema);
export const createApiKeyBodySchema = z.strictObject({
  name: shortText(100),
  role: apiKeyRoleSchema.default('editor'),
});
/** The only response that ever contains the secret. */
export const createdApiKeySchema = z.object({ api_key: apiKeySchema, secret: z.string() });
export const apiKeyParamsSchema = z.strictObject({ id: idSchema, keyId: idSchema });

export const auditEntrySchema = z.object({
  id: idSchema,
  action: z.string(),
  actor_user_id: idSchema.nullable(),
  actor_api_key_id: idSchema.nullable(),
  target: z.string().nullable(),
  details: z.record(z.string(), z.unknown()),
  created_at: timestampSchema,
});
export const auditPageSchema = pageOf(auditEntrySchema);

export type Business = z.infer<typeof businessSchema>;
export type CreateBusinessBody = z.infer<typeof createBusinessBodySchema>;
export type UpdateBusinessBody = z.infer<typeof updateBusinessBodySchema>;
export type Member = z.infer<typeof memberSchema>;
export type AddMemberBody = z.infer<typeof addMemberBodySchema>;
export type Invitation = z.infer<typeof invitationSchema>;
export type ApiKey = z.infer<typeof apiKeySchema>;
export type ApiKeyRole = z.infer<typeof apiKeyRoleSchema>;
export type CreateApiKeyBody = z.infer<typeof createApiKeyBodySchema>;
export type CreatedApiKey = z.infer<typeof createdApiKeySchema>;
export type AuditEntry = z.infer<typeof auditEntrySchema>;
