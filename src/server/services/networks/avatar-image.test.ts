import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { AVATAR_SIZE, squareAvatar } from './avatar-image.js';

const picture = (format: 'png' | 'jpeg' | 'gif', width: number, height: number) =>
  sharp({ create: { width, height, channels: 3, background: '#a05030' } })
    .toFormat(format)
    .toBuffer();

describe('squareAvatar', () => {
  it('cuts a 96-pixel square WebP from the formats networks serve', async () => {
    for (const format of ['png', 'jpeg', 'gif'] as const) {
      const avatar = await squareAvatar(await picture(format, 400, 250));
      const metadata = await sharp(avatar?.image).metadata();
      expect([format, metadata.format, metadata.width, metadata.height]).toEqual([
        format,
        'webp',
        AVATAR_SIZE,
        AVATAR_SIZE,
      ]);
    }
  });

  it('names the same picture with the same ETag, and another with another', async () => {
    const first = await squareAvatar(await picture('png', 64, 64));
    const again = await squareAvatar(await picture('png', 64, 64));
    const other = await squareAvatar(
      await sharp({ create: { width: 64, height: 64, channels: 3, background: '#102030' } })
        .png()
        .toBuffer(),
    );
    expect(first?.etag).toMatch(/^[\w-]{22}$/);
    expect(again?.etag).toBe(first?.etag);
    expect(other?.etag).not.toBe(first?.etag);
  });

  it('keeps nothing that is not a raster image: text, SVG, a cut-off file', async () => {
    const png = await picture('png', 64, 64);
    expect(await squareAvatar(Buffer.from('<html><body>Not found</body></html>'))).toBeUndefined();
    expect(
      await squareAvatar(
        Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect/></svg>'),
      ),
    ).toBeUndefined();
    expect(await squareAvatar(png.subarray(0, 40))).toBeUndefined();
  });
});
