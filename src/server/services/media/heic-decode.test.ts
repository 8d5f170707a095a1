import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { heicHeader, heicPhotoWithGps } from '../../../../test/support/media-fixtures.js';
import { decodeHeicToFile } from './heic-decode.js';

// libheif (WebAssembly, in a worker thread) against a real HEIC made by heif-enc
// (test/support/fixtures/README.md).

describe('decodeHeicToFile', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'mcc-heic-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });
  const write = async (bytes: Buffer) => {
    const file = path.join(dir, 'upload.heic');
    await (await import('node:fs/promises')).writeFile(file, bytes);
    return file;
  };

  it('writes the picture for libvips, without alpha, EXIF or GPS', async () => {
    const target = path.join(dir, 'decoded.v');
    const size = await decodeHeicToFile(await write(await heicPhotoWithGps()), target, 40_000_000);
    expect(size).toEqual({ width: 400, height: 300 });
    const image = sharp(target);
    const meta = await image.metadata();
    expect(meta).toMatchObject({ width: 400, height: 300, channels: 3 });
    expect(meta.exif).toBeUndefined();
    const { data } = await image.raw().toBuffer({ resolveWithObject: true });
    const at = (x: number, y: number) => [...data.subarray((y * 400 + x) * 3, (y * 400 + x) * 3 + 3)];
    const near = (actual: number[], expected: number[]) =>
      actual.every((value, index) => Math.abs(value - (expected[index] ?? 0)) < 40);
    expect(near(at(10, 10), [255, 255, 255])).toBe(true);
    expect(near(at(50, 150), [220, 30, 30])).toBe(true);
    expect(near(at(350, 150), [30, 30, 220])).toBe(true);
  });

  it('refuses a picture over the pixel limit before decoding it, and a file libheif cannot read', async () => {
    const target = path.join(dir, 'decoded.v');
    await expect(
      decodeHeicToFile(await write(await heicPhotoWithGps()), target, 100_000),
    ).rejects.toMatchObject({
      code: 'media_too_large',
      message: 'The image is 400 × 300 pixels (0.1 megapixels); the limit is 0.1 megapixels.',
    });
    await expect(decodeHeicToFile(await write(heicHeader()), target, 40_000_000)).rejects.toMatchObject({
      code: 'validation_failed',
    });
  });
});
