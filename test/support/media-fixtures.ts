import { execFile } from 'node:child_process';
import { readFile, rm, writeFile } from 'node:fs/promises';
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

/** A one-second 320 × 240 H.264 MP4 with AAC audio, made by ffmpeg; `extra` arguments go before the output. */
export async function shortMp4(extra: string[] = []): Promise<Buffer> {
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
    ...extra,
    file,
  ]);
  try {
    return await readFile(file);
  } finally {
    await rm(file, { force: true });
  }
}

/**
 * A phone-style MP4: a GPS position in the container (`location`, as an iPhone writes it), a title, stream
 * tags, and a display matrix turning it a quarter (recorded sideways, shown upright as 240 × 320).
 */
export async function phoneMp4WithLocation(): Promise<Buffer> {
  const plain = await shortMp4([
    '-metadata',
    'location=+48.8584+002.2945/',
    '-metadata',
    'title=Secret trip',
  ]);
  const source = path.join(tmpdir(), `mcc-test-${process.pid}-${Date.now()}-in.mp4`);
  const turned = path.join(tmpdir(), `mcc-test-${process.pid}-${Date.now()}-turned.mp4`);
  await writeFile(source, plain);
  try {
    // ffmpeg 5 writes a display matrix from the `rotate` tag when it copies streams.
    await promisify(execFile)('ffmpeg', [
      ...['-v', 'error', '-y', '-i', source, '-map_metadata', '0', '-c', 'copy'],
      ...['-metadata:s:v:0', 'rotate=90', '-metadata:s:v:0', 'handler_name=Core Media Video', turned],
    ]);
    return await readFile(turned);
  } finally {
    await Promise.all([rm(source, { force: true }), rm(turned, { force: true })]);
  }
}

/** What ffprobe reads from a video file: every tag of the container and streams, and the rotation. */
export async function probeTags(bytes: Buffer): Promise<{
  format: Record<string, string>;
  streams: Array<Record<string, string>>;
  rotation: number | null;
}> {
  const file = path.join(tmpdir(), `mcc-test-${process.pid}-${Date.now()}-probe.mp4`);
  await writeFile(file, bytes);
  try {
    const { stdout } = await promisify(execFile)('ffprobe', [
      ...['-v', 'error', '-print_format', 'json', '-show_format', '-show_streams', file],
    ]);
    const json = JSON.parse(stdout) as {
      format: { tags?: Record<string, string> };
      streams: Array<{
        codec_type: string;
        tags?: Record<string, string>;
        side_data_list?: Array<{ rotation?: number }>;
      }>;
    };
    const video = json.streams.find((stream) => stream.codec_type === 'video');
    return {
      format: json.format.tags ?? {},
      streams: json.streams.map((stream) => stream.tags ?? {}),
      rotation: video?.side_data_list?.find((data) => data.rotation !== undefined)?.rotation ?? null,
    };
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

/** A 400 × 300 HEIC with EXIF and a GPS position (test/support/fixtures/README.md says how it was made). */
export function heicPhotoWithGps(): Promise<Buffer> {
  return readFile(new URL('./fixtures/photo-with-gps.heic', import.meta.url));
}
