import { z } from 'zod';
import { PASSWORD_MAX_LENGTH, sessionSchema } from './auth.schema.js';
import { idSchema, listOf, timestampSchema } from './common.schema.js';
import { secondFactorCodeSchema } from './two-factor.schema.js';

// The WebAuthn JSON shapes (W3C WebAuthn Level 3, "JSON serialisation"), as browsers and
// @simplewebauthn/browser send them. Binary fields are base64url strings. The server checks their
// contents (signatures, origin, challenge); these only bound their size and shape.

const base64url = z
  .string()
  .max(16_384)
  .regex(/^[A-Za-z0-9_-]*$/, { message: 'Expected base64url' });
const credentialDescriptorSchema = z.object({
  id: z.string(),
  type: z.string(),
  transports: z.array(z.string()).optional(),
});
const userVerificationSchema = z.enum(['discouraged', 'preferred', 'required']);
// The extensions the server asks for (credProps: whether the browser made a discoverable passkey).
const extensionsSchema = z.object({ credProps: z.boolean().optional() }).optional();

/** What `navigator.credentials.create` needs to make a passkey (PublicKeyCredentialCreationOptionsJSON). */
export const passkeyRegistrationOptionsSchema = z.object({
  rp: z.object({ name: z.string(), id: z.string().optional() }),
  user: z.object({ id: z.string(), name: z.string(), displayName: z.string() }),
  challenge: z.string(),
  pubKeyCredParams: z.array(z.object({ alg: z.number().int(), type: z.literal('public-key') })),
  timeout: z.number().int().optional(),
  excludeCredentials: z.array(credentialDescriptorSchema).optional(),
  authenticatorSelection: z
    .object({
      authenticatorAttachment: z.enum(['cross-platform', 'platform']).optional(),
      requireResidentKey: z.boolean().optional(),
      residentKey: z.enum(['discouraged', 'preferred', 'required']).optional(),
      userVerification: userVerificationSchema.optional(),
    })
    .optional(),
  attestation: z.enum(['direct', 'enterprise', 'indirect', 'none']).optional(),
  extensions: extensionsSchema,
  hints: z.array(z.enum(['client-device', 'hybrid', 'security-key'])).optional(),
});

/** What `navigator.credentials.get` needs to sign with a passkey (PublicKeyCredentialRequestOptionsJSON). */
export const passkeyAuthenticationOptionsSchema = z.object({
  challenge: z.string(),
  timeout: z.number().int().optional(),
  rpId: z.string().optional(),
  allowCredentials: z.array(credentialDescriptorSchema).optional(),
  userVerification: userVerificationSchema.optional(),
  extensions: extensionsSchema,
  hints: z.array(z.enum(['client-device', 'hybrid', 'security-key'])).optional(),
});

/** The browser's answer to `navigator.credentials.create` (RegistrationResponseJSON). */
export const passkeyRegistrationResponseSchema = z.object({
  id: base64url,
  rawId: base64url,
  type: z.literal('public-key'),
  response: z.object({
    clientDataJSON: base64url,
    attestationObject: base64url,
    // Free strings: browsers add transports over time, and the server only stores them as hints.
    transports: z.array(z.string().max(32)).max(16).optional(),
  }),
  authenticatorAttachment: z.enum(['cross-platform', 'platform']).optional(),
  clientExtensionResults: z.record(z.string(), z.unknown()),
});

/** The browser's answer to `navigator.credentials.get` (AuthenticationResponseJSON). */
export const passkeyAuthenticationResponseSchema = z.object({
  id: base64url,
  rawId: base64url,
  type: z.literal('public-key'),
  response: z.object({
    clientDataJSON: base64url,
    authenticatorData: base64url,
    signature: base64url,
    userHandle: base64url.optional(),
  }),
  authenticatorAttachment: z.enum(['cross-platform', 'platform']).optional(),
  clientExtensionResults: z.record(z.string(), z.unknown()),
});

/** A passkey as its owner sees it in Profile → Two-factor sign-in. */
export const passkeySchema = z.object({
  id: idSchema,
  name: z.string(),
  transports: z.array(z.string()),
  created_at: timestampSchema,
  last_used_at: timestampSchema.nullable(),
});

export const passkeyListSchema = listOf(passkeySchema);

export const passkeyNameSchema = z
  .string()
  .trim()
  .min(1, { message: 'Give the passkey a name, such as the device it lives on' })
  .max(60, { message: 'At most 60 characters' });

export const addPasskeyBodySchema = z.strictObject({
  name: passkeyNameSchema,
  response: passkeyRegistrationResponseSchema,
});

/**
 * A passkey was added. When it is the account's first second factor, two-factor sign-in has just turned
 * on: every other session was signed out (`session` is this client's new one) and, if the account had
 * none left, `recovery_codes` holds new recovery codes, shown this once. Otherwise both are empty.
 */
export const passkeyAddedSchema = z.object({
  passkey: passkeySchema,
  recovery_codes: z.array(z.string()),
  session: sessionSchema.nullable(),
});

/** Removing a passkey needs the password; removing the last second factor also a code or recovery code. */
export const removePasskeyBodySchema = z.strictObject({
  password: z.string().min(1).max(PASSWORD_MAX_LENGTH),
  code: secondFactorCodeSchema.optional(),
});

export const passkeySignInOptionsBodySchema = z.strictObject({
  challenge: z.string().min(1).max(2000),
});

export const passkeyLoginBodySchema = z.strictObject({
  challenge: z.string().min(1).max(2000),
  response: passkeyAuthenticationResponseSchema,
});

export type Passkey = z.infer<typeof passkeySchema>;
export type PasskeyAdded = z.infer<typeof passkeyAddedSchema>;
export type PasskeyRegistrationOptions = z.infer<typeof passkeyRegistrationOptionsSchema>;
export type PasskeyAuthenticationOptions = z.infer<typeof passkeyAuthenticationOptionsSchema>;
export type PasskeyRegistrationResponse = z.infer<typeof passkeyRegistrationResponseSchema>;
export type PasskeyAuthenticationResponse = z.infer<typeof passkeyAuthenticationResponseSchema>;
export type AddPasskeyBody = z.infer<typeof addPasskeyBodySchema>;
export type RemovePasskeyBody = z.infer<typeof removePasskeyBodySchema>;
export type PasskeyLoginBody = z.infer<typeof passkeyLoginBodySchema>;
