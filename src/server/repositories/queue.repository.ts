import { type Kysely, sql } from 'kysely';
import type { ChannelId } from '#shared/channel-ids.js';
import type { DB, QueueSlotRow } from '../db/schema.js';

/** One published post's results, summed over its days. */
export interface PublishedResultRow {
  channel: ChannelId;
  published_at: string;
  impressions: number;
  engagements: number;
}

/** Posting slots per channel, and what "add to queue" and the best times read. Scoped by workspace. */
export class QueueRepository {
  constructor(private readonly db: Kysely<DB>) {}

  listSlots(businessId: string): Promise<Pick<QueueSlotRow, 'channel' | 'weekday' | 'time'>[]> {
    return this.db
      .selectFrom('queue_slots')
      .select(['channel', 'weekday', 'time'])
      .where('business_id', '=', businessId)
      .orderBy('channel')
      .orderBy('weekday')
      .orderBy('time')
      .execute();
  }

  slotsOf(businessId: string, channel: ChannelId): Promise<Pick<QueueSlotRow, 'weekday' | 'time'>[]> {
    return this.db
      .selectFrom('queue_slots')
      .select(['weekday', 'time'])
      .where('business_id', '=', businessId)
      .where('channel', '=', channel)
      .orderBy('weekday')
      .orderBy('time')
      .execute();
  }

  /** Replace the channel's slots (call inside a transaction: a delete, then the inserts). */
  async replaceSlots(
    businessId: string,
    channel: ChannelId,
    slots: readonly { weekday: number; time: string }[],
    at: string,
  ): Promise<void> {
    await this.db
      .deleteFrom('queue_slots')
      .where('business_id', '=', businessId)
      .where('channel', '=', channel)
      .execute();
    if (slots.length === 0) return;
    await this.db
      .insertInto('queue_slots')
      .values(slots.map((slot) => ({ business_id: businessId, channel, ...slot, created_at: at })))
      .execute();
  }

  /**
   * The times other items of the channel hold in `[from, to)`: anything planned there except a failed
   * item (its time has passed and it waits to be scheduled again).
   */
  async takenTimes(
    businessId: string,
    channel: ChannelId,
    range: { from: string; to: string },
    exceptItemId: string | null,
  ): Promise<string[]> {
    let query = this.db
      .selectFrom('content_items')
      .select('scheduled_at')
      .where('business_id', '=', businessId)
      .where('channel', '=', channel)
      .where('scheduled_at', '>=', range.from)
      .where('scheduled_at', '<', range.to)
      .where('status', '<>', 'failed')
      // A deleted item gives its slot up (it comes back approved, unscheduled, if restored after its time).
      .where('deleted_at', 'is', null);
    if (exceptItemId) query = query.where('id', '<>', exceptItemId);
    const rows = await query.execute();
    return rows.flatMap((row) => (row.scheduled_at ? [row.scheduled_at] : []));
  }

  /** Every published item that has results: its channel, when it went out, its summed counts. */
  async publishedResults(businessId: string): Promise<PublishedResultRow[]> {
    const rows = await this.db
      .selectFrom('content_items')
      .innerJoin('metrics', 'metrics.content_item_id', 'content_items.id')
      .where('content_items.business_id', '=', businessId)
      .where('metrics.business_id', '=', businessId)
      .where('content_items.status', '=', 'published')
      .where('content_items.published_at', 'is not', null)
      .where('content_items.deleted_at', 'is', null)
      .select([
        'content_items.channel',
        'content_items.published_at',
        sql<number>`coalesce(sum(metrics.impressions), 0)`.as('impressions'),
        sql<number>`coalesce(sum(metrics.engagements), 0)`.as('engagements'),
      ])
      .groupBy(['content_items.id', 'content_items.channel', 'content_items.published_at'])
      .orderBy('content_items.published_at')
      .execute();
    return rows.flatMap((row) =>
      row.published_at
        ? [
            {
              channel: row.channel,
              published_at: row.published_at,
              impressions: Number(row.impressions),
              engagements: Number(row.engagements),
            },
          ]
        : [],
    );
  }

  /** The copy already re-queued from an evergreen item, if any (a repeated job makes no second one). */
  async evergreenCopyOf(businessId: string, originalId: string): Promise<string | undefined> {
    const row = await this.db
      .selectFrom('content_items')
      .select('id')
      .where('business_id', '=', businessId)
      .where('evergreen_of', '=', originalId)
      .executeTakeFirst();
    return row?.id;
  }
}
