import { newId } from '#server/db/ids.js';
import type { NotificationRow } from '#server/db/schema.js';
import type { MailMode } from '#server/integrations/mail/mailer.js';
import type { AppJobDefinitions } from '#server/jobs/job-definitions.js';
import type { JobQueue } from '#server/jobs/job-types.js';
import type { Repositories } from '#server/repositories/index.js';
import type { MemberRow } from '#server/repositories/membership.repository.js';
import { NOTIFICATION_KIND_INFO } from '#shared/notifications.schema.js';
import type { ChangeEvents } from '../common/change-events.js';
import { recipientsOf } from './notification-recipients.js';
import { describeBudget, describeEvent, type NotificationText } from './notification-texts.js';
import type { NotificationEvent, Notifier } from './notifier.js';

/** What creating notifications needs. */
export interface NotificationServiceDeps {
  repos: Repositories;
  events: ChangeEvents;
  queue: Pick<JobQueue<AppJobDefinitions>, 'enqueue'>;
  /** `none`: this server cannot send mail, so no email is queued (the notification still shows in the app). */
  mailMode: MailMode;
  now: () => Date;
}

/** The AI budget marks, highest first. */
const BUDGET_THRESHOLDS = [100, 80] as const;

/** Jobs whose death is not announced: a notification's own email failing must not notify (a loop). */
const QUIET_JOB_PREFIX = 'notifications.';

/**
 * Turns what happened into notifications: decides who hears (notification-recipients.ts), writes one row
 * per person in the caller's transaction, tells their open browsers after the commit, and queues an email
 * for those who want this kind by email (the `notifications.email` job sends it, with retries).
 */
export class NotificationService implements Notifier {
  constructor(private readonly deps: NotificationServiceDeps) {}

  async notify(trx: Repositories, event: NotificationEvent): Promise<void> {
    if (event.kind === 'ai_budget') return this.budgetReached(trx, event);
    if (event.kind === 'job_died' && event.jobName.startsWith(QUIET_JOB_PREFIX)) return;
    const businessId = 'item' in event ? event.item.business_id : event.businessId;
    const members = await trx.memberships.list(businessId);
    const submitterId =
      event.kind === 'content_sent_back' || event.kind === 'content_approved'
        ? await trx.contentHistory.lastActor(businessId, event.item.id, 'submitted')
        : undefined;
    const recipients = recipientsOf(event, members, { submitterId });
    if (recipients.length === 0) return;
    const actorId = 'actorUserId' in event ? event.actorUserId : null;
    const actorName = actorId ? await nameOf(trx, members, actorId) : undefined;
    await this.deliver(trx, businessId, recipients, describeEvent(event, { actorName }));
  }

  /**
   * A background job gave up after its last attempt (the worker's dead-letter hook): the workspace's
   * owners and admins hear of it.
   */
  async jobDied(job: { businessId: string; jobId: string; name: string; error: string }): Promise<void> {
    if (job.name.startsWith(QUIET_JOB_PREFIX)) return;
    await this.deps.repos.transaction((trx) =>
      this.notify(trx, {
        kind: 'job_died',
        businessId: job.businessId,
        jobId: job.jobId,
        jobName: job.name,
        error: job.error,
      }),
    );
  }

  /**
   * Write one notification per recipient in `trx`, then (after the commit) announce each live and queue
   * the emails their preferences ask for. Returns the rows written.
   */
  async deliver(
    trx: Repositories,
    businessId: string,
    recipients: readonly string[],
    text: NotificationText,
  ): Promise<NotificationRow[]> {
    if (recipients.length === 0) return [];
    const at = this.deps.now().toISOString();
    const choices = await trx.notifications.emailChoices(businessId, text.kind, [...recipients]);
    const byDefault = NOTIFICATION_KIND_INFO[text.kind].emailByDefault;
    const rows: NotificationRow[] = recipients.map((userId) => ({
      id: newId(),
      business_id: businessId,
      user_id: userId,
      kind: text.kind,
      title: text.title,
      body: text.body,
      link: text.link,
      subject_id: text.subjectId,
      facts: JSON.stringify(text.facts),
      read_at: null,
      email_status: this.deps.mailMode !== 'none' && (choices.get(userId) ?? byDefault) ? 'pending' : 'none',
      created_at: at,
    }));
    await trx.notifications.insertMany(rows);
    for (const row of rows) {
      await this.deps.events.emitWithin(trx, {
        type: 'notification.changed',
        business_id: businessId,
        data: { user_id: row.user_id, change: 'created' },
      });
    }
    const emails = rows.filter((row) => row.email_status === 'pending');
    if (emails.length > 0) {
      trx.afterCommit(() => {
        // A queue that is down leaves the email pending; the hourly `notifications.schedule` queues it.
        for (const row of emails) void this.queueEmail(businessId, row.id).catch(() => undefined);
      });
    }
    return rows;
  }

  /** Queue the email of a notification; once per notification, however often asked. */
  queueEmail(businessId: string, notificationId: string): Promise<string> {
    return this.deps.queue.enqueue({
      name: 'notifications.email',
      businessId,
      payload: { notification_id: notificationId },
      idempotencyKey: `notification-email:${notificationId}`,
    });
  }

  /**
   * 80% and 100% of the monthly AI budget, each once per workspace and month (a mark claimed in the same
   * transaction). A jump past both at once announces only the higher.
   */
  private async budgetReached(
    trx: Repositories,
    event: Extract<NotificationEvent, { kind: 'ai_budget' }>,
  ): Promise<void> {
    if (event.limitMicroUsd <= 0) return;
    const at = this.deps.now().toISOString();
    const reached = BUDGET_THRESHOLDS.filter(
      (threshold) => event.spentMicroUsd * 100 >= threshold * event.limitMicroUsd,
    );
    let announce: number | undefined;
    for (const threshold of reached) {
      const claimed = await trx.notifications.claimMark(
        event.businessId,
        `ai_budget:${event.month}:${threshold}`,
        at,
      );
      if (claimed) announce ??= threshold;
    }
    if (announce === undefined) return;
    const members = await trx.memberships.list(event.businessId);
    await this.deliver(
      trx,
      event.businessId,
      recipientsOf(event, members),
      describeBudget(event.businessId, announce, event.spentMicroUsd, event.limitMicroUsd),
    );
  }
}

async function nameOf(
  trx: Repositories,
  members: readonly MemberRow[],
  userId: string,
): Promise<string | undefined> {
  return (
    members.find((member) => member.user_id === userId)?.name ?? (await trx.users.findById(userId))?.name
  );
}
