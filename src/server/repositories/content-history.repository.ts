import type { Kysely } from 'kysely';
import type { ContentHistoryAction } from '#shared/content.schema.js';
import type { ContentHistoryRow, DB } from '../db/schema.js';

/** Every change of every content item, append-only. Scoped by workspace id. */
export class ContentHistoryRepository {
  constructor(private readonly db: Kysely<DB>) {}

  async insert(entries: readonly ContentHistoryRow[]): Promise<void> {
    if (entries.length === 0) return;
    await this.db.insertInto('content_item_history').values(entries).execute();
  }

  /** Oldest first; `after` is the id of the last entry of the previous page (UUIDv7 is time-ordered). */
  page(
    businessId: string,
    itemId: string,
    options: { limit: number; after?: string },
  ): Promise<ContentHistoryRow[]> {
    let query = this.db
      .selectFrom('content_item_history')
      .selectAll()
      .where('business_id', '=', businessId)
      .where('content_item_id', '=', itemId);
    if (options.after) query = query.where('id', '>', options.after);
    return query.orderBy('id').limit(options.limit).execute();
  }

  /** The person who last made `action` on an item (null: nobody, or an API key or the system). */
  async lastActor(businessId: string, itemId: string, action: ContentHistoryAction): Promise<string | null> {
    const row = await this.db
      .selectFrom('content_item_history')
      .select('actor_user_id')
      .where('business_id', '=', businessId)
      .where('content_item_id', '=', itemId)
      .where('action', '=', action)
      .orderBy('id', 'desc')
      .limit(1)
      .executeTakeFirst();
    return row?.actor_user_id ?? null;
  }
}
