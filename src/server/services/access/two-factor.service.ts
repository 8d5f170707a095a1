import QRCode from 'qrcode';
import { AppError } from '#server/errors/app-error.js';
import type { Repositories } from '#server/repositories/index.js';
import {
  type DisableTwoFactorBody,
  RECOVERY_CODE_COUNT,
  type TwoFactorSetup,
  type TwoFactorStatus,
} from '#shared/two-factor.schema.js';
import type { AuthService, IssuedSession } from './auth.service.js';
import { openSecret, type SecondFactor, tooManyCodes, wrongCode } from './second-factor.js';
import type { PasswordHasher } from './security/passwords.js';
import { newRecoveryCode, normaliseRecoveryCode, recoveryCodeDigest } from './security/recovery-codes.js';
import type { SecretBox } from './security/secret-box.js';
import type { Totp } from './security/totp.js';

export interface TwoFactorServiceDeps {
  repos: Repositories;
  passwords: PasswordHasher;
  secretBox: SecretBox;
  totp: Totp;
  secondFactor: SecondFactor;
  auth: Pick<AuthService, 'replaceSessions'>;
  now: () => Date;
}

/** Turning two-factor sign-in on and off for one's own account, and its recovery codes. */
export class TwoFactorService {
  constructor(private readonly deps: TwoFactorServiceDeps) {}

  async status(userId: string): Promise<TwoFactorStatus> {
    const { repos } = this.deps;
    const credential = await repos.twoFactor.findCredential(userId);
    if (!credential?.enabled_at) return { enabled: false, enabled_at: null, recovery_codes_left: 0 };
    return {
      enabled: true,
      enabled_at: credential.enabled_at,
      recovery_codes_left: await repos.twoFactor.countUnusedRecoveryCodes(userId),
    };
  }

  /** A new secret, sealed at rest, waiting for its first code; replaces an earlier unconfirmed one. */
  async start(userId: string): Promise<TwoFactorSetup> {
    const { repos, secretBox, totp, now } = this.deps;
    const user = await repos.users.findById(userId);
    if (!user) throw new AppError('unauthenticated');
    const secret = totp.newSecret();
    if (!(await repos.twoFactor.savePending(userId, secretBox.seal(secret), now().toISOString()))) {
      throw alreadyOn();
    }
    const otpauthUri = totp.uri(secret, user.email);
    const qrCode = await QRCode.toDataURL(otpauthUri, { errorCorrectionLevel: 'M', margin: 2, width: 240 });
    return { secret, otpauth_uri: otpauthUri, qr_code: qrCode };
  }

  /**
   * Confirm enrolment with a first code: two-factor sign-in is on, every other session ends (it was
   * signed in without the second factor), and the recovery codes are returned, this once.
   */
  async enable(userId: string, code: string): Promise<{ issued: IssuedSession; recoveryCodes: string[] }> {
    const { repos, secretBox, secondFactor, now } = this.deps;
    const credential = await repos.twoFactor.findCredential(userId);
    if (credential?.enabled_at) throw alreadyOn();
    if (!credential) {
      throw new AppError('conflict', 'Start setting up two-factor sign-in first: scan a new QR code');
    }
    const secret = openSecret(secretBox, credential.secret_sealed);
    if (secret === undefined) {
      throw new AppError('conflict', 'This setup can no longer be read; start again with a new QR code');
    }
    const { step, retryAfterSeconds } = await secondFactor.checkPending(userId, secret, code);
    if (retryAfterSeconds) throw tooManyCodes(retryAfterSeconds);
    if (step === undefined) throw wrongCode('body.code');
    const recoveryCodes = newRecoveryCodes();
    const issued = await this.deps.auth.replaceSessions(userId, async (trx) => {
      const at = now().toISOString();
      if (!(await trx.twoFactor.enable(userId, step, at))) throw alreadyOn();
      await trx.twoFactor.replaceRecoveryCodes(userId, recoveryCodes.map(digestOf), at);
    });
    return { issued, recoveryCodes };
  }

  /** New recovery codes replace all the old ones (used or not); the password proves it is the owner. */
  async regenerateRecoveryCodes(userId: string, password: string): Promise<string[]> {
    const { repos, now } = this.deps;
    await this.requireEnabled(userId);
    await this.requirePassword(userId, password, 'body.password');
    const recoveryCodes = newRecoveryCodes();
    await repos.transaction((trx) =>
      trx.twoFactor.replaceRecoveryCodes(userId, recoveryCodes.map(digestOf), now().toISOString()),
    );
    return recoveryCodes;
  }

  /** Turn it off: the password and a current code (or a recovery code) are both needed. */
  async disable(userId: string, body: DisableTwoFactorBody): Promise<void> {
    const { repos, secondFactor } = this.deps;
    await this.requireEnabled(userId);
    await this.requirePassword(userId, body.password, 'body.password');
    const { result, retryAfterSeconds } = await secondFactor.check(userId, body.code);
    if (result === 'throttled') throw tooManyCodes(retryAfterSeconds ?? 1);
    if (result === 'rejected') throw wrongCode('body.code');
    await repos.transaction((trx) => trx.twoFactor.deleteAll(userId));
  }

  private async requireEnabled(userId: string): Promise<void> {
    const credential = await this.deps.repos.twoFactor.findCredential(userId);
    if (!credential?.enabled_at)
      throw new AppError('conflict', 'Two-factor sign-in is not on for this account');
  }

  private async requirePassword(userId: string, password: string, path: string): Promise<void> {
    const { repos, passwords } = this.deps;
    const user = await repos.users.findById(userId);
    if (!user) throw new AppError('unauthenticated');
    if (!(await passwords.verify(user.password_hash, password))) {
      const message = 'Your password is not correct';
      throw new AppError('invalid_credentials', message, {
        errors: [{ path, message, code: 'invalid_credentials' }],
      });
    }
  }
}

function newRecoveryCodes(): string[] {
  return Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode);
}

function digestOf(code: string): string {
  return recoveryCodeDigest(normaliseRecoveryCode(code) ?? code);
}

function alreadyOn(): AppError {
  return new AppError('conflict', 'Two-factor sign-in is already on; turn it off first to use another app');
}
