import { z } from 'zod';
import { sessionSchema } from '#shared/auth.schema.js';
import { twoFactorChallengeSchema } from '#shared/two-factor.schema.js';

// The schemas sign-in checks answers with, loaded when the person signs in (see sign-in.ts).

/** A session, or (two-factor sign-in on) the challenge to send back with a code. */
export const signInAnswerSchema = z.union([twoFactorChallengeSchema, sessionSchema]);

export { sessionSchema };
