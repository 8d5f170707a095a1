import { rm } from 'node:fs/promises';
import sharp, { type Metadata, type Sharp } from 'sharp';
import { AppError } from '#server/errors/app-error.js';
import {
  type FocalPoint,
  MEDIA_CROPS,
  type MediaCrop,
  RENDITION_EXTENSIONS,
  RENDITION_FORMATS,
  RENDITION_WIDTHS,
  type RenditionFormat,
} from '#shared/media.schema.js';
import { ruleFieldMessage } from '#shared/rule-field-messages.js';
import { Limiter } from './limiter.js';

// libvips keeps decoded images in a cache for reuse; every upload is different, so the cache only holds
// memory. Each pipeline runs on libvips threads off the event loop; MediaService bounds how many run.
sharp.cache(false);

/**
 * How many of an image's renditions are encoded at once. Two keep both cores of a small server busy (with
 * the clean original alongside); more only hold more pixels in memory at the same time and take libuv
 * threads that other requests' file reads and writes wait for.
 */
const RENDITIONS_AT_ONCE = 2;

/** Whether this build of libvips can decode HEIC (HEVC): sharp's prebuilt binaries only read AVIF. */
export function canDecodeHeic(): boolean {
  return (sharp.format.heif?.input.fileSuffix ?? []).includes('.heic');
}

export interface ImageSize {
  width: number;
  height: number;
}

/**
 * The image's upright size, read from its header without decoding it. An image that would decode to more
 * than `maxPixels` is refused here (a decompression bomb: a few kilobytes that expand to gigabytes).
 */
export async function inspectImage(file: string, maxPixels: number): Promise<ImageSize> {
  let metadata: Metadata;
  try {
    // The header only, so no pixel limit here: the check below says why an image is refused.
    metadata = await sharp(file, { limitInputPixels: false }).metadata();
  } catch {
    throw unreadable();
  }
  const { width, height } = metadata;
  if (!width || !height) throw unreadable();
  if (width * height > maxPixels) throw tooManyPixels(width, height, maxPixels);
  // EXIF orientations 5-8 turn the picture a quarter: its upright size swaps width and height.
  const turned = (metadata.orientation ?? 1) >= 5;
  return turned ? { width: height, height: width } : { width, height };
}

/**
 * The file people will download as "the original": orientation applied, EXIF (with any GPS position),
 * XMP and IPTC removed, the colour profile kept, in the upload's own format at full size.
 */
export async function writeCleanOriginal(
  input: string | Buffer,
  format: 'jpeg' | 'png' | 'webp',
  target: string,
  maxPixels: number,
): Promise<{ bytes: number }> {
  // Read top to bottom and written as it is read: a 12-megapixel photo passes through in strips instead
  // of being held whole.
  const image = sharp(input, { limitInputPixels: maxPixels, sequentialRead: true })
    .autoOrient()
    .keepIccProfile();
  const encoded =
    format === 'jpeg'
      ? // Without optimised Huffman tables, which need the whole image's coefficients in memory first
        // (measured on a 12-megapixel photo: 200 MB more at the peak, for a file 4.6 % smaller).
        image.jpeg({ quality: 90, optimiseCoding: false })
      : format === 'png'
        ? image.png({ compressionLevel: 6 })
        : image.webp({ quality: 90 });
  const info = await encoded.toFile(target).catch(() => {
    throw unreadable();
  });
  return { bytes: info.size };
}

/** One rendition: the file it was written to and what it is. */
export interface RenditionOutput {
  id: string;
  name: string;
  format: RenditionFormat;
  width: number;
  height: number;
  /** `<scratch>-<id>`: the caller stores it and removes it. */
  file: string;
  bytes: number;
}

