import { AppError } from '#server/errors/app-error.js';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '#shared/auth.schema.js';
import { PASSWORD_WEAKNESSES as WEAK } from '#shared/password-weaknesses.js';
import { COMMON_PASSWORDS } from './common-passwords.js';

/** Why a password is refused, or undefined when it is acceptable. */
export function passwordWeakness(
  password: string,
  context: { email?: string; name?: string } = {},
): string | undefined {
  const lower = password.toLowerCase();
  if (password.length < PASSWORD_MIN_LENGTH) return WEAK.tooShort.message;
  if (password.length > PASSWORD_MAX_LENGTH) return WEAK.tooLong.message;
  if (COMMON_PASSWORDS.has(lower)) return WEAK.common.message;
  if (new Set(password).size <= 2) return WEAK.fewCharacters.message;
  const local = context.email?.split('@')[0]?.toLowerCase();
  if (local && local.length >= 4 && lower.includes(local)) return WEAK.hasEmail.message;
  const name = context.name?.trim().toLowerCase();
  if (name && name.length >= 4 && lower.includes(name)) return WEAK.hasName.message;
  return undefined;
}

/** Throw a field-level `weak_password` error when the policy refuses `password`. */
export function assertStrongPassword(
  password: string,
  field: string,
  context: { email?: string; name?: string } = {},
): void {
  const weakness = passwordWeakness(password, context);
  if (weakness) {
    throw new AppError('weak_password', weakness, {
      errors: [{ path: field, message: weakness, code: 'weak_password' }],
    });
  }
}
