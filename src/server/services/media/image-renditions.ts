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

// libvips keeps decoded images in a cache for reuse; every upload is different, so the cache only holds
// memory. Each pipeline runs on libvips threads off the event loop; MediaService bounds how many run.
sharp.cache(false);

/** The largest side of the working copy every rendition is cut from: twice the widest crop's long side. */
const WORKING_SIDE = 2 * MEDIA_CROPS.story.height;

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
  if (width * height > maxPixels) {
    throw new AppError(
      'media_too_large',
      `The image is ${width} × ${height} pixels (${megapixels(width * height)}); the limit is ${megapixels(maxPixels)}.`,
    );
  }
  // EXIF orientations 5-8 turn the picture a quarter: its upright size swaps width and height.
  const turned = (metadata.orientation ?? 1) >= 5;
  return turned ? { width: height, height: width } : { width, height };
}

/**
 * The file people will download as "the original": orientation applied, EXIF (with any GPS position),
 * XMP and IPTC removed, the colour profile kept, in the upload's own format at full size.
 */
export async function writeCleanOriginal(
  file: string,
  format: 'jpeg' | 'png' | 'webp',
  target: string,
  maxPixels: number,
): Promise<{ bytes: number }> {
  const image = sharp(file, { limitInputPixels: maxPixels }).autoOrient().keepIccProfile();
  const encoded =
    format === 'jpeg'
      ? image.jpeg({ quality: 90 })
      : format === 'png'
        ? image.png({ compressionLevel: 6 })
        : image.webp({ quality: 90 });
  const info = await encoded.toFile(target).catch(() => {
    throw unreadable();
  });
  return { bytes: info.size };
}

/** One rendition's bytes and what they are. */
export interface RenditionOutput {
  id: string;
  name: string;
  format: RenditionFormat;
  width: number;
  height: number;
  data: Buffer;
}

/**
 * Every rendition of an image: each width of RENDITION_WIDTHS and each crop of MEDIA_CROPS (cut around
 * `focal`), as WebP and as JPEG. The file is decoded once, into a working copy no larger than
 * WORKING_SIDE, and every output is cut from that; nothing is enlarged. Animated images give their first
 * frame.
 */
export async function makeRenditions(
  file: string,
  focal: FocalPoint,
  maxPixels: number,
): Promise<RenditionOutput[]> {
  const working = await sharp(file, { limitInputPixels: maxPixels })
    .autoOrient()
    .resize({ width: WORKING_SIDE, height: WORKING_SIDE, fit: 'inside', withoutEnlargement: true })
    .ensureAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true })
    .catch(() => {
      throw unreadable();
    });
  const { width, height } = working.info;
  const base = () => sharp(working.data, { raw: { width, height, channels: 4 } });

  const jobs: Array<Promise<RenditionOutput>> = [];
  for (const target of RENDITION_WIDTHS) {
    for (const format of RENDITION_FORMATS) {
      jobs.push(encode(base().resize({ width: target, withoutEnlargement: true }), `w${target}`, format));
    }
  }
  for (const crop of Object.keys(MEDIA_CROPS) as MediaCrop[]) {
    const spec = MEDIA_CROPS[crop];
    const region = cropRegion({ width, height }, spec.width / spec.height, focal);
    for (const format of RENDITION_FORMATS) {
      const pipeline = base()
        .extract(region)
        .resize({ width: spec.width, height: spec.height, fit: 'cover', withoutEnlargement: true });
      jobs.push(encode(pipeline, crop, format));
    }
  }
  return Promise.all(jobs);
}

async function encode(image: Sharp, name: string, format: RenditionFormat): Promise<RenditionOutput> {
  const encoded =
    format === 'webp'
      ? image.webp({ quality: 80 })
      : // JPEG has no transparency: transparent pixels become white, as most feeds show them.
        image.flatten({ background: '#ffffff' }).jpeg({ quality: 82 });
  const { data, info } = await encoded.toBuffer({ resolveWithObject: true });
  return {
    id: `${name}.${RENDITION_EXTENSIONS[format]}`,
    name,
    format,
    width: info.width,
    height: info.height,
    data,
  };
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

function megapixels(pixels: number): string {
  return `${Math.round(pixels / 100_000) / 10} megapixels`;
}

function unreadable(): AppError {
  return new AppError(
    'validation_failed',
    'The image could not be read: the file is damaged or incomplete.',
    {
      errors: [{ path: 'body.file', message: 'The image could not be read', code: 'invalid' }],
    },
  );
}
