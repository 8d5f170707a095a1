import type { Kysely } from 'kysely';
import type { ContentStatus } from '#shared/content.schema.js';
import type { DB, MediaItemRow } from '../db/schema.js';

/** An attached library item with the content item it belongs to and its place there. */
export type AttachedMediaRow = MediaItemRow & { content_item_id: string; position: number };

/** Where a media item is used: the content items it is attached to. */
export interface MediaUse {
  content_item_id: string;
  title: string;
  channel: string;
  status: ContentStatus;
  /** Set when the item is deleted but restorable: it keeps its media until the purge. */
  deleted_at: string | null;
}

/** Library items attached to content items. Every method is scoped by the workspace. */
export class ContentMediaRepository {
  constructor(private readonly db: Kysely<DB>) {}

  /** The media of each of `itemIds`, in publishing order. */
  forItems(businessId: string, itemIds: readonly string[]): Promise<AttachedMediaRow[]> {
    if (itemIds.length === 0) return Promise.resolve([]);
    return this.db
      .selectFrom('content_item_media')
      .innerJoin('media_items', (join) =>
        join
          .onRef('media_items.business_id', '=', 'content_item_media.business_id')
          .onRef('media_items.id', '=', 'content_item_media.media_id'),
      )
      .selectAll('media_items')
      .select(['content_item_media.content_item_id', 'content_item_media.position'])
      .where('content_item_media.business_id', '=', businessId)
      .where('content_item_media.content_item_id', 'in', itemIds)
      .orderBy('content_item_media.content_item_id')
      .orderBy('content_item_media.position')
      .execute();
  }

  /** Make `mediaIds` the item's whole media list, in that order (inside the caller's transaction). */
  async replace(businessId: string, itemId: string, mediaIds: readonly string[], at: string): Promise<void> {
    await this.db
      .deleteFrom('content_item_media')
      .where('business_id', '=', businessId)
      .where('content_item_id', '=', itemId)
      .execute();
    if (mediaIds.length === 0) return;
    await this.db
      .insertInto('content_item_media')
      .values(
        mediaIds.map((mediaId, position) => ({
          business_id: businessId,
          content_item_id: itemId,
          media_id: mediaId,
          position,
          created_at: at,
        })),
      )
      .execute();
  }

  /** The content items a media item is attached to, oldest first (at most `limit`). */
  usesOf(businessId: string, mediaId: string, limit: number): Promise<MediaUse[]> {
    return this.db
      .selectFrom('content_item_media')
      .innerJoin('content_items', (join) =>
        join
          .onRef('content_items.business_id', '=', 'content_item_media.business_id')
          .onRef('content_items.id', '=', 'content_item_media.content_item_id'),
      )
      .select([
        'content_item_media.content_item_id',
        'content_items.title',
        'content_items.channel',
        'content_items.status',
        'content_items.deleted_at',
      ])
      .where('content_item_media.business_id', '=', businessId)
      .where('content_item_media.media_id', '=', mediaId)
      .orderBy('content_item_media.content_item_id')
      .limit(limit)
      .execute();
  }

  /** How many content items a media item is attached to. */
  async countUses(businessId: string, mediaId: string): Promise<number> {
    const row = await this.db
      .selectFrom('content_item_media')
      .select((eb) => eb.fn.countAll<number>().as('uses'))
      .where('business_id', '=', businessId)
      .where('media_id', '=', mediaId)
      .executeTakeFirst();
    return Number(row?.uses ?? 0);
  }
}
