import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { fileTypeFromBuffer } from 'file-type';
import { AppError } from '#server/errors/app-error.js';
import {
  ACCEPTED_MEDIA_DESCRIPTION,
  ACCEPTED_MEDIA_TYPES,
  type AcceptedMediaType,
  isAcceptedMediaType,
  type MediaKind,
} from '#shared/media.schema.js';

/** How many leading bytes decide the type (file-type reads at most this many for the formats we accept). */
const SNIFF_BYTES = 4100;

/** An upload written to a local file, its type read from its bytes. */
export interface SpooledUpload {
  path: string;
  size: number;
  mime: AcceptedMediaType;
  kind: MediaKind;
  /** Delete the file (safe to call twice). */
  dispose(): Promise<void>;
}

export interface UploadLimits {
  maxImageBytes: number;
  maxVideoBytes: number;
}

/**
 * Stream an upload to a file of its own under `directory`, deciding its type from the first bytes (never
 * the name or the Content-Type) and stopping as soon as it passes its kind's size limit. Nothing is held
 * in memory beyond the first few kilobytes.
 */
export async function spoolUpload(
  source: Readable,
  directory: string,
  limits: UploadLimits,
): Promise<SpooledUpload> {
  const chunks = source[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
  const head = await readHead(chunks);
  const detected = head.length > 0 ? await fileTypeFromBuffer(head) : undefined;
  if (!detected || !isAcceptedMediaType(detected.mime)) {
    source.destroy();
    const what = detected ? `a ${detected.mime} file` : 'not a file type the library knows';
    throw new AppError(
      'unsupported_media_type',
      `This is ${what}. Accepted: ${ACCEPTED_MEDIA_DESCRIPTION}.`,
      {
        facts: { reason: 'media_type_refused', found: detected?.mime ?? null },
      },
    );
  }
  const mime = detected.mime;
  const kind = ACCEPTED_MEDIA_TYPES[mime];
  const limit = kind === 'image' ? limits.maxImageBytes : limits.maxVideoBytes;

  await mkdir(directory, { recursive: true });
  const file = path.join(directory, `upload-${randomUUID()}`);
  const dispose = () => rm(file, { force: true });
  let size = 0;
  const counter = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      size += chunk.length;
      if (size > limit) callback(tooLarge(kind, limit));
      else callback(null, chunk);
    },
  });
  const rest = Readable.from(
    (async function* () {
      yield head;
      for (let next = await chunks.next(); !next.done; next = await chunks.next()) yield next.value;
    })(),
  );
  try {
    await pipeline(rest, counter, createWriteStream(file, { flags: 'wx', mode: 0o600 }));
  } catch (error) {
    source.destroy();
    await dispose();
    throw error;
  }
  return { path: file, size, mime, kind, dispose };
}

/** At least SNIFF_BYTES (or everything, if the upload is shorter). */
async function readHead(chunks: AsyncIterator<Buffer>): Promise<Buffer> {
  const parts: Buffer[] = [];
  let length = 0;
  while (length < SNIFF_BYTES) {
    const next = await chunks.next();
    if (next.done) break;
    parts.push(next.value);
    length += next.value.length;
  }
  return Buffer.concat(parts);
}

function tooLarge(kind: MediaKind, limit: number): AppError {
  const noun = kind === 'image' ? 'Images' : 'Videos';
  return new AppError('media_too_large', `${noun} may be up to ${formatBytes(limit)}; this one is larger.`, {
    facts: { reason: 'media_file_too_large', kind, limit_bytes: limit },
  });
}

/** `20 MB`, `500 MB`, `5 GB`: binary units, as the limits are set. */
export function formatBytes(bytes: number): string {
  const units = ['bytes', 'KB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  const shown = Number.isInteger(value) ? String(value) : value.toFixed(1);
  return `${shown} ${units[unit]}`;
}
