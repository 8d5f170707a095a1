import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { pipeline, type Readable } from 'node:stream';
import type { S3Client } from '@aws-sdk/client-s3';
import type { MediaStorageConfig } from '#server/config/config.js';
import {
  assertValidKey,
  assertValidPrefix,
  type ByteRange,
  clampRange,
  exactLength,
  type ListedObject,
  type ObjectStore,
  RangeNotSatisfiableError,
  type RequestedRange,
  type StoredObject,
} from './object-store.js';

type S3Settings = Extract<MediaStorageConfig, { kind: 's3' }>;

/**
 * The AWS SDK, loaded when the first S3 store is made rather than with the app: a fifth of a second of
 * every process's start (server, worker, CLI) that an instance keeping media on disk never needs.
 */
type Sdk = typeof import('@aws-sdk/client-s3');
let sdkLoading: Promise<Sdk> | undefined;
let loadedSdk: Sdk | undefined;
const loadSdk = (): Promise<Sdk> =>
  (sdkLoading ??= import('@aws-sdk/client-s3').then((sdk) => (loadedSdk = sdk)));

/**
 * Objects in an S3-compatible bucket (AWS S3, MinIO, Cloudflare R2, …) through the AWS SDK. Bodies stream
 * both ways; nothing is held in memory whole.
 */
export class S3ObjectStore implements ObjectStore {
  readonly kind = 's3' as const;
  /** The SDK and its client, once loaded (the constructor starts loading them). */
  private readonly ready: Promise<{ sdk: Sdk; client: S3Client }>;

  constructor(private readonly settings: S3Settings) {
    this.ready = loadSdk().then((sdk) => ({ sdk, client: this.createClient(sdk) }));
    // A failure to load surfaces on the first call that awaits it, not as an unhandled rejection.
    this.ready.catch(() => undefined);
  }

  private createClient(sdk: Sdk): S3Client {
    const settings = this.settings;
    return new sdk.S3Client({
      region: settings.region,
      ...(settings.endpoint ? { endpoint: settings.endpoint } : {}),
      ...(settings.credentials ? { credentials: settings.credentials } : {}),
      forcePathStyle: settings.forcePathStyle,
      // The SDK's default CRC32 trailers (aws-chunked bodies) are not understood by every S3-compatible
      // store; Content-Length and Content-MD5-free puts are.
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
      requestHandler: { connectionTimeout: 5_000, requestTimeout: 120_000 },
    });
  }

  async put(
    key: string,
    body: Readable | Buffer,
    options: { size: number; contentType: string },
  ): Promise<void> {
    const Key = this.keyOf(key);
    // The SDK first, so that a body stream starts flowing only once there is a request to take it.
    const { sdk, client } = await this.ready;
    // The SDK does not notice a body stream failing (it pipes it): a body of the wrong length, or a source
    // that breaks off, aborts the request instead, so S3 never completes the object.
    const abort = new AbortController();
    let failure: unknown;
    const source = Buffer.isBuffer(body)
      ? body
      : pipeline(body, exactLength(options.size), (error) => {
          if (error) {
            failure = error;
            abort.abort(error);
          }
        });
    try {
      await client.send(
        new sdk.PutObjectCommand({
          Bucket: this.settings.bucket,
          Key,
          Body: source,
          ContentLength: options.size,
          ContentType: options.contentType,
        }),
        { abortSignal: abort.signal },
      );
    } catch (error) {
      throw failure ?? error;
    }
  }

  /** Streamed from disk in the SDK's request (S3 has no copy from a local file on its side). */
  async putFile(key: string, file: string, options: { size: number; contentType: string }): Promise<void> {
    // Checked before the request: a body one byte short could otherwise race the abort to the store.
    const { size } = await stat(file);
    if (size !== options.size)
      throw new Error(`The file has ${size} bytes, not the ${options.size} announced`);
    await this.put(key, createReadStream(file), options);
  }

  async get(key: string, range?: RequestedRange): Promise<StoredObject | undefined> {
    try {
      const bytes = range && 'suffix' in range ? await this.suffixAsRange(key, range.suffix) : range;
      if (bytes === null) return undefined;
      const { sdk, client } = await this.ready;
      const answer = await client.send(
        new sdk.GetObjectCommand({
          Bucket: this.settings.bucket,
          Key: this.keyOf(key),
          ...(bytes ? { Range: `bytes=${bytes.start}-${bytes.end}` } : {}),
        }),
      );
      const body = answer.Body as Readable | undefined;
      if (!body) return undefined;
      const served = /^bytes (\d+)-(\d+)\/(\d+)$/.exec(answer.ContentRange ?? '');
      if (served) {
        return {
          body,
          size: Number(served[3]),
          range: { start: Number(served[1]), end: Number(served[2]) },
        };
      }
      return { body, size: answer.ContentLength ?? 0 };
    } catch (error) {
      if (isS3Error(error, ['NoSuchKey', 'NotFound'])) return undefined;
      if (range && isS3Error(error, ['InvalidRange'])) {
        throw new RangeNotSatisfiableError(await this.sizeOf(key));
      }
      throw error;
    }
  }

  async delete(key: string): Promise<void> {
    const { sdk, client } = await this.ready;
    await client.send(new sdk.DeleteObjectCommand({ Bucket: this.settings.bucket, Key: this.keyOf(key) }));
  }

  async *list(prefix: string): AsyncIterable<ListedObject> {
    assertValidPrefix(prefix);
    const { sdk, client } = await this.ready;
    let token: string | undefined;
    do {
      const page = await client.send(
        new sdk.ListObjectsV2Command({
          Bucket: this.settings.bucket,
          Prefix: this.settings.prefix + prefix,
          ...(token ? { ContinuationToken: token } : {}),
        }),
      );
      for (const object of page.Contents ?? []) {
        if (!object.Key) continue;
        yield {
          key: object.Key.slice(this.settings.prefix.length),
          size: object.Size ?? 0,
          lastModified: object.LastModified ?? new Date(0),
        };
      }
      token = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (token);
  }

  /** Nothing to do: a PUT that breaks off leaves no object, and no part of one, behind. */
  async removeAbandonedWrites(): Promise<number> {
    return 0;
  }

  /** Close the SDK's connection pool. */
  close(): void {
    void this.ready.then(
      ({ client }) => client.destroy(),
      () => undefined,
    );
  }

  /**
   * A suffix range as an explicit one, from the object's size (null: no such object). Not every
   * S3-compatible store reads `bytes=-N` as the last N bytes (some serve the first N + 1), so the store is
   * never asked for one.
   */
  private async suffixAsRange(key: string, suffix: number): Promise<ByteRange | null> {
    let size: number;
    try {
      size = await this.sizeOf(key);
    } catch (error) {
      if (isS3Error(error, ['NoSuchKey', 'NotFound'])) return null;
      throw error;
    }
    return clampRange({ suffix }, size);
  }

  private async sizeOf(key: string): Promise<number> {
    const { sdk, client } = await this.ready;
    const head = await client.send(
      new sdk.HeadObjectCommand({ Bucket: this.settings.bucket, Key: this.keyOf(key) }),
    );
    return head.ContentLength ?? 0;
  }

  private keyOf(key: string): string {
    assertValidKey(key);
    return this.settings.prefix + key;
  }
}

function isS3Error(error: unknown, names: string[]): boolean {
  // Only the SDK's calls raise these, so it is loaded whenever one is met.
  return (
    loadedSdk !== undefined && error instanceof loadedSdk.S3ServiceException && names.includes(error.name)
  );
}