/**
 * Every rendition of an image: each width of RENDITION_WIDTHS and each crop of MEDIA_CROPS (cut around
 * `focal`), as WebP and as JPEG. The file is decoded once, into a working copy just large enough that no
 * output is enlarged from it (workingSize), and every output is cut from that; nothing is enlarged.
 * Animated images give their first frame.
 *
 * The working copy (`<scratch>.v`, removed before this returns) and every output (`<scratch>-<id>`, left
 * for the caller; removed here only when something fails) are files, never Buffers: megabytes of Buffer
 * per upload count as external memory in V8 and set off full garbage collections, which stall the event
 * loop for every request. Fifty uploads at once made about 80 such collections of 70 to 190 ms each when
 * the renditions came back as Buffers.
 */
export async function makeRenditions(
  input: string | Buffer,
  focal: FocalPoint,
  maxPixels: number,
  scratch: string,
): Promise<RenditionOutput[]> {
  const source = sharp(input, { limitInputPixels: maxPixels });
  const metadata = await source.metadata().catch(() => {
    throw unreadable();
  });
  const { width: sourceWidth = 0, height: sourceHeight = 0 } = metadata;
  const turned = (metadata.orientation ?? 1) >= 5;
  const upright = turned
    ? { width: sourceHeight, height: sourceWidth }
    : { width: sourceWidth, height: sourceHeight };
  const workingFile = `${scratch}.v`;
  try {
    const { width, height } = await source
      .autoOrient()
      .resize({ ...workingSize(upright), fit: 'inside', withoutEnlargement: true })
      // An opaque photo stays three channels (sRGB): an alpha channel would add a quarter to every resize
      // and encode; transparent images keep theirs.
      .toColourspace('srgb')
      .toFile(workingFile)
      .catch(() => {
        throw unreadable();
      });
    return await cutRenditions(() => sharp(workingFile), { width, height }, upright, focal, scratch);
  } finally {
    await rm(workingFile, { force: true });
  }
}

/** Every output of makeRenditions from a working copy of `size`; `upright` is the image's own size. */
async function cutRenditions(
  base: () => Sharp,
  size: ImageSize,
  upright: ImageSize,
  focal: FocalPoint,
  scratch: string,
): Promise<RenditionOutput[]> {
  const { width, height } = size;
  const slots = new Limiter(RENDITIONS_AT_ONCE);
  const jobs: Array<Promise<RenditionOutput>> = [];
  for (const target of RENDITION_WIDTHS) {
    // The height follows the image's own proportions, not the working copy's (rounded to whole pixels).
    const outWidth = Math.min(target, upright.width);
    const outHeight = Math.max(1, Math.round((outWidth * upright.height) / upright.width));
    for (const format of RENDITION_FORMATS) {
      const pipeline = base().resize({ width: outWidth, height: outHeight, fit: 'fill' });
      jobs.push(slots.run(() => encode(pipeline, `w${target}`, format, scratch)));
    }
  }
  for (const crop of Object.keys(MEDIA_CROPS) as MediaCrop[]) {
    const spec = MEDIA_CROPS[crop];
    const region = cropRegion({ width, height }, spec.width / spec.height, focal);
    for (const format of RENDITION_FORMATS) {
      const pipeline = base()
        .extract(region)
        .resize({ width: spec.width, height: spec.height, fit: 'cover', withoutEnlargement: true });
      jobs.push(slots.run(() => encode(pipeline, crop, format, scratch)));
    }
  }
  // Every job settles before a failure is passed on, so none is still reading the working copy (or
  // writing an output) when the files are removed.
  const settled = await Promise.allSettled(jobs);
  const failed = settled.find((result) => result.status === 'rejected');
  if (failed) {
    await Promise.all(outputFiles(scratch).map((file) => rm(file, { force: true })));
    throw failed.reason;
  }
  return settled.map((result) => (result as PromiseFulfilledResult<RenditionOutput>).value);
}

/**
 * The size of the working copy for an upright image of `size`: the smallest scale at which every width of
 * RENDITION_WIDTHS and every crop of MEDIA_CROPS still has its full output size (a 4000 × 3000 photo gives
 * 2560 × 1920: the 9:16 story needs 1920 rows), never larger than the image. A couple of pixels over, so
 * rounding can never leave a crop one row short. Decoding to more would only add work: a 12-megapixel
 * photo's renditions take half the time from this copy as from one of 3840 px.
 *
 * @example workingSize({ width: 4000, height: 3000 }) // { width: 2563, height: 1922 }
 */
