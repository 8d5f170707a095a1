import { createHash } from 'node:crypto';
import sharp from 'sharp';

// What we keep of an avatar: a small square WebP, cut from whatever the network served. The format is
// read from the bytes (libvips' own detection), never from the answer's Content-Type; only raster formats
// a network serves avatars in are decoded (no SVG: it would be rendered by a second parser with its own
// surface, and no network serves one).

/** Pixels a side: twice the 48 CSS pixels Settings → Channels shows, for dense screens. */
export const AVATAR_SIZE = 96;
const DECODED = new Set(['jpeg', 'png', 'webp', 'gif', 'avif', 'heif']);
/** An avatar is never this large; a decompression bomb would be. */
const MAX_INPUT_PIXELS = 4096 * 4096;

/** The served image and its ETag (a hash of its bytes). */
export interface AvatarImage {
  image: Buffer;
  etag: string;
}

/**
 * A 96-pixel square WebP of `bytes` (centred crop, first frame of an animation), or undefined when the
 * bytes are not an image of a format we decode.
 *
 * @example
 * const avatar = await squareAvatar(await readFile('me.png')); // { image: <WebP>, etag: 'a1b2…' }
 */
export async function squareAvatar(bytes: Buffer): Promise<AvatarImage | undefined> {
  try {
    const source = sharp(bytes, { limitInputPixels: MAX_INPUT_PIXELS, failOn: 'error' });
    const { format } = await source.metadata();
    if (!format || !DECODED.has(format)) return undefined;
    const image = await source
      .rotate()
      .resize(AVATAR_SIZE, AVATAR_SIZE, { fit: 'cover', position: 'centre' })
      .webp({ quality: 82 })
      .toBuffer();
    return { image, etag: createHash('sha256').update(image).digest('base64url').slice(0, 22) };
  } catch {
    return undefined;
  }
}
