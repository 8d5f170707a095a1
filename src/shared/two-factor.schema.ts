import { z } from 'zod';
import { PASSWORD_MAX_LENGTH, sessionSchema } from './auth.schema.js';
import { timestampSchema } from './common.schema.js';

/** How many recovery codes an account gets at a time. */
export const RECOVERY_CODE_COUNT = 10;

/** A 6-digit code from the authenticator app; spaces (as apps show them, "123 456") are ignored. */
export const totpCodeSchema = z
  .string()
  .transform((code) => code.replace(/\s+/g, ''))
  .pipe(z.string().regex(/^\d{6}$/, { message: 'Enter the 6-digit code from your authenticator app' }));

/**
 * The code a person types when asked for a second factor: the app's 6 digits, or one of their recovery
 * codes (`abcd-efgh-jkmn-pqrs`; case, spaces and dashes do not matter).
 */
export const secondFactorCodeSchema = z
  .string()
  .trim()
  .min(6, { message: 'Enter the 6-digit code from your authenticator app, or a recovery code' })
  .max(40, { message: 'Enter the 6-digit code from your authenticator app, or a recovery code' });

/** What the password step of sign-in answers when the account has two-factor sign-in: no tokens yet. */
export const twoFactorChallengeSchema = z.object({
  status: z.literal('two_factor_required'),
  /** Signed, short-lived proof that the password was right; send it back with the code. */
  challenge: z.string(),
  expires_in: z.number().int().describe('Seconds until the challenge expires and sign-in starts over'),
  message: z.string(),
  /** The account has a passkey: the second step may use it instead of a code. */
  passkey: z.boolean(),
});

export const twoFactorLoginBodySchema = z.strictObject({
  challenge: z.string().min(1).max(2000),
  code: secondFactorCodeSchema,
});

/** The signed-in account's two-factor state (Profile → Two-factor sign-in). */
export const twoFactorStatusSchema = z.object({
  /** Sign-in asks for a second factor: an authenticator app, a passkey, or both. */
  enabled: z.boolean(),
  /** When the authenticator app was confirmed, else when the oldest passkey was added. */
  enabled_at: timestampSchema.nullable(),
  /** An authenticator app (TOTP) is set up. */
  totp_enabled: z.boolean(),
  /** How many passkeys the account has. */
  passkeys: z.number().int(),
  /** Unused recovery codes left (0 when two-factor sign-in is off). */
  recovery_codes_left: z.number().int(),
});

/** A new secret waiting for its first code: scan the QR code, or type the secret into the app. */
export const twoFactorSetupSchema = z.object({
  /** Base32, for typing into an authenticator app that cannot scan. */
  secret: z.string(),
  otpauth_uri: z.string(),
  /** A PNG of the otpauth URI as a `data:` URL. */
  qr_code: z.string(),
});

export const enableTwoFactorBodySchema = z.strictObject({ code: totpCodeSchema });

/** Shown once: the server keeps only their digests. */
export const recoveryCodesSchema = z.object({ recovery_codes: z.array(z.string()) });

/** Enabling signs out every other session: the answer carries this client's new one. */
export const twoFactorEnabledSchema = recoveryCodesSchema.extend({ session: sessionSchema });

export const regenerateRecoveryCodesBodySchema = z.strictObject({
  password: z.string().min(1).max(PASSWORD_MAX_LENGTH),
});

export const disableTwoFactorBodySchema = z.strictObject({
  password: z.string().min(1).max(PASSWORD_MAX_LENGTH),
  code: secondFactorCodeSchema,
});

export type TwoFactorChallenge = z.infer<typeof twoFactorChallengeSchema>;
export type TwoFactorLoginBody = z.infer<typeof twoFactorLoginBodySchema>;
export type TwoFactorStatus = z.infer<typeof twoFactorStatusSchema>;
export type TwoFactorSetup = z.infer<typeof twoFactorSetupSchema>;
export type TwoFactorEnabled = z.infer<typeof twoFactorEnabledSchema>;
export type RecoveryCodes = z.infer<typeof recoveryCodesSchema>;
export type DisableTwoFactorBody = z.infer<typeof disableTwoFactorBodySchema>;