export function workingSize(size: ImageSize): ImageSize {
  const needs = [
    ...RENDITION_WIDTHS.map((target) => target / size.width),
    ...Object.values(MEDIA_CROPS).map((spec) => {
      const region = cropRegion(size, spec.width / spec.height, { x: 0.5, y: 0.5 });
      return spec.height / region.height;
    }),
  ];
  const scale = Math.min(1, Math.max(...needs));
  return {
    width: Math.min(size.width, Math.ceil(size.width * scale) + 2),
    height: Math.min(size.height, Math.ceil(size.height * scale) + 2),
  };
}

/** Every file makeRenditions may write for `scratch` (for the clean-up after a failure). */
function outputFiles(scratch: string): string[] {
  const names = [
    ...RENDITION_WIDTHS.map((target) => `w${target}`),
    ...(Object.keys(MEDIA_CROPS) as MediaCrop[]),
  ];
  return names.flatMap((name) =>
    RENDITION_FORMATS.map((format) => `${scratch}-${name}.${RENDITION_EXTENSIONS[format]}`),
  );
}

async function encode(
  image: Sharp,
  name: string,
  format: RenditionFormat,
  scratch: string,
): Promise<RenditionOutput> {
  const encoded =
    format === 'webp'
      ? // Effort 2 (of 0-6; 4 by default) encodes in half the time for files about 5 % larger (measured on
        // the seven sizes of a 12-megapixel photo: 382 ms for 565 KiB against 773 ms for 537 KiB).
        image.webp({ quality: 80, effort: 2 })
      : // JPEG has no transparency: transparent pixels become white, as most feeds show them.
        image.flatten({ background: '#ffffff' }).jpeg({ quality: 82 });
  const id = `${name}.${RENDITION_EXTENSIONS[format]}`;
  const file = `${scratch}-${id}`;
  const info = await encoded.toFile(file);
  return { id, name, format, width: info.width, height: info.height, file, bytes: info.size };
}

/**
 * The largest region of `size` with aspect `ratio` (width / height) centred as near `focal` as the edges
 * allow.
 *
 * @example cropRegion({ width: 4000, height: 3000 }, 1, { x: 0.9, y: 0.5 }) // { left: 1000, top: 0, width: 3000, height: 3000 }
 */
export function cropRegion(
  size: ImageSize,
  ratio: number,
  focal: FocalPoint,
): { left: number; top: number; width: number; height: number } {
  const wide = size.width / size.height > ratio;
  const width = Math.max(1, Math.min(size.width, wide ? Math.round(size.height * ratio) : size.width));
  const height = Math.max(1, Math.min(size.height, wide ? size.height : Math.round(size.width / ratio)));
  const clamp = (value: number, max: number) => Math.min(Math.max(Math.round(value), 0), max);
  return {
    left: clamp(focal.x * size.width - width / 2, size.width - width),
    top: clamp(focal.y * size.height - height / 2, size.height - height),
    width,
    height,
  };
}

/** A pixel count as people read it: `12.2 megapixels`. */
function megapixels(pixels: number): string {
  return `${Math.round(pixels / 100_000) / 10} megapixels`;
}

/** The answer for an image over the pixel limit (a decompression bomb, or just too large): 413. */
export function tooManyPixels(width: number, height: number, maxPixels: number): AppError {
  return new AppError(
    'media_too_large',
    `The image is ${width} × ${height} pixels (${megapixels(width * height)}); the limit is ${megapixels(maxPixels)}.`,
    { facts: { reason: 'image_over_pixel_limit', width, height, limit_pixels: maxPixels } },
  );
}

/** The answer for an image that cannot be decoded (400). */
export function unreadable(): AppError {
  return new AppError(
    'validation_failed',
    'The image could not be read: the file is damaged or incomplete.',
    {
      errors: [{ path: 'body.file', message: ruleFieldMessage('imageUnreadable'), code: 'invalid' }],
    },
  );
}
