import { AppError } from '#server/errors/app-error.js';
import type { Repositories } from '#server/repositories/index.js';
import type { LoginThrottle } from './security/login-throttle.js';
import type { PasswordHasher } from './security/passwords.js';
import { normaliseRecoveryCode, recoveryCodeDigest } from './security/recovery-codes.js';
import type { SecretBox } from './security/secret-box.js';
import type { Totp } from './security/totp.js';

export interface SecondFactorDeps {
  repos: Repositories;
  secretBox: SecretBox;
  totp: Totp;
  /** Wrong codes slow down like wrong passwords. */
  throttle: LoginThrottle;
  now: () => Date;
}

/** What a code check found. */
export type SecondFactorCheck = 'accepted' | 'rejected' | 'throttled';

/**
 * Checks the second factor of an account that has two-factor sign-in on: a code from the authenticator
 * app (each time step works once) or an unused recovery code (spent by the check). Failures are counted
 * per account, not per address: whoever sends codes already has the password, and 3 codes in a million
 * are valid at any moment, so spreading guesses over many addresses must not help.
 */
export class SecondFactor {
  constructor(private readonly deps: SecondFactorDeps) {}

  /** `retryAfterSeconds` is set when the check was refused because of earlier failures. */
  async check(
    userId: string,
    typed: string,
    repos: Repositories = this.deps.repos,
  ): Promise<{ result: SecondFactorCheck; retryAfterSeconds?: number }> {
    const { throttle } = this.deps;
    const key = throttleKey(userId);
    const wait = await throttle.retryAfterSeconds(key);
    if (wait > 0) return { result: 'throttled', retryAfterSeconds: wait };
    const accepted = await this.accepts(userId, typed, repos);
    await (accepted ? throttle.recordSuccess(key) : throttle.recordFailure(key));
    return { result: accepted ? 'accepted' : 'rejected' };
  }

  /** Check a code against a secret that is not enabled yet (enrolment), throttled the same way. */
  async checkPending(
    userId: string,
    secret: string,
    code: string,
  ): Promise<{ step?: number; retryAfterSeconds?: number }> {
    const { throttle, totp } = this.deps;
    const key = throttleKey(userId);
    const wait = await throttle.retryAfterSeconds(key);
    if (wait > 0) return { retryAfterSeconds: wait };
    const step = await totp.matchingStep(secret, code);
    await (step === undefined ? throttle.recordFailure(key) : throttle.recordSuccess(key));
    return step === undefined ? {} : { step };
  }

  private openSecret(sealed: string): string | undefined {
    return openSecret(this.deps.secretBox, sealed);
  }

  private async accepts(userId: string, typed: string, repos: Repositories): Promise<boolean> {
    const at = this.deps.now().toISOString();
    const digits = typed.replace(/\s+/g, '');
    if (/^\d{6}$/.test(digits)) {
      const credential = await repos.twoFactor.findCredential(userId);
      if (!credential?.enabled_at) return false;
      const secret = this.openSecret(credential.secret_sealed);
      if (secret === undefined) return false;
      const step = await this.deps.totp.matchingStep(secret, digits, credential.last_used_step);
      return step !== undefined && (await repos.twoFactor.claimStep(userId, step, at));
    }
    const code = normaliseRecoveryCode(typed);
    return (
      code !== undefined && (await repos.twoFactor.spendRecoveryCode(userId, recoveryCodeDigest(code), at))
    );
  }
}

/**
 * A sealed TOTP secret in the clear, or undefined when `SECRET_KEY` changed since it was sealed: the
 * account then signs in with a recovery code (docs/accounts.md, "Limits") instead of failing with a 500.
 */
export function openSecret(secretBox: SecretBox, sealed: string): string | undefined {
  try {
    return secretBox.open(sealed);
  } catch {
    return undefined;
  }
}

/** Failed second factors of one account, whatever the method (codes, recovery codes, passkeys). */
export function throttleKey(userId: string): string {
  return `two-factor|${userId}`;
}

/** Whether sign-in asks `userId` for a second factor: an authenticator app is on, or a passkey exists. */
export async function hasSecondFactor(repos: Repositories, userId: string): Promise<boolean> {
  const credential = await repos.twoFactor.findCredential(userId);
  return credential?.enabled_at != null || (await repos.passkeys.hasAny(userId));
}

/** Re-authentication for a security change: the account's password, or `invalid_credentials` on `path`. */
export async function requirePassword(
  repos: Repositories,
  passwords: PasswordHasher,
  userId: string,
  password: string,
  path: string,
): Promise<void> {
  const user = await repos.users.findById(userId);
  if (!user) throw new AppError('unauthenticated');
  if (!(await passwords.verify(user.password_hash, password))) {
    const message = 'Your password is not correct';
    throw new AppError('invalid_credentials', message, {
      errors: [{ path, message, code: 'invalid_credentials' }],
    });
  }
}

export function wrongCode(path: string): AppError {
  const message = 'That code is not correct, or it was already used';
  return new AppError('invalid_two_factor_code', message, {
    errors: [{ path, message, code: 'invalid_two_factor_code' }],
  });
}

export function tooManyCodes(retryAfterSeconds: number): AppError {
  return new AppError('rate_limited', 'Too many wrong codes', { retryAfterSeconds });
}
