import { createWriteStream } from 'node:fs';
import { mkdir, readdir, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { isForeignKeyViolation } from '#server/db/errors.js';
import { newId } from '#server/db/ids.js';
import type { MediaItemRow } from '#server/db/schema.js';
import { AppError } from '#server/errors/app-error.js';
import {
  type ByteRange,
  type ObjectStore,
  RangeNotSatisfiableError,
  type RequestedRange,
} from '#server/integrations/storage/object-store.js';
import type { Repositories } from '#server/repositories/index.js';
import { CONTENT_TRASH_HOURS } from '#shared/content.schema.js';
import type {
  FocalPoint,
  MediaItem,
  MediaListQuery,
  Rendition,
  SignedUrl,
  SignedUrlBody,
  UpdateMediaBody,
  VideoFacts,
} from '#shared/media.schema.js';
import type { Permission } from '#shared/roles.js';
import { ruleFieldMessage } from '#shared/rule-field-messages.js';
import { actorOf, type Principal } from '../access/principal.js';
import { requireWorkspaceRole } from '../access/workspace-access.js';
import { decodeCursor, encodeCursor } from '../common/cursor.js';
import { recordAudit } from '../workspace/audit.service.js';
import { decodeHeicToFile } from './heic-decode.js';
import { canDecodeHeic, inspectImage, makeRenditions, writeCleanOriginal } from './image-renditions.js';
import { ImageThreadPriority } from './image-thread-priority.js';
import { Limiter } from './limiter.js';
import type { SignedMediaLinks } from './signed-media-links.js';
import { formatBytes, type SpooledUpload, spoolUpload } from './upload-spool.js';
import { stripVideoMetadata, VideoRemuxError } from './video-metadata.js';
import { probeVideo, VideoProbeError } from './video-probe.js';

/** How the library is set up (config.media, plus where uploads wait while they are checked). */
export interface MediaSettings {
  maxImageBytes: number;
  maxVideoBytes: number;
  maxImagePixels: number;
  quotaBytes: number;
  processingConcurrency: number;
  /** How far below the event loop libvips' pixel threads run (image-thread-priority.ts); 0: as they are. */
  imageThreadNice: number;
  /** A local directory for uploads in flight (whatever the store). */
  spoolDirectory: string;
  /** Where signed links point (PUBLIC_URL); without it they are paths on this server. */
  publicUrl: string | undefined;
}

export interface MediaServiceDeps {
  repos: Repositories;
  store: ObjectStore;
  links: SignedMediaLinks;
  settings: MediaSettings;
  now: () => Date;
  /** The ffprobe binary (a test seam for "not installed"). */
  ffprobe?: string;
  /** The ffmpeg binary that removes videos' metadata (a test seam for "not installed"). */
  ffmpeg?: string;
}

/**
 * What the server already knows about a file it made itself (a text card's words, a generated image's
 * prompt): stored with the item from its first write.
 */
export interface MediaDescription {
  altText?: string;
  tags?: string[];
}

/** A file of the library on its way to a reader. */
export interface MediaFile {
  body: Readable;
  size: number;
  range?: ByteRange;
  contentType: string;
  /** A name for Content-Disposition (the route makes it safe). */
  fileName: string;
}

/** Uploads still `processing` this long after their last change were cut off by a crash. */
const STUCK_AFTER_MS = 60 * 60_000;
/** Files without a row are left this long first: an upload writes its row before its files, but be generous. */
const ORPHAN_GRACE_MS = 60 * 60_000;
/** Spooled uploads older than this were abandoned by a process that died. */
const SPOOL_GRACE_MS = 24 * 60 * 60_000;

const CENTRE: FocalPoint = { x: 0.5, y: 0.5 };
const RENDITION_TYPES: Record<Rendition['format'], string> = { webp: 'image/webp', jpeg: 'image/jpeg' };
const EXTENSIONS: Record<string, string> = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/webp': 'webp',
  'image/gif': 'gif',
  'image/heic': 'heic',
  'video/mp4': 'mp4',
  'video/quicktime': 'mov',
};

