import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MEDIA_CROPS, RENDITION_WIDTHS } from '#shared/media.schema.js';
import { cropRegion, makeRenditions, workingSize } from './image-renditions.js';

describe('workingSize', () => {
  it('is just large enough for the 9:16 story of a landscape photo', () => {
    expect(workingSize({ width: 4000, height: 3000 })).toEqual({ width: 2562, height: 1922 });
  });

  it('leaves every crop and width its full output size, for landscape, portrait and panorama shapes', () => {
    for (const size of [
      { width: 4000, height: 3000 },
      { width: 3000, height: 4000 },
      { width: 8000, height: 2000 },
      { width: 2000, height: 6000 },
    ]) {
      const working = workingSize(size);
      expect(working.width).toBeLessThan(size.width);
      for (const spec of Object.values(MEDIA_CROPS)) {
        const region = cropRegion(working, spec.width / spec.height, { x: 0.5, y: 0.5 });
        expect(region.height, `${spec.ratio} of ${size.width} × ${size.height}`).toBeGreaterThanOrEqual(
          spec.height,
        );
      }
      expect(working.width).toBeGreaterThanOrEqual(Math.max(...RENDITION_WIDTHS));
    }
  });

  it('never enlarges a small image', () => {
    expect(workingSize({ width: 800, height: 600 })).toEqual({ width: 800, height: 600 });
  });
});

describe('makeRenditions', () => {
  let directory: string;
  beforeEach(() => {
    directory = mkdtempSync(path.join(tmpdir(), 'mcc-renditions-'));
  });
  /** The outputs are files for the caller to store; nothing else (the working copy) is left behind. */
  const leftOver = (outputs: Array<{ file: string }>) =>
    readdirSync(directory)
      .map((name) => path.join(directory, name))
      .filter((file) => !outputs.some((output) => output.file === file));
  afterEach(() => {
    rmSync(directory, { recursive: true, force: true });
  });
  it('keeps transparency in WebP and gives JPEG a white background', async () => {
    const png = await sharp({
      create: { width: 400, height: 300, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 0 } },
    })
      .png()
      .toBuffer();
    const outputs = await makeRenditions(png, { x: 0.5, y: 0.5 }, 1_000_000, path.join(directory, 'w'));
    const webp = outputs.find((output) => output.id === 'w320.webp');
    const jpeg = outputs.find((output) => output.id === 'w320.jpg');
    expect([webp?.width, webp?.height]).toEqual([320, 240]);
    expect((await sharp(webp?.file).metadata()).hasAlpha).toBe(true);
    const { data } = await sharp(jpeg?.file).raw().toBuffer({ resolveWithObject: true });
    expect(data[0]).toBeGreaterThan(250);
    expect(leftOver(outputs)).toEqual([]);
  });

  it('turns a greyscale photo into three-channel renditions', async () => {
    const grey = await sharp({ create: { width: 300, height: 200, channels: 3, background: '#777' } })
      .toColourspace('b-w')
      .jpeg()
      .toBuffer();
    const outputs = await makeRenditions(grey, { x: 0.5, y: 0.5 }, 1_000_000, path.join(directory, 'w'));
    expect(outputs).toHaveLength(14);
    const small = outputs.find((output) => output.id === 'w320.jpg');
    expect(small).toMatchObject({ width: 300, height: 200 });
    expect(small?.bytes).toBe(statSync(small?.file ?? '').size);
    expect(leftOver(outputs)).toEqual([]);
  });

  it('refuses a damaged image', async () => {
    const jpeg = await sharp({ create: { width: 300, height: 200, channels: 3, background: '#777' } })
      .jpeg()
      .toBuffer();
    await expect(
      makeRenditions(jpeg.subarray(0, 300), { x: 0.5, y: 0.5 }, 1_000_000, path.join(directory, 'w')),
    ).rejects.toMatchObject({ code: 'validation_failed' });
    expect(readdirSync(directory)).toEqual([]);
  });
});
