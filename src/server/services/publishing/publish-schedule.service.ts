import type { ContentItemRow } from '#server/db/schema.js';
import { AppError } from '#server/errors/app-error.js';
import type { AppJobDefinitions } from '#server/jobs/job-definitions.js';
import type { JobQueue } from '#server/jobs/job-types.js';
import { describeError } from '#server/jobs/run-job.js';
import type { Repositories } from '#server/repositories/index.js';
import { failureReason } from '#shared/failure-reasons.js';
import type { ChangeEvents } from '../common/change-events.js';
import { NO_NOTIFICATIONS, type Notifier } from '../notifications/notifier.js';
import { recordPublication } from './publishing-outcome.js';

/** One item as it was before a change and as it is after (undefined: it did not exist / was deleted). */
export interface ItemChange {
  before: ContentItemRow | undefined;
  after: ContentItemRow | undefined;
}

/** What the content services tell the publisher after every committed change. */
export interface PublishSchedule {
  sync(businessId: string, changes: readonly ItemChange[]): Promise<void>;
}

/** For services built without publishing (unit tests, tools). */
export const NO_PUBLISHING: PublishSchedule = { sync: async () => {} };

/**
 * Keeps one `content.publish` job per scheduled item, at its time. Entering `scheduled` enqueues a
 * delayed job; moving the time cancels the old job and enqueues a new one; leaving `scheduled` (back to
 * approved or draft, deleted) cancels it. The idempotency key names the item's version, so repeating
 * a sync for one change never queues a second job. If the job cannot be queued the item becomes
 * `failed` with the reason — a scheduled item with no job would silently never go out — and the request
 * answers 503 once every item of it was dealt with.
 *
 * @example
 * await schedule.sync(businessId, [{ before: rowAsRead, after: rowAsSaved }]);
 */
export class PublishScheduleService implements PublishSchedule {
  constructor(
    private readonly repos: Repositories,
    private readonly queue: JobQueue<AppJobDefinitions>,
    private readonly events: ChangeEvents,
    private readonly now: () => Date,
    /** Told when an item fails because its job could not be queued. */
    private readonly notifier: Notifier = NO_NOTIFICATIONS,
  ) {}

  async sync(businessId: string, changes: readonly ItemChange[]): Promise<void> {
    let notQueued = 0;
    for (const { before, after } of changes) {
      const wasAt = before?.status === 'scheduled' ? before.scheduled_at : null;
      const isAt = after?.status === 'scheduled' ? after.scheduled_at : null;
      if (wasAt === isAt) continue;
      if (before && wasAt) await this.cancel(businessId, before, after !== undefined);
      if (after && isAt && !(await this.enqueue(businessId, after, isAt))) notQueued += 1;
    }
    if (notQueued > 0) {
      throw new AppError(
        'service_unavailable',
        `Publishing could not be scheduled for ${notQueued} item(s); they are marked failed: schedule them again`,
      );
    }
  }

  private async cancel(businessId: string, before: ContentItemRow, stillExists: boolean): Promise<void> {
    const jobId = before.publish_job_id;
    if (!jobId) return;
    // If the queue is away the old job stays; when it runs it finds the item moved on and skips (its
    // result says why), so the cancel is tidiness, not correctness.
    await this.queue.cancel(businessId, jobId).catch(() => undefined);
    if (stillExists) await this.repos.publishAttempts.releaseJob(businessId, before.id, jobId);
  }

  /** False when the job could not be queued (the item is then `failed` with the reason). */
  private async enqueue(businessId: string, item: ContentItemRow, scheduledAt: string): Promise<boolean> {
    try {
      const jobId = await this.queue.enqueue({
        name: 'content.publish',
        businessId,
        payload: { content_item_id: item.id, scheduled_at: scheduledAt },
        runAt: new Date(scheduledAt),
        idempotencyKey: `content.publish:${item.id}:v${item.version}`,
      });
      await this.repos.publishAttempts.setJob(businessId, item.id, scheduledAt, jobId);
      return true;
    } catch (error) {
      await recordPublication(
        this.repos,
        this.events,
        {
          businessId,
          itemId: item.id,
          scheduledAt,
          jobId: null,
          attempt: null,
          end: {
            status: 'failed',
            failureKind: 'not_queued',
            reason: failureReason('notQueued', { error: describeError(error) }),
          },
          at: this.now().toISOString(),
        },
        this.notifier,
      );
      return false;
    }
  }
}
