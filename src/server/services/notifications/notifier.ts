import type { ContentItemRow } from '#server/db/schema.js';
import type { Repositories } from '#server/repositories/index.js';

/** The facts of a content item a notification about it needs. */
export type NotifiedItem = Pick<
  ContentItemRow,
  'id' | 'business_id' | 'title' | 'body' | 'channel' | 'created_by'
>;

/** Something happened that people should hear about; the notifier decides who, and how. */
export type NotificationEvent =
  | { kind: 'review_requested'; item: NotifiedItem; actorUserId: string | null }
  | { kind: 'content_sent_back'; item: NotifiedItem; actorUserId: string | null; comment: string | null }
  | { kind: 'content_approved'; item: NotifiedItem; actorUserId: string | null }
  | { kind: 'publish_failed'; item: NotifiedItem; reason: string }
  | {
      kind: 'inbox_attention';
      businessId: string;
      conversationId: string;
      customer: string;
      excerpt: string;
      urgent: boolean;
      negative: boolean;
      assigneeId: string | null;
    }
  /** AI spending changed in a workspace with a budget: the notifier checks the 80% and 100% marks. */
  | { kind: 'ai_budget'; businessId: string; spentMicroUsd: number; limitMicroUsd: number; month: string }
  | { kind: 'job_died'; businessId: string; jobId: string; jobName: string; error: string }
  /** Members @mentioned in a comment on an item (only those newly mentioned, when a comment is edited). */
  | {
      kind: 'comment_mention';
      item: NotifiedItem;
      commentId: string;
      excerpt: string;
      mentionedUserIds: readonly string[];
      actorUserId: string;
    };

/**
 * How services tell people: one call, in the transaction of the change, so a notification exists exactly
 * when the change does. Services know nothing of recipients, preferences or email; the implementation
 * (`NotificationService`) does.
 */
export interface Notifier {
  notify(trx: Repositories, event: NotificationEvent): Promise<void>;
}

/** For services built without notifications (unit tests, the CLI). */
export const NO_NOTIFICATIONS: Notifier = { notify: async () => {} };
