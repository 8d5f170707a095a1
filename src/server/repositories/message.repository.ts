import type { Kysely } from 'kysely';
import type { ChannelId } from '#shared/channel-ids.js';
import type { DB, MessageRow } from '../db/schema.js';

/** Changes a message may take after it is stored: its classification and its delivery. */
export type MessageUpdate = Partial<
  Pick<
    MessageRow,
    'classification' | 'delivery_status' | 'delivery_error' | 'body' | 'author_user_id' | 'visibility'
  >
>;

/** Messages of a workspace's conversations. Every method is scoped by the workspace id. */
export class MessageRepository {
  constructor(private readonly db: Kysely<DB>) {}

  find(businessId: string, messageId: string): Promise<MessageRow | undefined> {
    return this.db
      .selectFrom('messages')
      .selectAll()
      .where('business_id', '=', businessId)
      .where('id', '=', messageId)
      .executeTakeFirst();
  }

  /** The message a channel already delivered with this id, if any (idempotent ingest). */
  findByExternalId(
    businessId: string,
    channel: ChannelId,
    externalId: string,
  ): Promise<MessageRow | undefined> {
    return this.db
      .selectFrom('messages')
      .selectAll()
      .where('business_id', '=', businessId)
      .where('channel', '=', channel)
      .where('external_id', '=', externalId)
      .executeTakeFirst();
  }

  /** The messages among `messageIds` that belong to the workspace (the inbox list's latest messages). */
  findMany(businessId: string, messageIds: readonly string[]): Promise<MessageRow[]> {
    if (messageIds.length === 0) return Promise.resolve([]);
    return this.db
      .selectFrom('messages')
      .selectAll()
      .where('business_id', '=', businessId)
      .where('id', 'in', messageIds)
      .execute();
  }

  /** A conversation's messages, oldest first; the latest `limit` when given. */
  async thread(businessId: string, conversationId: string, limit?: number): Promise<MessageRow[]> {
    let query = this.db
      .selectFrom('messages')
      .selectAll()
      .where('business_id', '=', businessId)
      .where('conversation_id', '=', conversationId)
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc');
    if (limit !== undefined) query = query.limit(limit);
    return (await query.execute()).reverse();
  }

  /**
   * Insert unless the channel already delivered a message with this external id; false when it had (a
   * concurrent ingest of the same message stores it once).
   */
  async insertIfNew(row: MessageRow): Promise<boolean> {
    const result = await this.db
      .insertInto('messages')
      .values(row)
      .onConflict((oc) => oc.columns(['business_id', 'channel', 'external_id']).doNothing())
      .returning('id')
      .executeTakeFirst();
    return result !== undefined;
  }

  /** False when no such message in this workspace. */
  async update(businessId: string, messageId: string, changes: MessageUpdate): Promise<boolean> {
    const result = await this.db
      .updateTable('messages')
      .set(changes)
      .where('business_id', '=', businessId)
      .where('id', '=', messageId)
      .executeTakeFirst();
    return result.numUpdatedRows === 1n;
  }
}
