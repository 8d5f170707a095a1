import { randomUUID } from 'node:crypto';
import { constants, createReadStream, createWriteStream } from 'node:fs';
import { chmod, copyFile, mkdir, open, readdir, rename, rm, rmdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import {
  assertValidKey,
  assertValidPrefix,
  clampRange,
  exactLength,
  type ListedObject,
  type ObjectStore,
  type RequestedRange,
  type StoredObject,
} from './object-store.js';

/** Writes in progress, under the root but never a valid key (keys cannot start with a dot). */
const PARTIAL_DIR = '.partial';

/**
 * Objects as files under `root` (by default `<DATA_DIR>/media`). A write goes to a file of its own first
 * and is renamed into place when complete, so readers never see half a file.
 */
export class LocalObjectStore implements ObjectStore {
  readonly kind = 'local' as const;
  private readonly root: string;

  constructor(root: string) {
    this.root = path.resolve(root);
  }

  async put(
    key: string,
    body: Readable | Buffer,
    options: { size: number; contentType: string },
  ): Promise<void> {
    await this.writeVia(key, (partial) =>
      pipeline(
        Buffer.isBuffer(body) ? Readable.from([body]) : body,
        exactLength(options.size),
        createWriteStream(partial, { flags: 'wx', mode: 0o600 }),
      ),
    );
  }

  async putFile(key: string, source: string, options: { size: number; contentType: string }): Promise<void> {
    await this.writeVia(key, async (partial) => {
      // copy_file_range (or sendfile) on a libuv thread: the bytes never reach the JavaScript heap.
      await copyFile(source, partial, constants.COPYFILE_EXCL);
      await chmod(partial, 0o600);
      const { size } = await stat(partial);
      if (size !== options.size)
        throw new Error(`The file has ${size} bytes, not the ${options.size} announced`);
    });
  }

  /** Write through a file of its own under `.partial/`, renamed to `key` once `write` has filled it. */
  private async writeVia(key: string, write: (partial: string) => Promise<void>): Promise<void> {
    const file = this.fileOf(key);
    const partialDir = path.join(this.root, PARTIAL_DIR);
    await Promise.all([
      mkdir(partialDir, { recursive: true }),
      mkdir(path.dirname(file), { recursive: true }),
    ]);
    const partial = path.join(partialDir, randomUUID());
    try {
      await write(partial);
      await rename(partial, file);
    } catch (error) {
      await rm(partial, { force: true });
      throw error;
    }
  }

  async get(key: string, range?: RequestedRange): Promise<StoredObject | undefined> {
    const file = this.fileOf(key);
    // Open first, then read the size of what was opened: a concurrent replace cannot mix two versions.
    const handle = await open(file, 'r').catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT' || error.code === 'EISDIR') return undefined;
      throw error;
    });
    if (!handle) return undefined;
    try {
      const info = await handle.stat();
      if (!info.isFile()) {
        await handle.close();
        return undefined;
      }
      const { size } = info;
      const clamped = range ? clampRange(range, size) : undefined;
      const body = createReadStream('', {
        fd: handle,
        autoClose: true,
        ...(clamped ? { start: clamped.start, end: clamped.end } : {}),
      });
      return { body, size, ...(clamped ? { range: clamped } : {}) };
    } catch (error) {
      await handle.close();
      throw error;
    }
  }

  async delete(key: string): Promise<void> {
    await rm(this.fileOf(key), { force: true });
    await this.removeEmptyParents(path.dirname(this.fileOf(key)));
  }

  async *list(prefix: string): AsyncIterable<ListedObject> {
    assertValidPrefix(prefix);
    // Walk only the directory the prefix names (or its parent, for a partial segment).
    const base = prefix.endsWith('/') || prefix === '' ? prefix : path.posix.dirname(prefix);
    const start = path.join(this.root, base === '.' ? '' : base);
    for await (const key of this.walk(start)) {
      if (!key.startsWith(prefix)) continue;
      const info = await stat(path.join(this.root, key)).catch(() => undefined);
      if (info?.isFile()) yield { key, size: info.size, lastModified: info.mtime };
    }
  }

  /** Half-written files under `.partial/` (a process died mid-write) last modified before `before`. */
  async removeAbandonedWrites(before: Date): Promise<number> {
    const directory = path.join(this.root, PARTIAL_DIR);
    let removed = 0;
    for (const name of await readdir(directory).catch(() => [] as string[])) {
      const file = path.join(directory, name);
      const info = await stat(file).catch(() => undefined);
      // A write in progress keeps touching its file, so only one idle since before `before` is abandoned.
      if (info?.isFile() && info.mtimeMs < before.getTime()) {
        await rm(file, { force: true });
        removed += 1;
      }
    }
    return removed;
  }

  private async *walk(directory: string): AsyncIterable<string> {
    const entries = await readdir(directory, { withFileTypes: true }).catch(
      (error: NodeJS.ErrnoException) => {
        if (error.code === 'ENOENT' || error.code === 'ENOTDIR') return [];
        throw error;
      },
    );
    for (const entry of entries) {
      const full = path.join(directory, entry.name);
      if (entry.isDirectory()) {
        if (full === path.join(this.root, PARTIAL_DIR)) continue;
        yield* this.walk(full);
      } else if (entry.isFile()) {
        yield path.relative(this.root, full).split(path.sep).join('/');
      }
    }
  }

  /** Empty folders left by deleted objects go too, up to (not including) the root. */
  private async removeEmptyParents(directory: string): Promise<void> {
    let current = directory;
    while (current.startsWith(this.root + path.sep)) {
      const entries = await readdir(current).catch(() => undefined);
      if (!entries || entries.length > 0) return;
      // A concurrent write may have just added a file: then rmdir fails and the folder stays.
      await rmdir(current).catch(() => undefined);
      current = path.dirname(current);
    }
  }

  private fileOf(key: string): string {
    assertValidKey(key);
    return path.join(this.root, ...key.split('/'));
  }
}