/**
 * The media library: upload (type from the bytes, size and pixel limits, the workspace's quota), the
 * renditions networks need, search, describe, serve to members, signed links for networks, delete, and
 * the sweep of what crashes leave behind. Files live in the object store under `<business>/<item>/`.
 *
 * Alt text is what people write. The writer's suggestion (issue 17) will come as its own endpoint that
 * returns text for the user to accept with `update`; nothing here writes alt text on its own.
 */
export class MediaService {
  private readonly limiter: Limiter;
  private readonly imageThreads: ImageThreadPriority;

  constructor(private readonly deps: MediaServiceDeps) {
    this.limiter = new Limiter(deps.settings.processingConcurrency);
    this.imageThreads = new ImageThreadPriority(deps.settings.imageThreadNice);
  }

  /**
   * Run image work in one of the processing slots. libvips' threads are lowered before it starts and
   * again when it ends, since libvips starts new threads while it works (image-thread-priority.ts).
   */
  private processImage<T>(work: () => Promise<T>): Promise<T> {
    return this.limiter.run(async () => {
      this.imageThreads.lowerImageThreads();
      try {
        return await work();
      } finally {
        this.imageThreads.lowerImageThreads();
      }
    });
  }

  /**
   * Take an upload whole or not at all: it is refused before anything is kept when its type, size,
   * pixels or the quota say no; renditions are ready when this returns.
   */
  async upload(
    principal: Principal,
    businessId: string,
    file: { stream: Readable; fileName: string; describe?: MediaDescription },
  ): Promise<MediaItem> {
    await requireWorkspaceRole(this.deps.repos, principal, businessId, 'media.write');
    const { settings } = this.deps;
    const uploaded = await spoolUpload(file.stream, settings.spoolDirectory, settings);
    let spooled = uploaded;
    try {
      if (uploaded.mime === 'image/heic' && !canDecodeHeic()) {
        // Decoded in a worker (heic-decode.ts) to a file libvips reads; the rest is the usual pipeline.
        const decoded = `${uploaded.path}.v`;
        spooled = { ...uploaded, path: decoded, dispose: () => rm(decoded, { force: true }) };
        await this.processImage(() => decodeHeicToFile(uploaded.path, decoded, settings.maxImagePixels));
      }
      const size =
        spooled.kind === 'image' ? await inspectImage(spooled.path, settings.maxImagePixels) : undefined;
      const row = await this.reserve(
        principal,
        businessId,
        spooled,
        displayName(file.fileName),
        size,
        file.describe,
      );
      try {
        const done =
          spooled.kind === 'video'
            ? await this.storeVideo(row, spooled)
            : await this.processImage(() => this.storeImage(row, spooled));
        return toMediaItem(done);
      } catch (error) {
        await this.discard(row.business_id, row.id);
        throw error;
      }
    } finally {
      await spooled.dispose();
      await uploaded.dispose();
    }
  }

  /**
   * Refuses (413 quota_exceeded) when the workspace's library is already full: for work that pays for a
   * file before uploading it (a generated image), so nothing is bought that the library cannot take. The
   * upload checks again with the file's size.
   */
  async ensureRoom(businessId: string): Promise<void> {
    const { quotaBytes } = this.deps.settings;
    const used = await this.deps.repos.media.storedBytes(businessId);
    if (used >= quotaBytes)
      throw new AppError(
        'quota_exceeded',
        `The library holds ${formatBytes(used)} of its ${formatBytes(quotaBytes)}. Delete files you no longer need, or ask the operator to raise MEDIA_QUOTA_BYTES.`,
      );
  }

  async list(
    principal: Principal,
    query: MediaListQuery,
  ): Promise<{ items: MediaItem[]; next_cursor: string | null }> {
    await requireWorkspaceRole(this.deps.repos, principal, query.business_id, 'media.read');
    const order = 'created_at.desc';
    const position = query.cursor ? decodeCursor(query.cursor, order, 3) : undefined;
    const rows = await this.deps.repos.media.page(query.business_id, {
      ...(query.q ? { q: query.q } : {}),
      ...(query.tag ? { tag: query.tag } : {}),
      ...(query.kind ? { kind: query.kind } : {}),
      limit: query.limit + 1,
      ...(position ? { after: { createdAt: position[0] ?? '', id: position[1] ?? '' } } : {}),
    });
    const items = rows.slice(0, query.limit);
    const last = items.at(-1);
    return {
      items: items.map(toMediaItem),
      next_cursor: rows.length > query.limit && last ? encodeCursor([order, last.created_at, last.id]) : null,
    };
  }

