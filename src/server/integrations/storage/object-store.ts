import { type Readable, Transform } from 'node:stream';

/** An inclusive byte range of an object, as HTTP `Range: bytes=start-end` names it. */
export interface ByteRange {
  start: number;
  end: number;
}

/** The last `suffix` bytes of an object, as `Range: bytes=-suffix` asks (RFC 9110, 14.1.1). */
export interface SuffixRange {
  suffix: number;
}

/** What a reader may ask a store for: a range from a position, or the object's last bytes. */
export type RequestedRange = ByteRange | SuffixRange;

/** An object being read: its bytes (all, or the range asked for) and its full size. */
export interface StoredObject {
  body: Readable;
  /** The whole object's size, whatever range was read. */
  size: number;
  /** The bytes `body` holds; undefined when it holds the whole object. */
  range?: ByteRange;
}

/** One object found by `list`. */
export interface ListedObject {
  key: string;
  size: number;
  lastModified: Date;
}

/**
 * Where media files live: a directory (local-store.ts) or an S3-compatible bucket (s3-store.ts), the same
 * contract either way (test/integration/object-store.contract.ts). Keys are relative paths of letters,
 * digits and `._-` segments separated by `/`; the stores refuse anything else, so a key can never reach
 * outside the store.
 */
export interface ObjectStore {
  readonly kind: 'local' | 's3';
  /**
   * Write `body` under `key`, replacing any object there. Readers see the old object or the whole new one,
   * never a part. `size` is the number of bytes `body` will yield (S3 needs it up front); a body that ends
   * short or runs long fails the write and leaves nothing behind.
   */
  put(key: string, body: Readable | Buffer, options: { size: number; contentType: string }): Promise<void>;
  /**
   * Write the local file `file` under `key`, as `put` does; the file is left where it is. The bytes go from
   * disk to the store without passing through JavaScript where the store allows it (a local copy is made
   * by the kernel): a file held or streamed in Buffers counts as V8 external memory, and enough of it sets
   * off the full garbage collections that stall the event loop. `size` is the file's size.
   */
  putFile(key: string, file: string, options: { size: number; contentType: string }): Promise<void>;
  /** The object's bytes, or those of `range` (clamped to its end); undefined when there is no such object. */
  get(key: string, range?: RequestedRange): Promise<StoredObject | undefined>;
  /** Remove the object; removing one that is not there is not an error. */
  delete(key: string): Promise<void>;
  /** Every object whose key starts with `prefix`, in no particular order. */
  list(prefix: string): AsyncIterable<ListedObject>;
  /**
   * Remove what writes cut off by a crash left behind, last touched before `before`; returns how many.
   * Only a local directory has such leftovers: an S3 PUT that breaks off leaves nothing.
   */
  removeAbandonedWrites(before: Date): Promise<number>;
}

/** The store was asked for a range starting at or past the object's end (HTTP 416). */
export class RangeNotSatisfiableError extends Error {
  constructor(readonly size: number) {
    super(`The range starts beyond the object's ${size} bytes`);
    this.name = 'RangeNotSatisfiableError';
  }
}

const KEY = /^[A-Za-z0-9_-][A-Za-z0-9._-]*(\/[A-Za-z0-9_-][A-Za-z0-9._-]*)*$/;

/** Refuse keys that are not plain relative paths (`..`, absolute, empty segments, odd characters). */
export function assertValidKey(key: string): void {
  if (key.length > 512 || !KEY.test(key) || key.split('/').some((segment) => /^\.+$/.test(segment))) {
    throw new Error(`Not a valid object key: ${JSON.stringify(key)}`);
  }
}

/** Refuse prefixes that could not start a valid key (an empty prefix lists everything). */
export function assertValidPrefix(prefix: string): void {
  if (prefix === '') return;
  assertValidKey(prefix.replace(/\/$/, ''));
}

/**
 * `range` as bytes of an object of `size`: clamped to its end, or for a suffix its last bytes (all of it
 * when the suffix is longer). Throws when nothing of it lies in the object: a start at or past the end,
 * an empty suffix, or any range of an empty object.
 */
export function clampRange(range: RequestedRange, size: number): ByteRange {
  if ('suffix' in range) {
    if (range.suffix <= 0 || size === 0) throw new RangeNotSatisfiableError(size);
    return { start: Math.max(0, size - range.suffix), end: size - 1 };
  }
  if (range.start >= size || range.start > range.end) throw new RangeNotSatisfiableError(size);
  return { start: range.start, end: Math.min(range.end, size - 1) };
}

/** Pass bytes through, failing when they end short of or run past `size` (a write then leaves nothing). */
export function exactLength(size: number): Transform {
  let seen = 0;
  return new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      seen += chunk.length;
      if (seen > size) callback(new Error(`The body is longer than the ${size} bytes announced`));
      else callback(null, chunk);
    },
    flush(callback) {
      if (seen !== size) callback(new Error(`The body ended after ${seen} of ${size} bytes`));
      else callback();
    },
  });
}
