import { z } from 'zod';
import { idSchema, timestampSchema } from './common.schema.js';
import { LANGUAGES } from './languages.js';

// The signed-in person and their session, apart from the rest of auth.schema.ts (which re-exports them):
// every page load with a session restores it through these, and the account forms' schemas are not needed.

/** The language a person reads the app in; their emails are written in it. */
export const languageSchema = z
  .enum(LANGUAGES)
  .describe('The language the person reads the app in (ISO 639-1); their emails are written in it');

export const userSchema = z.object({
  id: idSchema,
  email: z.string(),
  name: z.string(),
  /** Null until the person picks one (or signs up from the web app): emails are then in English. */
  language: languageSchema.nullable(),
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

export type User = z.infer<typeof userSchema>;
export type Session = z.infer<typeof sessionSchema>;