  async get(principal: Principal, mediaId: string): Promise<MediaItem> {
    return toMediaItem(await this.load(principal, mediaId, 'media.read'));
  }

  /** Describe an item; a new focal point cuts the crops again before this returns. */
  async update(principal: Principal, mediaId: string, body: UpdateMediaBody): Promise<MediaItem> {
    const row = await this.load(principal, mediaId, 'media.write');
    const focal = body.focal_point;
    const focalMoved = focal !== undefined && (focal.x !== row.focal_x || focal.y !== row.focal_y);
    const patch = {
      ...(body.name !== undefined ? { name: body.name } : {}),
      ...(body.alt_text !== undefined ? { alt_text: body.alt_text } : {}),
      ...(body.tags !== undefined ? { tags: JSON.stringify(body.tags) } : {}),
      ...(focal ? { focal_x: focal.x, focal_y: focal.y } : {}),
      updated_at: this.deps.now().toISOString(),
    };
    if (focalMoved && row.status === 'ready' && hasRenditions(row)) {
      const renditions = await this.processImage(() => this.recut(row, focal));
      Object.assign(patch, renditions);
    }
    const saved = await this.deps.repos.media.update(row.business_id, row.id, patch);
    if (!saved) throw new AppError('not_found', 'No such media item');
    return toMediaItem(saved);
  }

  /**
   * Remove the item and, once that has committed, its files (the sweep retries any left behind). An item
   * attached to content is refused (409 `media_in_use`, naming the items): deleting it silently would
   * change posts that were approved with it.
   */
  async delete(principal: Principal, mediaId: string): Promise<void> {
    const row = await this.load(principal, mediaId, 'media.write');
    await this.deps.repos.transaction(async (trx) => {
      await refuseIfInUse(trx, row);
      let deleted: boolean;
      try {
        deleted = await trx.media.delete(row.business_id, row.id);
      } catch (error) {
        // Attached by a request that committed after the check above: the foreign key refused the delete.
        if (isForeignKeyViolation(error))
          throw new AppError('media_in_use', `“${row.name}” was just attached to content`, {
            facts: { reason: 'media_just_attached', name: row.name },
          });
        throw error;
      }
      if (!deleted) throw new AppError('not_found', 'No such media item');
      await recordAudit(trx, {
        businessId: row.business_id,
        principal,
        action: 'media.deleted',
        target: row.id,
        details: { name: row.name },
        at: this.deps.now().toISOString(),
      });
    });
    await this.removeFiles(row.business_id, row.id).catch(() => undefined);
  }

  /** A file of the library (`original` or a rendition id) for a member of its workspace. */
  async open(
    principal: Principal,
    mediaId: string,
    variant: string,
    range?: RequestedRange,
  ): Promise<MediaFile> {
    const row = await this.load(principal, mediaId, 'media.read');
    return this.openFile(row, variant, range);
  }

  /** A link anyone may fetch `variant` with until it expires: for networks that fetch media by URL. */
  async signedUrl(principal: Principal, mediaId: string, body: SignedUrlBody): Promise<SignedUrl> {
    const row = await this.load(principal, mediaId, 'media.write');
    variantKey(row, body.variant);
    const expires = Math.floor(this.deps.now().getTime() / 1000) + body.expires_in_seconds;
    const linkPath = this.deps.links.path({
      businessId: row.business_id,
      mediaId: row.id,
      variant: body.variant,
      expires,
    });
    const base = this.deps.settings.publicUrl;
    return {
      url: base ? new URL(linkPath, base).toString() : linkPath,
      expires_at: new Date(expires * 1000).toISOString(),
    };
  }

