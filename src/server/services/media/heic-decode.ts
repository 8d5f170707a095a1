import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import sharp from 'sharp';
import { tooManyPixels, unreadable } from './image-renditions.js';

// sharp's prebuilt libvips reads AVIF but has no HEVC decoder, so an iPhone's HEIC photo is decoded by
// libheif compiled to WebAssembly (the `libheif-js` package, LGPL-3.0, used unmodified as a separate
// module) in a worker thread: decoding a 12-megapixel photo takes a second or more of CPU that would
// otherwise stall the event loop. The worker checks the picture's size against the pixel limit before it
// decodes a pixel, and hands the pixels back without a copy (a transferred ArrayBuffer); libvips then
// writes them to a file in its own format, which the usual pipeline (renditions, crops, clean original)
// reads like any upload. libheif applies the HEIF transforms (`irot` rotation, `imir` mirroring) while
// decoding, so the picture comes upright; the pixels carry no EXIF, XMP or GPS position at all.

/** A 48-megapixel photo decodes in a few seconds on one core; a minute is far past any real photo. */
const DECODE_TIMEOUT_MS = 60_000;

/** The worker's code (CommonJS, so it loads the libheif bundle with `require`). */
const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const { readFileSync } = require('node:fs');
const libheif = require(workerData.module);
let images = [];
// Freed once the answer is out: display() may still be reading the image after it returns.
const answer = (message, transfer) => {
  for (const image of images) image.free();
  images = [];
  parentPort.postMessage(message, transfer);
};
try {
  images = new libheif.HeifDecoder().decode(readFileSync(workerData.file));
  const image = images.find((candidate) => candidate.is_primary()) || images[0];
  if (!image) throw new Error('no image');
  const width = image.get_width();
  const height = image.get_height();
  if (width * height > workerData.maxPixels) {
    answer({ ok: false, reason: 'too_large', width, height });
  } else {
    const data = new Uint8ClampedArray(width * height * 4);
    const alpha = image.has_alpha_channel();
    image.display({ data, width, height }, (shown) => {
      if (!shown) answer({ ok: false, reason: 'unreadable' });
      else answer({ ok: true, width, height, alpha, data: data.buffer }, [data.buffer]);
    });
  }
} catch (error) {
  answer({ ok: false, reason: 'unreadable' });
}
`;

type Decoded =
  | { ok: true; width: number; height: number; alpha: boolean; data: ArrayBuffer }
  | { ok: false; reason: 'too_large'; width: number; height: number }
  | { ok: false; reason: 'unreadable' };

/**
 * Decode the HEIC file `source` off the main thread and write its primary image, upright, to `target`
 * (libvips' own format, `.v`), for sharp to read; its size. Refuses a picture over `maxPixels` (413) before
 * decoding it, and one libheif cannot read (400).
 * @example
 * const size = await decodeHeicToFile(spooled.path, `${spooled.path}.v`, 40_000_000);
 */
export async function decodeHeicToFile(
  source: string,
  target: string,
  maxPixels: number,
): Promise<{ width: number; height: number }> {
  const decoded = await decodeInWorker(source, maxPixels);
  if (!decoded.ok && decoded.reason === 'too_large') {
    throw tooManyPixels(decoded.width, decoded.height, maxPixels);
  }
  if (!decoded.ok) throw unreadable();
  const { width, height, alpha } = decoded;
  // Written on libvips' threads; a photo without transparency loses the alpha libheif always fills in.
  let image = sharp(new Uint8Array(decoded.data), {
    raw: { width, height, channels: 4 },
    limitInputPixels: maxPixels,
  });
  if (!alpha) image = image.removeAlpha();
  await image.toFile(target);
  return { width, height };
}

function decodeInWorker(file: string, maxPixels: number): Promise<Decoded> {
  const module = createRequire(import.meta.url).resolve('libheif-js/wasm-bundle');
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER, { eval: true, workerData: { file, maxPixels, module } });
    let answered = false;
    // A file that keeps libheif busy this long is not a photo worth waiting for.
    const timer = setTimeout(() => void worker.terminate(), DECODE_TIMEOUT_MS);
    worker.once('message', (message: Decoded) => {
      answered = true;
      clearTimeout(timer);
      resolve(message);
      void worker.terminate();
    });
    worker.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    worker.once('exit', () => {
      clearTimeout(timer);
      if (!answered) resolve({ ok: false, reason: 'unreadable' });
    });
  });
}
