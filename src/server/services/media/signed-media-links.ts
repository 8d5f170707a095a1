import { createHmac, timingSafeEqual } from 'node:crypto';

/** What a signed link grants: one variant of one item, until `expires` (Unix seconds). */
export interface MediaLinkGrant {
  businessId: string;
  mediaId: string;
  /** `original` or a rendition id. */
  variant: string;
  expires: number;
}

/**
 * Links to media files that need no sign-in, for networks that fetch media by URL (Instagram's container
 * flow, for one). Each is an HMAC-SHA256 of what it grants, under a key derived from the app's secret, so
 * it cannot be stretched to another file or a later time; the app checks it on every fetch.
 */
export class SignedMediaLinks {
  private readonly key: Buffer;

  constructor(secret: string) {
    // A key of its own: a media link's signature is never valid as anything else the secret signs.
    this.key = createHmac('sha256', secret).update('mcc signed media links v1').digest();
  }

  /** The path (under `/api`) a grant is fetched from, with its expiry and signature. */
  path(grant: MediaLinkGrant): string {
    const { businessId, mediaId, variant, expires } = grant;
    return `/api/media/signed/${businessId}/${mediaId}/${variant}?expires=${expires}&signature=${this.sign(grant)}`;
  }

  /** Whether `signature` is this grant's (compared in constant time); expiry is the caller's check. */
  verify(grant: MediaLinkGrant, signature: string): boolean {
    const expected = Buffer.from(this.sign(grant));
    const given = Buffer.from(signature);
    return given.length === expected.length && timingSafeEqual(given, expected);
  }

  private sign({ businessId, mediaId, variant, expires }: MediaLinkGrant): string {
    return createHmac('sha256', this.key)
      .update(`${businessId}\n${mediaId}\n${variant}\n${expires}`)
      .digest('base64url');
  }
}
