import { z } from 'zod';
import { emailSchema, shortText } from './common.schema.js';
import { ROLES } from './roles.js';
import { languageSchema } from './session.schema.js';

export const PASSWORD_MIN_LENGTH = 10;
/** How long a sign-up confirmation link works (the web app says so after sign-up). */
export const SIGN_UP_LINK_HOURS = 24;
export const PASSWORD_MAX_LENGTH = 200;

export { emailSchema } from './common.schema.js';
export {
  languageSchema,
  type Session,
  sessionSchema,
  type User,
  userSchema,
} from './session.schema.js';

/** Length only; the server also rejects common passwords. */
export const passwordSchema = z
  .string()
  .min(PASSWORD_MIN_LENGTH, { message: `Use at least ${PASSWORD_MIN_LENGTH} characters` })
  .max(PASSWORD_MAX_LENGTH, { message: `Use at most ${PASSWORD_MAX_LENGTH} characters` });

export const userNameSchema = shortText(100);

/** An emailed token (password reset, sign-up confirmation, invitation): URL-safe base64. */
export const emailTokenSchema = z
  .string()
  .regex(/^[A-Za-z0-9_-]{20,100}$/, { message: 'This link is not complete; open it from the email again' });

export const registerBodySchema = z.strictObject({
  email: emailSchema,
  password: passwordSchema,
  name: userNameSchema,
  /** The interface's language at sign-up: the confirmation email is already written in it. */
  language: languageSchema.optional(),
  /** From an invitation's accept link: the account joins that workspace, with no confirmation email. */
  invitation_token: emailTokenSchema.optional(),
});

/**
 * What sign-up answers when it confirms addresses by email: the same for an address that has an account
 * and one that has not, so registration cannot tell which addresses have accounts.
 */
export const signUpPendingSchema = z.object({
  status: z.literal('check_email'),
  message: z.string(),
});

export const confirmSignUpBodySchema = z.strictObject({ token: emailTokenSchema });
export const forgotPasswordBodySchema = z.strictObject({ email: emailSchema });
export const resetPasswordBodySchema = z.strictObject({
  token: emailTokenSchema,
  new_password: passwordSchema,
});
export const checkResetTokenBodySchema = z.strictObject({ token: emailTokenSchema });

/** What an invitation's accept link is for (the sign-up page shows it). */
export const invitationInfoSchema = z.object({
  email: z.string(),
  workspace_name: z.string(),
  role: z.enum(ROLES),
});

/**
 * How people sign up without an invitation (the operator's `SIGN_UP`): `confirm_by_email` answers
 * "check your email" for every address; `immediate` signs in at once (a taken address answers 409);
 * `closed` takes invitations only.
 */
export const SIGN_UP_MODES = ['confirm_by_email', 'immediate', 'closed'] as const;
export type SignUpMode = (typeof SIGN_UP_MODES)[number];

/** What the sign-in and sign-up pages need to know about this server before anyone signs in. */
export const authOptionsSchema = z.object({
  /** `smtp` sends email; `outbox` keeps it on the server (development); `none` cannot send. */
  mail: z.enum(['smtp', 'outbox', 'none']),
  /**
   * `confirm_by_email`: sign-up answers "check your email" (with `mail: none`, only the instance's first
   * account can sign up, at once; later ones answer 503); `immediate`: it signs in at once; `closed`:
   * invitations only.
   */
  sign_up: z.enum(SIGN_UP_MODES),
});

export const loginBodySchema = z.strictObject({
  email: emailSchema,
  password: z.string().min(1).max(PASSWORD_MAX_LENGTH),
});

export const updateMeBodySchema = z
  .strictObject({
    name: userNameSchema.optional(),
    email: emailSchema.optional(),
    language: languageSchema.optional(),
  })
  .refine((body) => body.name !== undefined || body.email !== undefined || body.language !== undefined, {
    message: 'Change at least one field',
  });

export const changePasswordBodySchema = z.strictObject({
  current_password: z.string().min(1).max(PASSWORD_MAX_LENGTH),
  new_password: passwordSchema,
});

export type RegisterBody = z.infer<typeof registerBodySchema>;
export type SignUpPending = z.infer<typeof signUpPendingSchema>;
export type ResetPasswordBody = z.infer<typeof resetPasswordBodySchema>;
export type AuthOptions = z.infer<typeof authOptionsSchema>;
export type InvitationInfo = z.infer<typeof invitationInfoSchema>;
export type LoginBody = z.infer<typeof loginBodySchema>;
export type UpdateMeBody = z.infer<typeof updateMeBodySchema>;
export type ChangePasswordBody = z.infer<typeof changePasswordBodySchema>;

export { AUTH_COOKIES, CSRF_HEADER } from './auth-cookies.js';
