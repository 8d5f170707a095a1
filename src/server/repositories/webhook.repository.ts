import type { Kysely } from 'kysely';
import type { DB, WebhookRow, WebhookUpdate } from '../db/schema.js';

/** A webhook without its sealed secret. */
export type WebhookView = Omit<WebhookRow, 'secret_encrypted'>;

const PUBLIC_COLUMNS = [
  'id',
  'business_id',
  'url',
  'description',
  'events',
  'enabled',
  'created_by',
  'created_at',
  'updated_at',
] as const;

/** A workspace's webhooks. The sealed secret is read only by `findForDelivery` (to sign). */
export class WebhookRepository {
  constructor(private readonly db: Kysely<DB>) {}

  list(businessId: string): Promise<WebhookView[]> {
    return this.db
      .selectFrom('webhooks')
      .select(PUBLIC_COLUMNS)
      .where('business_id', '=', businessId)
      .orderBy('id', 'desc')
      .execute();
  }

  find(businessId: string, webhookId: string): Promise<WebhookView | undefined> {
    return this.db
      .selectFrom('webhooks')
      .select(PUBLIC_COLUMNS)
      .where('business_id', '=', businessId)
      .where('id', '=', webhookId)
      .executeTakeFirst();
  }

  /** With the sealed secret, for signing a delivery. */
  findForDelivery(businessId: string, webhookId: string): Promise<WebhookRow | undefined> {
    return this.db
      .selectFrom('webhooks')
      .selectAll()
      .where('business_id', '=', businessId)
      .where('id', '=', webhookId)
      .executeTakeFirst();
  }

  /**
   * The workspace of a webhook reached by its id alone (`/api/webhooks/{id}`), for the access check;
   * the caller's membership is checked before anything else is read.
   */
  async workspaceOf(webhookId: string): Promise<string | undefined> {
    const row = await this.db
      .selectFrom('webhooks')
      .select('business_id')
      .where('id', '=', webhookId)
      .executeTakeFirst();
    return row?.business_id;
  }

  /** Enabled webhooks of a workspace: the dispatcher filters them by event (a handful per workspace). */
  listEnabled(businessId: string): Promise<Pick<WebhookRow, 'id' | 'events'>[]> {
    return this.db
      .selectFrom('webhooks')
      .select(['id', 'events'])
      .where('business_id', '=', businessId)
      .where('enabled', '=', 1)
      .execute();
  }

  async insert(webhook: WebhookRow): Promise<void> {
    await this.db.insertInto('webhooks').values(webhook).execute();
  }

  /** False when no such webhook in this workspace. */
  async update(businessId: string, webhookId: string, changes: WebhookUpdate): Promise<boolean> {
    const result = await this.db
      .updateTable('webhooks')
      .set(changes)
      .where('business_id', '=', businessId)
      .where('id', '=', webhookId)
      .executeTakeFirst();
    return result.numUpdatedRows === 1n;
  }

  /** Deletes its deliveries and their attempts too (foreign keys cascade). */
  async delete(businessId: string, webhookId: string): Promise<boolean> {
    const result = await this.db
      .deleteFrom('webhooks')
      .where('business_id', '=', businessId)
      .where('id', '=', webhookId)
      .executeTakeFirst();
    return result.numDeletedRows === 1n;
  }
}