  /**
   * The file a signed link grants. A link that was not made by this server (or was changed) answers 404
   * like a missing file; a genuine one past its time answers `link_expired`.
   */
  async openSigned(
    grant: { businessId: string; mediaId: string; variant: string; expires: number },
    signature: string,
    range?: RequestedRange,
  ): Promise<MediaFile> {
    if (!this.deps.links.verify(grant, signature)) throw new AppError('not_found', 'No such file');
    if (grant.expires * 1000 <= this.deps.now().getTime()) {
      throw new AppError('link_expired', 'This link has expired; ask for a new one');
    }
    const row = await this.deps.repos.media.find(grant.businessId, grant.mediaId);
    if (!row) throw new AppError('not_found', 'No such file');
    return this.openFile(row, grant.variant, range);
  }

  /**
   * Remove what crashes leave: items stuck in `processing` with their files, files whose item is gone,
   * the store's half-written files, and spooled uploads nobody finished. Returns how many of each.
   */
  async sweepOrphans(): Promise<{
    stuck_items: number;
    orphan_files: number;
    partial_files: number;
    spool_files: number;
  }> {
    const now = this.deps.now().getTime();
    const { repos, store } = this.deps;
    let stuckItems = 0;
    for (;;) {
      const stuck = await repos.media.stuckProcessing(new Date(now - STUCK_AFTER_MS).toISOString(), 100);
      for (const item of stuck) {
        await this.discard(item.business_id, item.id);
        stuckItems += 1;
      }
      if (stuck.length < 100) break;
    }

    const groups = new Map<string, { keys: string[]; newest: number }>();
    let orphanFiles = 0;
    const flush = async () => {
      const ids = [...groups.keys()].map((group) => group.split('/')[1] ?? '');
      const existing = await repos.media.existingIds(ids);
      for (const [group, { keys, newest }] of groups) {
        if (existing.has(group.split('/')[1] ?? '') || now - newest < ORPHAN_GRACE_MS) continue;
        for (const key of keys) await store.delete(key);
        orphanFiles += keys.length;
      }
      groups.clear();
    };
    for await (const object of store.list('')) {
      const [business, item] = object.key.split('/');
      if (!business || !item) continue;
      const group = `${business}/${item}`;
      const entry = groups.get(group) ?? { keys: [], newest: 0 };
      entry.keys.push(object.key);
      entry.newest = Math.max(entry.newest, object.lastModified.getTime());
      groups.set(group, entry);
      if (groups.size >= 500) await flush();
    }
    await flush();
    const partialFiles = await store.removeAbandonedWrites(new Date(now - ORPHAN_GRACE_MS));

    let spoolFiles = 0;
    const spool = this.deps.settings.spoolDirectory;
    for (const name of await readdir(spool).catch(() => [] as string[])) {
      const file = path.join(spool, name);
      const info = await stat(file).catch(() => undefined);
      if (info?.isFile() && now - info.mtimeMs > SPOOL_GRACE_MS) {
        await rm(file, { force: true });
        spoolFiles += 1;
      }
    }
    return {
      stuck_items: stuckItems,
      orphan_files: orphanFiles,
      partial_files: partialFiles,
      spool_files: spoolFiles,
    };
  }

  private async load(principal: Principal, mediaId: string, permission: Permission): Promise<MediaItemRow> {
    const businessId = await this.deps.repos.media.businessIdOf(mediaId);
    if (!businessId) throw new AppError('not_found', 'No such media item');
    await requireWorkspaceRole(this.deps.repos, principal, businessId, permission);
    const row = await this.deps.repos.media.find(businessId, mediaId);
    if (!row) throw new AppError('not_found', 'No such media item');
    return row;
  }

