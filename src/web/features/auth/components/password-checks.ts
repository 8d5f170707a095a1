import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '#shared/auth.schema.js';

/** One rule and whether the password meets it; `rule` names its text under `passwordHints.` (auth strings). */
export type PasswordCheck =
  | { rule: 'minLength'; min: number; met: true }
  | { rule: 'minLengthToGo'; min: number; count: number; met: false }
  | { rule: 'maxLength'; max: number; met: false };

/** The rules the server enforces that can be checked while typing (it also rejects common passwords). */
export function checkPassword(password: string): PasswordCheck[] {
  const length = password.length;
  const checks: PasswordCheck[] = [
    length >= PASSWORD_MIN_LENGTH
      ? { rule: 'minLength', min: PASSWORD_MIN_LENGTH, met: true }
      : { rule: 'minLengthToGo', min: PASSWORD_MIN_LENGTH, count: PASSWORD_MIN_LENGTH - length, met: false },
  ];
  if (length > PASSWORD_MAX_LENGTH) checks.push({ rule: 'maxLength', max: PASSWORD_MAX_LENGTH, met: false });
  return checks;
}
