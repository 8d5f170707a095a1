import type { Kysely } from 'kysely';
import type { DB, NetworkPostRow } from '../db/schema.js';

/** Posts published through network accounts, one row per part of a thread. Scoped by workspace id. */
export class NetworkPostRepository {
  constructor(private readonly db: Kysely<DB>) {}

  /** The parts of one scheduled publication already out, in thread order. */
  forSchedule(businessId: string, itemId: string, scheduledAt: string): Promise<NetworkPostRow[]> {
    return this.db
      .selectFrom('network_posts')
      .selectAll()
      .where('business_id', '=', businessId)
      .where('content_item_id', '=', itemId)
      .where('scheduled_at', '=', scheduledAt)
      .orderBy('position')
      .execute();
  }

  /** Record one part as published; a part recorded already (a racing retry) is left as it was. */
  async insert(row: NetworkPostRow): Promise<void> {
    await this.db
      .insertInto('network_posts')
      .values(row)
      .onConflict((conflict) => conflict.columns(['content_item_id', 'scheduled_at', 'position']).doNothing())
      .execute();
  }

  /** The first post of each publication through the account since `since`, oldest first. */
  publishedSince(
    businessId: string,
    accountId: string,
    since: string,
    limit: number,
  ): Promise<NetworkPostRow[]> {
    return this.db
      .selectFrom('network_posts')
      .selectAll()
      .where('business_id', '=', businessId)
      .where('account_id', '=', accountId)
      .where('position', '=', 0)
      .where('created_at', '>=', since)
      .orderBy('created_at')
      .limit(limit)
      .execute();
  }

  /** The publication a remote post belongs to (a reply to it is a comment on that item). */
  findByRemoteId(
    businessId: string,
    accountId: string,
    remoteId: string,
  ): Promise<NetworkPostRow | undefined> {
    return this.db
      .selectFrom('network_posts')
      .selectAll()
      .where('business_id', '=', businessId)
      .where('account_id', '=', accountId)
      .where('remote_id', '=', remoteId)
      .executeTakeFirst();
  }

  async markMetricsRead(businessId: string, row: NetworkPostRow, at: string): Promise<void> {
    await this.db
      .updateTable('network_posts')
      .set({ metrics_read_at: at })
      .where('business_id', '=', businessId)
      .where('content_item_id', '=', row.content_item_id)
      .where('scheduled_at', '=', row.scheduled_at)
      .where('position', '=', row.position)
      .execute();
  }
}
