import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from './auth.schema.js';

/**
 * Why the server refuses a password (`weak_password`), as its field error says it. Here rather than beside
 * the policy (src/server/services/access/security/password-policy.ts) so the web app's catalogue of field
 * messages is checked against them like the schemas' own (test/architecture/validation-messages.test.ts)
 * and a French reader is told why in French.
 */
export const PASSWORD_WEAKNESSES = {
  tooShort: { message: `Use at least ${PASSWORD_MIN_LENGTH} characters` },
  tooLong: { message: `Use at most ${PASSWORD_MAX_LENGTH} characters` },
  common: { message: 'This password is one of the most common; choose another' },
  fewCharacters: { message: 'Use more than two different characters' },
  hasEmail: { message: 'Do not use your email address in your password' },
  hasName: { message: 'Do not use your name in your password' },
} as const;
