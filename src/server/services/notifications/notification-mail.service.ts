import type { Mailer } from '#server/integrations/mail/mailer.js';
import type { Repositories } from '#server/repositories/index.js';
import type { JobSkipReason } from '#shared/job-skip-reasons.js';
import { NOTIFICATION_KIND_INFO } from '#shared/notifications.schema.js';
import { notificationMail } from './notification-mails.js';
import type { UnsubscribeTokens } from './unsubscribe-tokens.js';

/** What sending notification emails needs. */
export interface NotificationMailDeps {
  repos: Repositories;
  mailer: Pick<Mailer, 'send'>;
  tokens: UnsubscribeTokens;
  /** The web app's address, no trailing slash: links in emails lead there. */
  baseUrl: string;
}

/** What the `notifications.email` job answers (its `result`). */
export type NotificationEmailResult =
  | { outcome: 'sent' }
  | { outcome: 'skipped'; reason: Extract<JobSkipReason, 'already_sent' | 'recipient_left' | 'turned_off'> };

/**
 * The `notifications.email` job: send one notification's email. The recipient's choice is read again
 * now, not when the notification was made, so turning a kind off (or unsubscribing, or leaving the
 * workspace) stops the emails still queued. A failed send throws for the queue to retry.
 */
export class NotificationMailService {
  constructor(private readonly deps: NotificationMailDeps) {}

  async send(payload: { notification_id: string }, businessId: string): Promise<NotificationEmailResult> {
    const { repos } = this.deps;
    const row = await repos.notifications.findPendingEmail(businessId, payload.notification_id);
    if (!row) return { outcome: 'skipped', reason: 'already_sent' };
    const [member, user, workspace, choices] = await Promise.all([
      repos.memberships.find(businessId, row.user_id),
      repos.users.findById(row.user_id),
      repos.businesses.findById(businessId),
      repos.notifications.emailChoices(businessId, row.kind, [row.user_id]),
    ]);
    const wanted = choices.get(row.user_id) ?? NOTIFICATION_KIND_INFO[row.kind].emailByDefault;
    if (!member || !workspace || !wanted) {
      await repos.notifications.settleEmail(businessId, row.id, 'skipped');
      return { outcome: 'skipped', reason: !member || !workspace ? 'recipient_left' : 'turned_off' };
    }
    const token = this.deps.tokens.issue({ userId: row.user_id, businessId, kind: row.kind });
    await this.deps.mailer.send(
      notificationMail(
        row,
        {
          to: member.email,
          language: user?.language ?? 'en',
          workspace: workspace.name,
          timeZone: workspace.time_zone,
          unsubscribeToken: token,
        },
        { baseUrl: this.deps.baseUrl },
      ),
    );
    await repos.notifications.settleEmail(businessId, row.id, 'sent');
    return { outcome: 'sent' };
  }
}
