import { type Kysely, sql } from 'kysely';
import type { DB, MediaItemRow, MediaItemUpdate } from '../db/schema.js';

/** Filters and page of the library list (newest first). */
export interface MediaPageOptions {
  /** Name or alt text containing this (case-insensitive). */
  q?: string;
  tag?: string;
  kind?: MediaItemRow['kind'];
  limit: number;
  /** Where the previous page ended. */
  after?: { createdAt: string; id: string };
}

/** `%text%` for LIKE, with the wildcards in `text` escaped (the query says `escape '\'`). */
function containsPattern(text: string): string {
  return `%${text.toLowerCase().replace(/[\\%_]/gu, (char) => `\\${char}`)}%`;
}

/** A workspace's media items. Every method but `businessIdOf` and the sweep's is scoped by the workspace. */
export class MediaRepository {
  constructor(private readonly db: Kysely<DB>) {}

  /** The workspace of an item reached by id alone (`/api/media/{id}`), for the access check. */
  async businessIdOf(mediaId: string): Promise<string | undefined> {
    const row = await this.db
      .selectFrom('media_items')
      .select('business_id')
      .where('id', '=', mediaId)
      .executeTakeFirst();
    return row?.business_id;
  }

  find(businessId: string, mediaId: string): Promise<MediaItemRow | undefined> {
    return this.db
      .selectFrom('media_items')
      .selectAll()
      .where('business_id', '=', businessId)
      .where('id', '=', mediaId)
      .executeTakeFirst();
  }

  /** The items among `mediaIds` that belong to the workspace (others are simply absent). */
  findMany(businessId: string, mediaIds: readonly string[]): Promise<MediaItemRow[]> {
    if (mediaIds.length === 0) return Promise.resolve([]);
    return this.db
      .selectFrom('media_items')
      .selectAll()
      .where('business_id', '=', businessId)
      .where('id', 'in', mediaIds)
      .execute();
  }

  /** One page, newest first; (created_at, id) makes the order total so pages never overlap. */
  page(businessId: string, options: MediaPageOptions): Promise<MediaItemRow[]> {
    let query = this.db.selectFrom('media_items').selectAll().where('business_id', '=', businessId);
    if (options.kind) query = query.where('kind', '=', options.kind);
    if (options.tag) query = query.where('tags', 'like', containsPattern(`"${options.tag}"`));
    if (options.q) {
      const pattern = containsPattern(options.q);
      query = query.where((eb) =>
        eb.or([
          sql<boolean>`lower(media_items.name) like ${pattern} escape '\\'`,
          sql<boolean>`lower(media_items.alt_text) like ${pattern} escape '\\'`,
        ]),
      );
    }
    const { after } = options;
    if (after) {
      query = query.where((eb) =>
        eb(eb.refTuple('created_at', 'id'), '<', eb.tuple(after.createdAt, after.id)),
      );
    }
    return query.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(options.limit).execute();
  }

  /** Bytes the workspace's library holds, renditions included. */
  async storedBytes(businessId: string): Promise<number> {
    const row = await this.db
      .selectFrom('media_items')
      .select((eb) => eb.fn.coalesce(eb.fn.sum<number>('stored_bytes'), sql<number>`0`).as('bytes'))
      .where('business_id', '=', businessId)
      .executeTakeFirst();
    return Number(row?.bytes ?? 0);
  }

  async insert(row: MediaItemRow): Promise<void> {
    await this.db.insertInto('media_items').values(row).execute();
  }

  /** Apply `patch`; with `fromStatus`, only while the item still has that status. */
  update(
    businessId: string,
    mediaId: string,
    patch: MediaItemUpdate,
    fromStatus?: MediaItemRow['status'],
  ): Promise<MediaItemRow | undefined> {
    let query = this.db
      .updateTable('media_items')
      .set(patch)
      .where('business_id', '=', businessId)
      .where('id', '=', mediaId);
    if (fromStatus) query = query.where('status', '=', fromStatus);
    return query.returningAll().executeTakeFirst();
  }

  async delete(businessId: string, mediaId: string): Promise<boolean> {
    const result = await this.db
      .deleteFrom('media_items')
      .where('business_id', '=', businessId)
      .where('id', '=', mediaId)
      .executeTakeFirst();
    return result.numDeletedRows > 0n;
  }

  /** Which of `mediaIds` have a row (any workspace): the orphan sweep keeps their files. */
  async existingIds(mediaIds: readonly string[]): Promise<Set<string>> {
    if (mediaIds.length === 0) return new Set();
    const rows = await this.db.selectFrom('media_items').select('id').where('id', 'in', mediaIds).execute();
    return new Set(rows.map((row) => row.id));
  }

  /** Items still `processing` since before `before` (an upload a crash cut off), oldest first. */
  stuckProcessing(before: string, limit: number): Promise<Array<Pick<MediaItemRow, 'id' | 'business_id'>>> {
    return this.db
      .selectFrom('media_items')
      .select(['id', 'business_id'])
      .where('status', '=', 'processing')
      .where('updated_at', '<', before)
      .orderBy('updated_at')
      .limit(limit)
      .execute();
  }
}
