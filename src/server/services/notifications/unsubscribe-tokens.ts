import { createHmac, hkdfSync } from 'node:crypto';
import { NOTIFICATION_KINDS, type NotificationKind } from '#shared/notifications.schema.js';
import { safeEqual } from '../access/security/tokens.js';

/** What an unsubscribe link stands for: one person's emails of one kind from one workspace. */
export interface UnsubscribeClaim {
  userId: string;
  businessId: string;
  kind: NotificationKind;
}

/**
 * The token in an email's unsubscribe link: `<payload>.<mac>`, the payload base64url JSON `{ u, b, k }`
 * and the MAC an HMAC-SHA256 under a key derived from the app's secret for this purpose only. It proves
 * the holder received that email and grants nothing but turning that one kind of email off, so it does
 * not expire: an unsubscribe link in a months-old email must still work (RFC 8058 asks for as much).
 */
export class UnsubscribeTokens {
  private readonly key: Buffer;

  constructor(secret: string) {
    this.key = Buffer.from(hkdfSync('sha256', secret, 'mcc', 'mcc notification unsubscribe link', 32));
  }

  issue(claim: UnsubscribeClaim): string {
    const payload = Buffer.from(
      JSON.stringify({ u: claim.userId, b: claim.businessId, k: claim.kind }),
    ).toString('base64url');
    return `${payload}.${this.mac(payload)}`;
  }

  /** The claim of a genuine token; undefined for anything else. */
  verify(token: string): UnsubscribeClaim | undefined {
    const [payload, mac, extra] = token.split('.');
    if (!payload || !mac || extra !== undefined || !safeEqual(mac, this.mac(payload))) return undefined;
    try {
      const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as unknown;
      if (typeof claims !== 'object' || claims === null) return undefined;
      const { u, b, k } = claims as { u?: unknown; b?: unknown; k?: unknown };
      if (typeof u !== 'string' || typeof b !== 'string' || typeof k !== 'string') return undefined;
      if (!(NOTIFICATION_KINDS as readonly string[]).includes(k)) return undefined;
      return { userId: u, businessId: b, kind: k as NotificationKind };
    } catch {
      return undefined;
    }
  }

  private mac(payload: string): string {
    return createHmac('sha256', this.key).update(payload).digest('base64url');
  }
}