  /** The item's row, written before any file so the sweep can tell an upload in flight from an orphan. */
  private async reserve(
    principal: Principal,
    businessId: string,
    spooled: SpooledUpload,
    name: string,
    size: { width: number; height: number } | undefined,
    describe: MediaDescription | undefined,
  ): Promise<MediaItemRow> {
    const at = this.deps.now().toISOString();
    const row: MediaItemRow = {
      id: newId(),
      business_id: businessId,
      kind: spooled.kind,
      name,
      mime_type: spooled.mime,
      size_bytes: spooled.size,
      stored_bytes: spooled.size,
      status: 'processing',
      failure: null,
      note: null,
      width: size?.width ?? null,
      height: size?.height ?? null,
      video: null,
      focal_x: CENTRE.x,
      focal_y: CENTRE.y,
      alt_text: describe?.altText ?? '',
      tags: JSON.stringify(describe?.tags ?? []),
      renditions: '[]',
      created_by: actorOf(principal).actor_user_id,
      created_at: at,
      updated_at: at,
    };
    const { quotaBytes } = this.deps.settings;
    await this.deps.repos.transaction(async (trx) => {
      await trx.businesses.lockForWrites(businessId);
      const used = await trx.media.storedBytes(businessId);
      if (used + spooled.size > quotaBytes) {
        throw new AppError(
          'quota_exceeded',
          `The library holds ${formatBytes(used)} of its ${formatBytes(quotaBytes)}; this file needs ${formatBytes(spooled.size)}. Delete files you no longer need, or ask the operator to raise MEDIA_QUOTA_BYTES.`,
        );
      }
      await trx.media.insert(row);
    });
    return row;
  }

  private async storeImage(row: MediaItemRow, spooled: SpooledUpload): Promise<MediaItemRow> {
    const prefix = `${row.business_id}/${row.id}`;
    // The clean original and the renditions are cut from the upload side by side: each keeps a libvips
    // thread busy, so on a machine with two cores an upload takes the longer of the two, not their sum.
    // Both settle before a failure is passed on, so the clean-up that follows finds every file written.
    const [original, rendered] = await Promise.allSettled([
      this.storeCleanOriginal(`${prefix}/original`, spooled),
      this.renderAndStore(row, spooled.path, CENTRE),
    ]);
    if (original.status === 'rejected') throw original.reason;
    if (rendered.status === 'rejected') throw rendered.reason;
    const originalBytes = original.value;
    const renditions = rendered.value;
    return this.finish(row, {
      mime_type: spooled.mime === 'image/heic' ? 'image/jpeg' : row.mime_type,
      size_bytes: originalBytes,
      stored_bytes: originalBytes + sum(renditions),
      renditions: JSON.stringify(renditions),
    });
  }

  /** The upload as "the original", without its metadata (GIFs as they are); returns its size. */
  private async storeCleanOriginal(key: string, spooled: SpooledUpload): Promise<number> {
    if (spooled.mime === 'image/gif') {
      // GIFs carry no EXIF; they are kept as uploaded so animations survive (renditions show frame one).
      await this.putFile(key, spooled.path, spooled.size, spooled.mime);
      return spooled.size;
    }
    const format = spooled.mime === 'image/png' ? 'png' : spooled.mime === 'image/webp' ? 'webp' : 'jpeg';
    const clean = `${spooled.path}.clean`;
    try {
      const { bytes } = await writeCleanOriginal(
        spooled.path,
        format,
        clean,
        this.deps.settings.maxImagePixels,
      );
      await this.putFile(key, clean, bytes, mimeOf(format));
      return bytes;
    } finally {
      await rm(clean, { force: true });
    }
  }

  private async storeVideo(row: MediaItemRow, spooled: SpooledUpload): Promise<MediaItemRow> {
    let probe: Awaited<ReturnType<typeof probeVideo>> | undefined;
    const notes: string[] = [];
    try {
      probe = await probeVideo(spooled.path, this.deps.ffprobe ? { ffprobe: this.deps.ffprobe } : {});
    } catch (error) {
      if (!(error instanceof VideoProbeError) || error.reason !== 'missing_ffprobe') throw unreadableVideo();
      notes.push(
        'ffprobe is not installed on the server, so this video’s duration, size and codec are unknown.',
      );
    }
    const key = `${row.business_id}/${row.id}/original`;
    const clean = `${spooled.path}.clean`;
    try {
      let stored = { file: spooled.path, size: spooled.size };
      try {
        await stripVideoMetadata(spooled.path, clean, {
          container: spooled.mime === 'video/quicktime' ? 'mov' : 'mp4',
          ...(this.deps.ffmpeg ? { ffmpeg: this.deps.ffmpeg } : {}),
        });
        stored = { file: clean, size: (await stat(clean)).size };
      } catch (error) {
        if (!(error instanceof VideoRemuxError) || error.reason !== 'missing_ffmpeg') throw unreadableVideo();
        notes.push(
          'ffmpeg is not installed on the server, so this video is stored with its metadata, which can include where it was recorded.',
        );
      }
      await this.putFile(key, stored.file, stored.size, spooled.mime);
      return this.finish(row, {
        note: notes.length ? notes.join(' ') : null,
        size_bytes: stored.size,
        stored_bytes: stored.size,
        width: probe?.width ?? null,
        height: probe?.height ?? null,
        video: probe ? JSON.stringify(probe.facts) : null,
      });
    } finally {
      await rm(clean, { force: true });
    }
  }

