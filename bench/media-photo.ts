import { writeFileSync } from 'node:fs';
import sharp from 'sharp';

// `node --import tsx bench/media-photo.ts <file>`: writes the media bench's photo. A child process of its
// own, so the bench's memory figures start from a process that never held the generator's buffers.

const WIDTH = 4000;
const HEIGHT = 3000;

/**
 * A 4000 × 3000 JPEG (quality 90) that compresses like a camera photo, not like a flat test card: a sky to
 * ground gradient, soft colour blotches at the scale of objects, and sensor-like grain. About 4 MB, as a
 * 12-megapixel phone photo is.
 */
async function photoLikeJpeg(): Promise<Buffer> {
  const gradient = Buffer.from(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}"><defs>` +
      '<linearGradient id="g" x1="0" y1="0" x2="0.3" y2="1"><stop offset="0" stop-color="#7fb2e6"/>' +
      '<stop offset="0.55" stop-color="#f2d6a2"/><stop offset="1" stop-color="#3d5a2a"/></linearGradient>' +
      '</defs><rect width="100%" height="100%" fill="url(#g)"/></svg>',
  );
  const raw = { width: WIDTH, height: HEIGHT, channels: 3 } as const;
  const noise = (width: number, height: number, sigma: number) =>
    sharp({
      create: {
        width,
        height,
        channels: 3,
        background: '#808080',
        noise: { type: 'gaussian', mean: 128, sigma },
      },
    });
  const blotches = await noise(80, 60, 70).resize(WIDTH, HEIGHT, { kernel: 'cubic' }).raw().toBuffer();
  const grain = await noise(WIDTH, HEIGHT, 20).raw().toBuffer();
  return sharp(gradient)
    .resize(WIDTH, HEIGHT)
    .removeAlpha()
    .composite([
      { input: blotches, raw, blend: 'soft-light' },
      { input: grain, raw, blend: 'overlay' },
    ])
    .jpeg({ quality: 90 })
    .toBuffer();
}

const target = process.argv[2];
if (target) writeFileSync(target, await photoLikeJpeg());
