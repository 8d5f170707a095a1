import { createHmac, hkdfSync } from 'node:crypto';

/**
 * Derives the refresh token that replaces another: HMAC-SHA256 of the old token under a key derived
 * (HKDF, own purpose label) from the app secret. Only hashes are stored, so this is what lets a request
 * that lost a rotation race answer with the very token the winner got: both tabs then hold the same
 * cookie. Without the secret the successor cannot be computed; tokens that start a family stay random.
 *
 * @example
 * const chain = new RefreshTokenChain(secret);
 * chain.successorOf(token) === chain.successorOf(token); // true
 */
export class RefreshTokenChain {
  private readonly key: Buffer;

  constructor(secret: string) {
    this.key = Buffer.from(hkdfSync('sha256', secret, 'mcc', 'mcc refresh-token successors', 32));
  }

  /** The token that replaces `token` when it is rotated. */
  successorOf(token: string): string {
    return createHmac('sha256', this.key).update(token).digest('base64url');
  }
}