  /** Cut every rendition from `file` and store it; the stored originals of the item stay as they are. */
  private async renderAndStore(row: MediaItemRow, file: string, focal: FocalPoint): Promise<Rendition[]> {
    const outputs = await makeRenditions(file, focal, this.deps.settings.maxImagePixels, `${file}.working`);
    const prefix = `${row.business_id}/${row.id}`;
    try {
      await Promise.all(
        outputs.map((output) =>
          this.deps.store.putFile(`${prefix}/${output.id}`, output.file, {
            size: output.bytes,
            contentType: RENDITION_TYPES[output.format],
          }),
        ),
      );
    } finally {
      await Promise.all(outputs.map((output) => rm(output.file, { force: true })));
    }
    return outputs.map(({ file: _file, ...rendition }) => rendition);
  }

  /** The renditions again around a new focal point, from the stored (clean) original. */
  private async recut(
    row: MediaItemRow,
    focal: FocalPoint,
  ): Promise<Pick<MediaItemRow, 'renditions' | 'stored_bytes'>> {
    const original = await this.deps.store.get(`${row.business_id}/${row.id}/original`);
    if (!original) throw new AppError('not_found', 'The item’s file is missing');
    await mkdir(this.deps.settings.spoolDirectory, { recursive: true });
    const local = path.join(this.deps.settings.spoolDirectory, `recut-${newId()}`);
    try {
      await pipeline(original.body, createWriteStream(local, { flags: 'wx', mode: 0o600 }));
      const renditions = await this.renderAndStore(row, local, focal);
      return {
        renditions: JSON.stringify(renditions),
        stored_bytes: Number(row.size_bytes) + sum(renditions),
      };
    } finally {
      await rm(local, { force: true });
    }
  }

  private async finish(row: MediaItemRow, patch: Partial<MediaItemRow>): Promise<MediaItemRow> {
    const saved = await this.deps.repos.media.update(
      row.business_id,
      row.id,
      { ...patch, status: 'ready', updated_at: this.deps.now().toISOString() },
      'processing',
    );
    // Deleted (or swept) while it was being processed: its files go too.
    if (!saved) throw new AppError('not_found', 'The item was deleted while it was being processed');
    return saved;
  }

  private async putFile(key: string, file: string, size: number, contentType: string): Promise<void> {
    await this.deps.store.putFile(key, file, { size, contentType });
  }

  private async openFile(row: MediaItemRow, variant: string, range?: RequestedRange): Promise<MediaFile> {
    if (row.status !== 'ready') throw new AppError('not_found', 'The file is still being processed');
    const { key, contentType, fileName } = variantKey(row, variant);
    let object: Awaited<ReturnType<ObjectStore['get']>>;
    try {
      object = await this.deps.store.get(key, range);
    } catch (error) {
      if (error instanceof RangeNotSatisfiableError) {
        throw new AppError('range_not_satisfiable', `The file has ${error.size} bytes`);
      }
      throw error;
    }
    if (!object) throw new AppError('not_found', 'The file is missing');
    return { ...object, contentType, fileName };
  }

  /** Delete an item's row (if any) and files. */
  private async discard(businessId: string, mediaId: string): Promise<void> {
    await this.deps.repos.media.delete(businessId, mediaId);
    await this.removeFiles(businessId, mediaId);
  }

