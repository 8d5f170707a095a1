import { execFile } from 'node:child_process';
import { readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import sharp from 'sharp';

// Test media made on the spot (no binary fixtures in git): sharp for images, ffmpeg for video.

/**
 * A 4000 × 3000 (12-megapixel) camera-style JPEG: red left half, blue right half, EXIF with a camera make
 * and a GPS position, and orientation 6 (shown turned a quarter clockwise, so upright it is 3000 × 4000).
 */
export async function twelveMegapixelPhoto(): Promise<Buffer> {
  return sharp({ create: { width: 4000, height: 3000, channels: 3, background: '#c03020' } })
    .composite([
      {
        input: { create: { width: 2000, height: 3000, channels: 3, background: '#2040c0' } },
        left: 2000,
        top: 0,
      },
    ])
    .withMetadata({ orientation: 6 })
    .withExifMerge({
      IFD0: { Make: 'TestCam' },
      IFD3: {
        GPSLatitudeRef: 'N',
        GPSLatitude: '48/1 51/1 24/1',
        GPSLongitudeRef: 'E',
        GPSLongitude: '2/1 21/1 3/1',
      },
    })
    .jpeg({ quality: 90 })
    .toBuffer();
}

/** A small PNG of the given size, noisy enough that it does not compress to nothing. */
export async function noisyPng(width: number, height: number): Promise<Buffer> {
  return sharp({
    create: {
      width,
      height,
      channels: 3,
      background: '#808080',
      noise: { type: 'gaussian', mean: 128, sigma: 60 },
    },
  })
    .png()
    .toBuffer();
}

/** A one-second 320 × 240 H.264 MP4 with AAC audio, made by ffmpeg. */
export async function shortMp4(): Promise<Buffer> {
  const file = path.join(tmpdir(), `mcc-test-${process.pid}-${Date.now()}.mp4`);
  await promisify(execFile)('ffmpeg', [
    '-v',
    'error',
    '-y',
    '-f',
    'lavfi',
    '-i',
    'testsrc=size=320x240:rate=25',
    '-f',
    'lavfi',
    '-i',
    'sine=frequency=440:sample_rate=44100',
    '-t',
    '1',
    '-c:v',
    'libx264',
    '-pix_fmt',
    'yuv420p',
    '-c:a',
    'aac',
    '-shortest',
    file,
  ]);
  try {
    return await readFile(file);
  } finally {
    await rm(file, { force: true });
  }
}

/**
 * The first bytes of an iPhone HEIC file: an ISO-BMFF `ftyp` box with the `heic` brand, then an empty
 * `meta` box. Enough for the type to be read from the bytes; not a decodable picture.
 */
export function heicHeader(): Buffer {
  const ftyp = Buffer.concat([
    Buffer.from([0, 0, 0, 24]),
    Buffer.from('ftypheic'),
    Buffer.from([0, 0, 0, 0]),
    Buffer.from('mif1heic'),
  ]);
  const meta = Buffer.concat([Buffer.from([0, 0, 0, 12]), Buffer.from('meta'), Buffer.from([0, 0, 0, 0])]);
  return Buffer.concat([ftyp, meta, Buffer.alloc(200)]);
}
