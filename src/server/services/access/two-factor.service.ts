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
import {
  hasSecondFactor,
  openSecret,
  requirePassword,
  type SecondFactor,
  tooManyCodes,
  wrongCode,
} from './second-factor.js';
import type { PasswordHasher } from './security/passwords.js';
import { newRecoveryCodes } from './security/recovery-codes.js';
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
    const passkeys = await repos.passkeys.listForUser(userId);
    const enabledAt = credential?.enabled_at ?? passkeys[0]?.created_at ?? null;
    if (enabledAt === null) {
      return { enabled: false, enabled_at: null, totp_enabled: false, passkeys: 0, recovery_codes_left: 0 };
    }
    return {
      enabled: true,
      enabled_at: enabledAt,
      totp_enabled: credential?.enabled_at != null,
      passkeys: passkeys.length,
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
   * signed in without the second factor), and recovery codes are returned, this once, unless the account
   * still has unused ones (from its passkeys): those stay valid and the list is empty.
   */
  async enable(userId: string, code: string): Promise<{ issued: IssuedSession; recoveryCodes: string[] }> {
    const { repos, secretBox, secondFactor, now } = this.deps;
    const credential = await repos.twoFactor.findCredential(userId);
    if (credential?.enabled_at) throw alreadyOn();
    if (!credential) {
      throw new AppError('conflict', 'Start setting up two-factor sign-in first: scan a new QR code', {
        facts: { reason: 'two_factor_not_started' },
      });
    }
    const secret = openSecret(secretBox, credential.secret_sealed);
    if (secret === undefined) {
      throw new AppError('conflict', 'This setup can no longer be read; start again with a new QR code', {
        facts: { reason: 'two_factor_setup_unreadable' },
      });
    }
    const { step, retryAfterSeconds } = await secondFactor.checkPending(userId, secret, code);
    if (retryAfterSeconds) throw tooManyCodes(retryAfterSeconds);
    if (step === undefined) throw wrongCode('body.code');
    const hasCodes = (await repos.twoFactor.countUnusedRecoveryCodes(userId)) > 0;
    const { codes, digests } = hasCodes ? { codes: [], digests: [] } : newRecoveryCodes(RECOVERY_CODE_COUNT);
    const issued = await this.deps.auth.replaceSessions(userId, async (trx) => {
      const at = now().toISOString();
      if (!(await trx.twoFactor.enable(userId, step, at))) throw alreadyOn();
      if (digests.length > 0) await trx.twoFactor.replaceRecoveryCodes(userId, digests, at);
    });
    return { issued, recoveryCodes: codes };
  }

  /** New recovery codes replace all the old ones (used or not); the password proves it is the owner. */
  async regenerateRecoveryCodes(userId: string, password: string): Promise<string[]> {
    const { repos, passwords, now } = this.deps;
    if (!(await hasSecondFactor(repos, userId))) throw notOn();
    await requirePassword(repos, passwords, userId, password, 'body.password');
    const { codes, digests } = newRecoveryCodes(RECOVERY_CODE_COUNT);
    await repos.transaction((trx) =>
      trx.twoFactor.replaceRecoveryCodes(userId, digests, now().toISOString()),
    );
    return codes;
  }

  /**
   * Remove the authenticator app: the password and a current code (or a recovery code) are both needed.
   * With passkeys left, two-factor sign-in stays on with them and the recovery codes stay valid;
   * otherwise it is off and the recovery codes go too.
   */
  async disable(userId: string, body: DisableTwoFactorBody): Promise<void> {
    const { repos, passwords, secondFactor } = this.deps;
    const credential = await repos.twoFactor.findCredential(userId);
    if (!credential?.enabled_at) throw notOn();
    await requirePassword(repos, passwords, userId, body.password, 'body.password');
    const { result, retryAfterSeconds } = await secondFactor.check(userId, body.code);
    if (result === 'throttled') throw tooManyCodes(retryAfterSeconds ?? 1);
    if (result === 'rejected') throw wrongCode('body.code');
    await repos.transaction(async (trx) => {
      if (await trx.passkeys.hasAny(userId)) await trx.twoFactor.deleteCredential(userId);
      else await trx.twoFactor.deleteAll(userId);
    });
  }
}

function notOn(): AppError {
  return new AppError('conflict', 'Two-factor sign-in is not on for this account', {
    facts: { reason: 'two_factor_off' },
  });
}

function alreadyOn(): AppError {
  return new AppError('conflict', 'Two-factor sign-in is already on; turn it off first to use another app', {
    facts: { reason: 'two_factor_on' },
  });
}
