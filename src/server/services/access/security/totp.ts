import { generateSecret, generateURI, verify } from 'otplib';

/** RFC 6238 as every authenticator app expects it: HMAC-SHA1, 6 digits, 30-second steps. */
export const TOTP_PERIOD_SECONDS = 30;
const ISSUER = 'Marketing Command Center';

/**
 * Time-based one-time codes (otplib). The clock is injected so tests move time instead of sleeping.
 * A code is accepted for its own step and one step either side (clocks drift; people type slowly).
 *
 * @example
 * const totp = new Totp(() => new Date());
 * const secret = totp.newSecret();
 * await totp.matchingStep(secret, '123456'); // the step it matched, or undefined
 */
export class Totp {
  constructor(private readonly now: () => Date) {}

  /** 160 random bits, base32 (RFC 4226's recommended length). */
  newSecret(): string {
    return generateSecret({ length: 20 });
  }

  /** The `otpauth://totp/…` URI an authenticator app scans; `label` is the account's email. */
  uri(secret: string, label: string): string {
    return generateURI({ issuer: ISSUER, label, secret, period: TOTP_PERIOD_SECONDS, digits: 6 });
  }

  /**
   * The time step `code` belongs to if it is valid now (±1 step) and later than `afterStep`, else
   * undefined. The caller records the step, so the same code cannot be used again.
   */
  async matchingStep(secret: string, code: string, afterStep?: number | null): Promise<number | undefined> {
    const epoch = Math.floor(this.now().getTime() / 1000);
    const result = await verify({
      secret,
      token: code,
      period: TOTP_PERIOD_SECONDS,
      epoch,
      epochTolerance: TOTP_PERIOD_SECONDS,
      ...(afterStep == null ? {} : { afterTimeStep: afterStep }),
    });
    // `delta` is the matched step's offset from the current one.
    return result.valid ? Math.floor(epoch / TOTP_PERIOD_SECONDS) + result.delta : undefined;
  }
}
