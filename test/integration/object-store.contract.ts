import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type ObjectStore, RangeNotSatisfiableError } from '#server/integrations/storage/object-store.js';

/** A store prepared for the contract, empty, and how to throw it away. */
export interface StoreUnderTest {
  store: ObjectStore;
  dispose(): Promise<void>;
}

/** A stream yielding `bytes` in chunks of `size`, as an upload arrives. */
function chunked(bytes: Buffer, size = 64 * 1024): Readable {
  return Readable.from(
    (function* () {
      for (let at = 0; at < bytes.length; at += size) yield bytes.subarray(at, at + size);
    })(),
  );
}

async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
}

/**
 * What every `ObjectStore` promises, run against each implementation (object-store.test.ts): the local
 * directory and an S3-compatible server.
 */
export function describeObjectStoreContract(name: string, create: () => Promise<StoreUnderTest>): void {
  describe(`${name}: ObjectStore contract`, () => {
    let t: StoreUnderTest;

    beforeEach(async () => {
      t = await create();
    });
    afterEach(() => t.dispose());

    it('streams a multi-megabyte body in and reads the same bytes back', async () => {
      const bytes = randomBytes(3 * 1024 * 1024 + 17);
      await t.store.put('b1/m1/original', chunked(bytes), { size: bytes.length, contentType: 'image/jpeg' });
      const object = await t.store.get('b1/m1/original');
      expect(object?.size).toBe(bytes.length);
      expect(object?.range).toBeUndefined();
      expect((await buffer(object?.body ?? Readable.from([]))).equals(bytes)).toBe(true);
    });

    it('reads a byte range, clamped to the end of the object', async () => {
      const bytes = randomBytes(1000);
      await t.store.put('b1/m1/video', bytes, { size: bytes.length, contentType: 'video/mp4' });
      const middle = await t.store.get('b1/m1/video', { start: 100, end: 199 });
      expect(middle?.range).toEqual({ start: 100, end: 199 });
      expect(middle?.size).toBe(1000);
      expect((await buffer(middle?.body ?? Readable.from([]))).equals(bytes.subarray(100, 200))).toBe(true);
      const tail = await t.store.get('b1/m1/video', { start: 900, end: 5000 });
      expect(tail?.range).toEqual({ start: 900, end: 999 });
      expect((await buffer(tail?.body ?? Readable.from([]))).equals(bytes.subarray(900))).toBe(true);
    });

    it('reads the last bytes for a suffix range, the whole object when the suffix is longer', async () => {
      const bytes = randomBytes(1000);
      await t.store.put('b1/m1/clip', bytes, { size: bytes.length, contentType: 'video/mp4' });
      const last = await t.store.get('b1/m1/clip', { suffix: 100 });
      expect(last?.range).toEqual({ start: 900, end: 999 });
      expect(last?.size).toBe(1000);
      expect((await buffer(last?.body ?? Readable.from([]))).equals(bytes.subarray(900))).toBe(true);
      const all = await t.store.get('b1/m1/clip', { suffix: 5000 });
      expect(all?.range).toEqual({ start: 0, end: 999 });
      expect((await buffer(all?.body ?? Readable.from([]))).equals(bytes)).toBe(true);
    });

    it('refuses a range that starts past the end, saying how large the object is', async () => {
      await t.store.put('b1/m1/small', Buffer.from('hello'), { size: 5, contentType: 'text/plain' });
      const refused = await t.store
        .get('b1/m1/small', { start: 5, end: 10 })
        .catch((error: unknown) => error);
      expect(refused).toBeInstanceOf(RangeNotSatisfiableError);
      expect((refused as RangeNotSatisfiableError).size).toBe(5);
    });

    it('answers undefined for a missing object and deletes idempotently', async () => {
      expect(await t.store.get('b1/nothing/here')).toBeUndefined();
      await t.store.put('b1/m2/original', Buffer.from('x'), { size: 1, contentType: 'image/png' });
      await t.store.delete('b1/m2/original');
      await t.store.delete('b1/m2/original');
      expect(await t.store.get('b1/m2/original')).toBeUndefined();
    });

    it('replaces an object whole', async () => {
      await t.store.put('b1/m3/w320.webp', Buffer.from('first version'), {
        size: 13,
        contentType: 'image/webp',
      });
      await t.store.put('b1/m3/w320.webp', Buffer.from('second'), { size: 6, contentType: 'image/webp' });
      const object = await t.store.get('b1/m3/w320.webp');
      expect((await buffer(object?.body ?? Readable.from([]))).toString()).toBe('second');
    });

    it('fails a body that ends short of its announced size and keeps nothing', async () => {
      const failed = await t.store
        .put('b1/m4/original', chunked(randomBytes(100)), { size: 200, contentType: 'image/png' })
        .then(
          () => undefined,
          (error: unknown) => error,
        );
      expect(failed).toBeInstanceOf(Error);
      expect(await t.store.get('b1/m4/original')).toBeUndefined();
    });

    it('stores a local file, leaves the file, and refuses one of another size keeping nothing', async () => {
      const directory = mkdtempSync(path.join(tmpdir(), 'mcc-store-file-'));
      try {
        const file = path.join(directory, 'rendition');
        const bytes = randomBytes(200 * 1024 + 3);
        writeFileSync(file, bytes);
        await t.store.putFile('b1/m7/w320.webp', file, { size: bytes.length, contentType: 'image/webp' });
        const object = await t.store.get('b1/m7/w320.webp');
        expect((await buffer(object?.body ?? Readable.from([]))).equals(bytes)).toBe(true);
        expect(existsSync(file)).toBe(true);
        const failed = await t.store
          .putFile('b1/m7/w640.webp', file, { size: bytes.length + 1, contentType: 'image/webp' })
          .then(
            () => undefined,
            (error: unknown) => error,
          );
        expect(failed).toBeInstanceOf(Error);
        expect(await t.store.get('b1/m7/w640.webp')).toBeUndefined();
        expect(await collect(t.store.list('b1/m7/'))).toEqual([
          expect.objectContaining({ key: 'b1/m7/w320.webp', size: bytes.length }),
        ]);
      } finally {
        rmSync(directory, { recursive: true, force: true });
      }
    });

    it('lists the objects under a prefix with their sizes', async () => {
      await t.store.put('b1/m5/original', Buffer.from('12345'), { size: 5, contentType: 'image/png' });
      await t.store.put('b1/m5/w320.webp', Buffer.from('123'), { size: 3, contentType: 'image/webp' });
      await t.store.put('b2/m6/original', Buffer.from('1'), { size: 1, contentType: 'image/png' });
      const listed = await collect(t.store.list('b1/'));
      expect(listed.map(({ key, size }) => [key, size]).sort()).toEqual([
        ['b1/m5/original', 5],
        ['b1/m5/w320.webp', 3],
      ]);
      expect(listed.every((object) => object.lastModified instanceof Date)).toBe(true);
      expect((await collect(t.store.list(''))).map((object) => object.key).sort()).toEqual([
        'b1/m5/original',
        'b1/m5/w320.webp',
        'b2/m6/original',
      ]);
    });

    it.each(['../escape', '/absolute', 'a//b', 'a/../b', 'a/./b', '', 'with space', 'a\\b'])(
      'refuses the key %j',
      async (key) => {
        await expect(
          t.store.put(key, Buffer.from('x'), { size: 1, contentType: 'image/png' }),
        ).rejects.toThrow(/Not a valid object key/);
        await expect(t.store.get(key)).rejects.toThrow(/Not a valid object key/);
      },
    );
  });
}
