import type { NotificationRow } from '#server/db/schema.js';
import { AppError } from '#server/errors/app-error.js';
import type { Repositories } from '#server/repositories/index.js';
import {
  type Notification,
  type NotificationFacts,
  type NotificationListQuery,
  type NotificationPage,
  notificationFactsSchema,
} from '#shared/notifications.schema.js';
import type { Principal } from '../access/principal.js';
import { requireWorkspaceRole } from '../access/workspace-access.js';
import type { ChangeEvents } from '../common/change-events.js';
import { decodeCursor, encodeCursor } from '../common/cursor.js';

const ORDER = 'created_at.desc';

/**
 * One person's notifications in one workspace: the list (newest first, a cursor page at a time), the
 * unread count for the bell, and marking them read. Everything is scoped to the caller and the workspace:
 * another person's or workspace's notification answers 404, as a missing one does.
 */
export class NotificationCenterService {
  constructor(
    private readonly repos: Repositories,
    private readonly events: ChangeEvents,
    private readonly now: () => Date,
  ) {}

  async list(
    principal: Principal,
    businessId: string,
    query: NotificationListQuery,
  ): Promise<NotificationPage> {
    const userId = await this.member(principal, businessId);
    const after = query.cursor ? decodeCursor(query.cursor, ORDER, 3) : undefined;
    const rows = await this.repos.notifications.page(businessId, userId, {
      limit: query.limit + 1,
      unreadOnly: query.unread === 'true',
      ...(after ? { after: { createdAt: after[0] ?? '', id: after[1] ?? '' } } : {}),
    });
    const page = rows.slice(0, query.limit);
    const last = page.at(-1);
    return {
      items: page.map(toNotification),
      next_cursor: rows.length > query.limit && last ? encodeCursor([ORDER, last.created_at, last.id]) : null,
    };
  }

  async unreadCount(principal: Principal, businessId: string): Promise<{ unread: number }> {
    const userId = await this.member(principal, businessId);
    return { unread: await this.repos.notifications.countUnread(businessId, userId) };
  }

  async markRead(principal: Principal, businessId: string, notificationId: string): Promise<Notification> {
    const userId = await this.member(principal, businessId);
    const marked = await this.repos.transaction(async (trx) => {
      const changed = await trx.notifications.markRead(businessId, userId, notificationId, this.at());
      if (changed) await this.announceRead(trx, businessId, userId);
      return trx.notifications.find(businessId, userId, notificationId);
    });
    if (!marked) throw new AppError('not_found', 'No such notification');
    return toNotification(marked);
  }

  async markAllRead(principal: Principal, businessId: string): Promise<{ marked: number }> {
    const userId = await this.member(principal, businessId);
    const marked = await this.repos.transaction(async (trx) => {
      const count = await trx.notifications.markAllRead(businessId, userId, this.at());
      if (count > 0) await this.announceRead(trx, businessId, userId);
      return count;
    });
    return { marked };
  }

  /** The person's other tabs and devices update their bell. */
  private announceRead(trx: Repositories, businessId: string, userId: string): Promise<void> {
    return this.events.emitWithin(trx, {
      type: 'notification.changed',
      business_id: businessId,
      data: { user_id: userId, change: 'read' },
    });
  }

  /** The caller, a person who is a member of the workspace; API keys have no notifications. */
  private async member(principal: Principal, businessId: string): Promise<string> {
    await requireWorkspaceRole(this.repos, principal, businessId, 'business.read');
    if (principal.kind !== 'user') {
      throw new AppError('forbidden', 'Notifications belong to people; API keys have none', {
        facts: { reason: 'api_key_not_a_person', scope: 'notifications' },
      });
    }
    return principal.userId;
  }

  private at(): string {
    return this.now().toISOString();
  }
}

export function toNotification(row: NotificationRow): Notification {
  return {
    id: row.id,
    business_id: row.business_id,
    kind: row.kind,
    title: row.title,
    body: row.body,
    link: row.link,
    facts: factsOf(row),
    read_at: row.read_at,
    created_at: row.created_at,
  };
}

/**
 * The stored facts, or null for rows written before they were kept, and for any that no longer read as
 * their kind's shape (the web app then shows the stored English, which is always there).
 */
export function factsOf(row: Pick<NotificationRow, 'kind' | 'facts'>): NotificationFacts | null {
  if (row.facts === null) return null;
  let stored: unknown;
  try {
    stored = JSON.parse(row.facts);
  } catch {
    return null;
  }
  const facts = notificationFactsSchema.safeParse(stored);
  return facts.success && facts.data.kind === row.kind ? facts.data : null;
}
