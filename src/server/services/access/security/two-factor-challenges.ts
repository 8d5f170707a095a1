import { createHmac, hkdfSync } from 'node:crypto';
import { safeEqual } from './tokens.js';

/**
 * The proof, between sign-in's two steps, that the password was right: `<payload>.<mac>`, the payload
 * being base64url JSON `{ sub, exp }` and the MAC an HMAC-SHA256 under a key derived from the app's
 * secret for this purpose only (so it can never pass for an access token, nor one for it). It grants
 * nothing but the right to send a code for that account until it expires.
 */
export class TwoFactorChallenges {
  private readonly key: Buffer;

  constructor(
    secret: string,
    readonly ttlSeconds: number,
    private readonly now: () => Date,
  ) {
    this.key = Buffer.from(hkdfSync('sha256', secret, 'mcc', 'mcc two-factor sign-in challenge', 32));
  }

  issue(userId: string): string {
    const exp = Math.floor(this.now().getTime() / 1000) + this.ttlSeconds;
    const payload = Buffer.from(JSON.stringify({ sub: userId, exp })).toString('base64url');
    return `${payload}.${this.mac(payload)}`;
  }

  /** The user id of a genuine, unexpired challenge; undefined for anything else. */
  verify(challenge: string): string | undefined {
    const [payload, mac, extra] = challenge.split('.');
    if (!payload || !mac || extra !== undefined || !safeEqual(mac, this.mac(payload))) return undefined;
    try {
      const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as unknown;
      if (typeof claims !== 'object' || claims === null) return undefined;
      const { sub, exp } = claims as { sub?: unknown; exp?: unknown };
      if (typeof sub !== 'string' || typeof exp !== 'number') return undefined;
      return exp * 1000 > this.now().getTime() ? sub : undefined;
    } catch {
      return undefined;
    }
  }

  private mac(payload: string): string {
    return createHmac('sha256', this.key).update(payload).digest('base64url');
  }
}
