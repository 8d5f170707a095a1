import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';

/** The inbound webhook's memory: the workspace's sealed secret and the event ids it already accepted. */
export class InboundEventRepository {
  constructor(private readonly db: Kysely<DB>) {}

  /** The sealed inbound secret and when it was issued, if the workspace has one. */
  findSecret(businessId: string): Promise<{ sealed: string; rotated_at: string } | undefined> {
    return this.db
      .selectFrom('inbox_settings')
      .select(['inbound_secret_encrypted as sealed', 'rotated_at'])
      .where('business_id', '=', businessId)
      .executeTakeFirst();
  }

  /** Store a new sealed secret, replacing the old one (which stops working at once). */
  async saveSecret(businessId: string, sealed: string, at: string): Promise<void> {
    await this.db
      .insertInto('inbox_settings')
      .values({ business_id: businessId, inbound_secret_encrypted: sealed, rotated_at: at })
      .onConflict((oc) =>
        oc.column('business_id').doUpdateSet({ inbound_secret_encrypted: sealed, rotated_at: at }),
      )
      .execute();
  }

  /** Remember an event id; false when it was already seen (a retry or a replay). */
  async remember(businessId: string, eventId: string, source: string, at: string): Promise<boolean> {
    const result = await this.db
      .insertInto('inbound_events')
      .values({ business_id: businessId, event_id: eventId, source, received_at: at })
      .onConflict((oc) => oc.columns(['business_id', 'event_id']).doNothing())
      .returning('event_id')
      .executeTakeFirst();
    return result !== undefined;
  }

  /** Forget event ids received before `before`: older events fail the timestamp window anyway. */
  async forgetBefore(businessId: string, before: string): Promise<number> {
    const result = await this.db
      .deleteFrom('inbound_events')
      .where('business_id', '=', businessId)
      .where('received_at', '<', before)
      .executeTakeFirst();
    return Number(result.numDeletedRows);
  }
}
