import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '#shared/auth.schema.js';

export interface PasswordCheck {
  label: string;
  met: boolean;
}

/** The rules the server enforces that can be checked while typing (it also rejects common passwords). */
export function checkPassword(password: string): PasswordCheck[] {
  const length = password.length;
  const checks: PasswordCheck[] = [
    {
      label:
        length >= PASSWORD_MIN_LENGTH
          ? `At least ${PASSWORD_MIN_LENGTH} characters`
          : `At least ${PASSWORD_MIN_LENGTH} characters (${PASSWORD_MIN_LENGTH - length} to go)`,
      met: length >= PASSWORD_MIN_LENGTH,
    },
  ];
  if (length > PASSWORD_MAX_LENGTH)
    checks.push({ label: `At most ${PASSWORD_MAX_LENGTH} characters`, met: false });
  return checks;
}
