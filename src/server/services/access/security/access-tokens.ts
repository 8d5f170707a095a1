import { createSigner, createVerifier } from 'fast-jwt';

const ISSUER = 'mcc';
const AUDIENCE = 'mcc-api';

/** The claims an access token proves. */
export interface AccessClaims {
  userId: string;
  /** The sign-in (refresh-token family) the token belongs to: signing out ends it before the token expires. */
  sessionId: string;
  /** When the token stops being valid, in epoch milliseconds (a WebSocket closes then unless re-authenticated). */
  expiresAt: number;
}

/**
 * Short-lived HS256 access tokens. fast-jwt verifies with node:crypto HMAC (much faster than WebCrypto,
 * see docs/decisions.md §4) and caches verified tokens; only HS256 is accepted, so `alg: none` and algorithm
 * confusion fail. `iss` and `aud` are required, not just checked when present: fast-jwt skips its
 * allow-lists for a claim the token leaves out.
 */
export class AccessTokens {
  private readonly sign: (payload: Record<string, unknown>) => string;
  private readonly verifier: (token: string) => Record<string, unknown>;

  constructor(
    secret: string,
    readonly ttlSeconds: number,
    private readonly now: () => number = Date.now,
  ) {
    this.sign = createSigner({ key: secret, algorithm: 'HS256', iss: ISSUER, aud: AUDIENCE });
    this.verifier = createVerifier({
      key: secret,
      algorithms: ['HS256'],
      allowedIss: ISSUER,
      allowedAud: AUDIENCE,
      requiredClaims: ['iss', 'aud', 'sub', 'sid', 'exp', 'iat'],
      cache: 10_000,
      cacheTTL: ttlSeconds * 1000,
    });
  }

  /** Issue a token for `userId` in session `sessionId`, valid for `ttlSeconds`. */
  issue(userId: string, sessionId: string): string {
    const iat = Math.floor(this.now() / 1000);
    return this.sign({ sub: userId, sid: sessionId, iat, exp: iat + this.ttlSeconds });
  }

  /** The claims of a valid token, or undefined for anything invalid (expired, tampered, wrong key). */
  verify(token: string): AccessClaims | undefined {
    try {
      const payload = this.verifier(token);
      return typeof payload.sub === 'string' &&
        typeof payload.sid === 'string' &&
        typeof payload.exp === 'number'
        ? { userId: payload.sub, sessionId: payload.sid, expiresAt: payload.exp * 1000 }
        : undefined;
    } catch {
      return undefined;
    }
  }
}
