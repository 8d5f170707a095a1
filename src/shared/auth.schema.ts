import { z } from 'zod';
import { idSchema, shortText, timestampSchema } from './common.schema.js';

export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 200;

/** Emails are trimmed and lower-cased so one person has one account. */
export const emailSchema = z
  .string()
  .trim()
  .max(254)
  .pipe(z.email({ message: 'Enter a valid email address' }))
  .transform((email) => email.toLowerCase());

/** Length only; the server also rejects common passwords. */
export const passwordSchema = z
  .string()
  .min(PASSWORD_MIN_LENGTH, { message: `Use at least ${PASSWORD_MIN_LENGTH} characters` })
  .max(PASSWORD_MAX_LENGTH, { message: `Use at most ${PASSWORD_MAX_LENGTH} characters` });

export const userNameSchema = shortText(100);

export const registerBodySchema = z.strictObject({
  email: emailSchema,
  password: passwordSchema,
  name: userNameSchema,
});

export const loginBodySchema = z.strictObject({
  email: emailSchema,
  password: z.string().min(1).max(PASSWORD_MAX_LENGTH),
});

export const updateMeBodySchema = z
  .strictObject({ name: userNameSchema.optional(), email: emailSchema.optional() })
  .refine((body) => body.name !== undefined || body.email !== undefined, {
    message: 'Change at least one field',
  });

export const changePasswordBodySchema = z.strictObject({
  current_password: z.string().min(1).max(PASSWORD_MAX_LENGTH),
  new_password: passwordSchema,
});

export const userSchema = z.object({
  id: idSchema,
  email: z.string(),
  name: z.string(),
  created_at: timestampSchema,
  updated_at: timestampSchema,
});

/** What login, register, refresh and password change answer; the refresh token travels as a cookie. */
export const sessionSchema = z.object({
  access_token: z.string(),
  token_type: z.literal('Bearer'),
  expires_in: z.number().int().describe('Seconds until the access token expires'),
  user: userSchema,
});

export type RegisterBody = z.infer<typeof registerBodySchema>;
export type LoginBody = z.infer<typeof loginBodySchema>;
export type UpdateMeBody = z.infer<typeof updateMeBodySchema>;
export type ChangePasswordBody = z.infer<typeof changePasswordBodySchema>;
export type User = z.infer<typeof userSchema>;
export type Session = z.infer<typeof sessionSchema>;

/** Cookie and header names shared by the server and the web client. */
export const AUTH_COOKIES = { refresh: 'mcc_refresh', csrf: 'mcc_csrf' } as const;
export const CSRF_HEADER = 'x-csrf-token';
