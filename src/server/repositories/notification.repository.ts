import { type Kysely, sql } from 'kysely';
import type { NotificationKind } from '#shared/notifications.schema.js';
import type { DB, NotificationEmailStatus, NotificationRow } from '../db/schema.js';

/** Where a page of notifications starts: after this one (newest first). */
export interface NotificationPosition {
  createdAt: string;
  id: string;
}

/**
 * Notifications, their recipients' email choices and once-only marks. Every query names the workspace,
 * and those a person makes name the person too: another's notification is never found.
 */
export class NotificationRepository {
  constructor(private readonly db: Kysely<DB>) {}

  async insertMany(rows: NotificationRow[]): Promise<void> {
    if (rows.length === 0) return;
    await this.db.insertInto('notifications').values(rows).execute();
  }

  /** One person's notifications in a workspace, newest first, after `after`. */
  page(
    businessId: string,
    userId: string,
    options: { limit: number; after?: NotificationPosition; unreadOnly?: boolean },
  ): Promise<NotificationRow[]> {
    let query = this.db
      .selectFrom('notifications')
      .selectAll()
      .where('business_id', '=', businessId)
      .where('user_id', '=', userId);
    if (options.unreadOnly) query = query.where('read_at', 'is', null);
    const { after } = options;
    if (after) {
      query = query.where((eb) =>
        eb(eb.refTuple('created_at', 'id'), '<', eb.tuple(after.createdAt, after.id)),
      );
    }
    return query.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(options.limit).execute();
  }

  find(businessId: string, userId: string, id: string): Promise<NotificationRow | undefined> {
    return this.db
      .selectFrom('notifications')
      .selectAll()
      .where('business_id', '=', businessId)
      .where('user_id', '=', userId)
      .where('id', '=', id)
      .executeTakeFirst();
  }

  /** A notification whose email is still to be sent (the email job, which acts for the workspace). */
  findPendingEmail(businessId: string, id: string): Promise<NotificationRow | undefined> {
    return this.db
      .selectFrom('notifications')
      .selectAll()
      .where('business_id', '=', businessId)
      .where('id', '=', id)
      .where('email_status', '=', 'pending')
      .executeTakeFirst();
  }

  async countUnread(businessId: string, userId: string): Promise<number> {
    const row = await this.db
      .selectFrom('notifications')
      .select((eb) => eb.fn.countAll<number>().as('count'))
      .where('business_id', '=', businessId)
      .where('user_id', '=', userId)
      .where('read_at', 'is', null)
      .executeTakeFirstOrThrow();
    return Number(row.count);
  }

  /** Mark one read (it keeps its first read time); false when it is not this person's. */
  async markRead(businessId: string, userId: string, id: string, at: string): Promise<boolean> {
    const result = await this.db
      .updateTable('notifications')
      .set({ read_at: at })
      .where('business_id', '=', businessId)
      .where('user_id', '=', userId)
      .where('id', '=', id)
      .where('read_at', 'is', null)
      .executeTakeFirst();
    return result.numUpdatedRows === 1n;
  }

  /** Mark every unread one read; how many. */
  async markAllRead(businessId: string, userId: string, at: string): Promise<number> {
    const result = await this.db
      .updateTable('notifications')
      .set({ read_at: at })
      .where('business_id', '=', businessId)
      .where('user_id', '=', userId)
      .where('read_at', 'is', null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows);
  }

  /** Settle a pending email (`sent` or `skipped`); false when it was settled already. */
  async settleEmail(
    businessId: string,
    id: string,
    status: Exclude<NotificationEmailStatus, 'pending' | 'none'>,
  ): Promise<boolean> {
    const result = await this.db
      .updateTable('notifications')
      .set({ email_status: status })
      .where('business_id', '=', businessId)
      .where('id', '=', id)
      .where('email_status', '=', 'pending')
      .executeTakeFirst();
    return result.numUpdatedRows === 1n;
  }

  /**
   * Emails still pending that were created between `from` and `to`, in every workspace (the hourly
   * schedule queues their jobs again in case the queue was down when they were made).
   */
  pendingEmails(from: string, to: string, limit: number): Promise<{ id: string; business_id: string }[]> {
    return (
      this.db
        .selectFrom('notifications')
        .select(['id', 'business_id'])
        // A literal, so PostgreSQL matches the partial index on pending emails in every plan.
        .where('email_status', '=', sql.lit('pending'))
        .where('created_at', '>=', from)
        .where('created_at', '<', to)
        .orderBy('created_at')
        .limit(limit)
        .execute()
    );
  }

  /** The saved email choices of one person in a workspace (kinds without a row use their default). */
  preferences(businessId: string, userId: string): Promise<{ kind: NotificationKind; email: number }[]> {
    return this.db
      .selectFrom('notification_preferences')
      .select(['kind', 'email'])
      .where('business_id', '=', businessId)
      .where('user_id', '=', userId)
      .execute();
  }

  /** The saved email choice for `kind` of each of `userIds` who made one. */
  async emailChoices(
    businessId: string,
    kind: NotificationKind,
    userIds: string[],
  ): Promise<Map<string, boolean>> {
    if (userIds.length === 0) return new Map();
    const rows = await this.db
      .selectFrom('notification_preferences')
      .select(['user_id', 'email'])
      .where('business_id', '=', businessId)
      .where('kind', '=', kind)
      .where('user_id', 'in', userIds)
      .execute();
    return new Map(rows.map((row) => [row.user_id, Number(row.email) === 1]));
  }

  async savePreference(
    businessId: string,
    userId: string,
    kind: NotificationKind,
    email: boolean,
    at: string,
  ): Promise<void> {
    const value = email ? 1 : 0;
    await this.db
      .insertInto('notification_preferences')
      .values({ business_id: businessId, user_id: userId, kind, email: value, updated_at: at })
      .onConflict((oc) =>
        oc.columns(['business_id', 'user_id', 'kind']).doUpdateSet({ email: value, updated_at: at }),
      )
      .execute();
  }

  /** Record that a once-only notice happened; false when it had already (another process, a retry). */
  async claimMark(businessId: string, mark: string, at: string): Promise<boolean> {
    const result = await this.db
      .insertInto('notification_marks')
      .values({ business_id: businessId, mark, created_at: at })
      .onConflict((oc) => oc.columns(['business_id', 'mark']).doNothing())
      .returning('mark')
      .executeTakeFirst();
    return result !== undefined;
  }
}