  private async removeFiles(businessId: string, mediaId: string): Promise<void> {
    for await (const object of this.deps.store.list(`${businessId}/${mediaId}/`)) {
      await this.deps.store.delete(object.key);
    }
  }
}

/** How many of the items using a media item a refusal names; the rest are counted. */
const USES_NAMED = 5;

async function refuseIfInUse(repos: Repositories, row: MediaItemRow): Promise<void> {
  const uses = await repos.contentMedia.usesOf(row.business_id, row.id, USES_NAMED);
  if (uses.length === 0) return;
  const total = await repos.contentMedia.countUses(row.business_id, row.id);
  // A deleted item keeps its media so that Undo restores it whole; it lets go at the purge.
  const named = uses.map((use) =>
    use.deleted_at
      ? `“${use.title || 'Untitled'}” (deleted, restorable for ${CONTENT_TRASH_HOURS} hours)`
      : `“${use.title || 'Untitled'}” (${use.channel}, ${use.status.replace('_', ' ')})`,
  );
  const more = total > uses.length ? ` and ${total - uses.length} more` : '';
  throw new AppError(
    'media_in_use',
    `“${row.name}” is attached to ${total === 1 ? '1 content item' : `${total} content items`}: ${named.join(', ')}${more}. Remove it from them first.`,
    {
      facts: { reason: 'media_attached', name: row.name, items: total },
      errors: uses.map((use) => ({
        path: `content_items.${use.content_item_id}`,
        message: `Attached to “${use.title || 'Untitled'}”`,
        code: 'in_use',
      })),
    },
  );
}

/** Where `variant` of `row` is stored, its type and a download name; unknown variants are 404. */
function variantKey(
  row: MediaItemRow,
  variant: string,
): { key: string; contentType: string; fileName: string } {
  const prefix = `${row.business_id}/${row.id}`;
  const base = row.name.replace(/\.[A-Za-z0-9]{1,5}$/, '');
  if (variant === 'original') {
    return {
      key: `${prefix}/original`,
      contentType: row.mime_type,
      fileName: `${base}.${EXTENSIONS[row.mime_type] ?? 'bin'}`,
    };
  }
  const rendition = (JSON.parse(row.renditions) as Rendition[]).find((candidate) => candidate.id === variant);
  if (!rendition) throw new AppError('not_found', 'This item has no such rendition');
  return {
    key: `${prefix}/${rendition.id}`,
    contentType: RENDITION_TYPES[rendition.format],
    fileName: `${base}-${rendition.id}`,
  };
}

function unreadableVideo(): AppError {
  return new AppError(
    'validation_failed',
    'The video could not be read: the file is damaged or incomplete.',
    {
      errors: [{ path: 'body.file', message: ruleFieldMessage('videoUnreadable'), code: 'invalid' }],
    },
  );
}

function mimeOf(format: 'jpeg' | 'png' | 'webp'): string {
  return `image/${format}`;
}

function hasRenditions(row: MediaItemRow): boolean {
  return row.renditions !== '[]';
}

function sum(renditions: Rendition[]): number {
  return renditions.reduce((total, rendition) => total + rendition.bytes, 0);
}

/** The file name as a display name: no folders, no control characters, at most 200 characters. */
function displayName(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? '';
  const printable = [...base].filter((char) => char >= ' ' && char !== '\u007f').join('');
  const clean = printable.trim().slice(0, 200);
  return clean || 'Untitled';
}

export function toMediaItem(row: MediaItemRow): MediaItem {
  return {
    id: row.id,
    business_id: row.business_id,
    kind: row.kind,
    name: row.name,
    mime_type: row.mime_type,
    size_bytes: Number(row.size_bytes),
    stored_bytes: Number(row.stored_bytes),
    status: row.status,
    failure: row.failure,
    note: row.note,
    width: row.width,
    height: row.height,
    video: row.video ? (JSON.parse(row.video) as VideoFacts) : null,
    focal_point: { x: row.focal_x, y: row.focal_y },
    alt_text: row.alt_text,
    tags: JSON.parse(row.tags) as string[],
    renditions: JSON.parse(row.renditions) as Rendition[],
    created_by: row.created_by,
    created_at: row.created_at,
    updated_at: row.updated_at,
  };
}
