import type { Kysely } from 'kysely';
import type { WebhookDeliveryStatus } from '#shared/webhook.schema.js';
import type {
  DB,
  WebhookDeliveryAttemptRow,
  WebhookDeliveryRow,
  WebhookDeliveryUpdate,
  WebhookOutboxRow,
} from '../db/schema.js';

/** Webhook deliveries and each one's attempts: the log users read to see what was sent and what came back. */
export class WebhookDeliveryRepository {
  constructor(private readonly db: Kysely<DB>) {}

  async insert(delivery: WebhookDeliveryRow): Promise<void> {
    await this.db.insertInto('webhook_deliveries').values(delivery).execute();
  }

  find(businessId: string, deliveryId: string): Promise<WebhookDeliveryRow | undefined> {
    return this.db
      .selectFrom('webhook_deliveries')
      .selectAll()
      .where('business_id', '=', businessId)
      .where('id', '=', deliveryId)
      .executeTakeFirst();
  }

  /**
   * A webhook's deliveries, newest first. `before` is the id of the last delivery of the previous page:
   * UUIDv7 ids are time-ordered, so the id alone is a stable cursor.
   */
  page(
    businessId: string,
    webhookId: string,
    options: { limit: number; before?: string; status?: WebhookDeliveryStatus },
  ): Promise<WebhookDeliveryRow[]> {
    let query = this.db
      .selectFrom('webhook_deliveries')
      .selectAll()
      .where('business_id', '=', businessId)
      .where('webhook_id', '=', webhookId);
    if (options.status) query = query.where('status', '=', options.status);
    if (options.before) query = query.where('id', '<', options.before);
    return query.orderBy('id', 'desc').limit(options.limit).execute();
  }

  async update(businessId: string, deliveryId: string, changes: WebhookDeliveryUpdate): Promise<void> {
    await this.db
      .updateTable('webhook_deliveries')
      .set(changes)
      .where('business_id', '=', businessId)
      .where('id', '=', deliveryId)
      .execute();
  }

  /**
   * Housekeeping, the one query across workspaces: delete deliveries with an id below `beforeId` (UUIDv7
   * ids are time-ordered, so this is "created before" on the primary key); their attempts cascade.
   */
  async purgeBefore(beforeId: string): Promise<number> {
    const result = await this.db
      .deleteFrom('webhook_deliveries')
      .where('id', '<', beforeId)
      .executeTakeFirst();
    return Number(result.numDeletedRows);
  }

  /** Put deliveries in the outbox: written in the caller's transaction, their send jobs queued after it. */
  async addToOutbox(entries: WebhookOutboxRow[]): Promise<void> {
    if (entries.length === 0) return;
    await this.db.insertInto('webhook_outbox').values(entries).execute();
  }

  /**
   * The oldest outbox entries, across workspaces (the relay's sweep; each entry names its workspace and
   * is only ever turned into that workspace's job).
   */
  outbox(limit: number): Promise<WebhookOutboxRow[]> {
    return this.db.selectFrom('webhook_outbox').selectAll().orderBy('delivery_id').limit(limit).execute();
  }

  /** The delivery's send job is queued: it leaves the outbox. */
  async removeFromOutbox(businessId: string, deliveryId: string): Promise<void> {
    await this.db
      .deleteFrom('webhook_outbox')
      .where('business_id', '=', businessId)
      .where('delivery_id', '=', deliveryId)
      .execute();
  }

  async insertAttempt(attempt: WebhookDeliveryAttemptRow): Promise<void> {
    await this.db.insertInto('webhook_delivery_attempts').values(attempt).execute();
  }

  attempts(businessId: string, deliveryId: string): Promise<WebhookDeliveryAttemptRow[]> {
    return this.db
      .selectFrom('webhook_delivery_attempts')
      .selectAll()
      .where('business_id', '=', businessId)
      .where('delivery_id', '=', deliveryId)
      .orderBy('attempt')
      .orderBy('id')
      .execute();
  }
}
