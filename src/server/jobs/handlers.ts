import type { z } from 'zod';
import { isAppError } from '../errors/app-error.js';
import {
  scheduleMediaSweep,
  scheduleNetworkReadings,
  scheduleNotifications,
  scheduleSessionPurge,
} from './housekeeping.js';
import { type AppJobDefinitions, JOB_DEFINITIONS } from './job-definitions.js';
import type { JobContext, JobQueue } from './job-types.js';
import { type JobHandlerEntry, jobHandler } from './registry.js';
import { UnrecoverableJobError } from './run-job.js';

/** What the app's handlers call; each handler takes only what it uses. */
export interface JobHandlerDeps {
  auth: { purgeExpiredSessions(): Promise<number> };
  calendar: {
    generate(
      payload: z.output<AppJobDefinitions['calendar.generate']['payload']>,
      context: JobContext<string>,
    ): Promise<unknown>;
  };
  webhooks: {
    deliver(
      payload: z.output<AppJobDefinitions['webhook.deliver']['payload']>,
      context: JobContext<string>,
    ): Promise<unknown>;
    /** Delete deliveries past their retention (housekeeping); returns how many. */
    purgeDeliveries(now: Date): Promise<number>;
  };
  publishing: {
    publish(
      payload: z.output<AppJobDefinitions['content.publish']['payload']>,
      context: JobContext<string>,
    ): Promise<unknown>;
  };
  queues: {
    requeueEvergreen(
      payload: z.output<AppJobDefinitions['content.requeue_evergreen']['payload']>,
      context: JobContext<string>,
    ): Promise<unknown>;
  };
  inboxTriage: {
    classify(
      payload: z.output<AppJobDefinitions['message.classify']['payload']>,
      context: JobContext<string>,
    ): Promise<unknown>;
  };
  media: { sweepOrphans(): Promise<Record<string, number>> };
  /** Delete for good the content deleted longer ago than its undo grace period (housekeeping). */
  content: { purgeDeleted(): Promise<number> };
  /** Forget `Idempotency-Key`s past their 24 hours (housekeeping); returns how many. */
  idempotency: { purgeExpired(): Promise<number> };
  networkReadings: {
    /** Queue this hour's `networks.read_account` jobs. */
    queueReadings(): Promise<unknown>;
    readDue(businessId: string, accountId: string): Promise<unknown>;
  };
  accountMail: {
    sendResetLink(payload: z.output<AppJobDefinitions['mail.password_reset']['payload']>): Promise<unknown>;
    sendSignUpConfirmation(payload: z.output<AppJobDefinitions['mail.sign_up']['payload']>): Promise<unknown>;
    sendInvitation(
      payload: z.output<AppJobDefinitions['mail.invitation']['payload']>,
      businessId: string,
    ): Promise<unknown>;
    sendAddedNotice(
      payload: z.output<AppJobDefinitions['mail.member_added']['payload']>,
      businessId: string,
    ): Promise<unknown>;
    /** Forget expired reset links and sign-up requests (housekeeping); returns how many. */
    purgeExpired(): Promise<number>;
  };
  notifications: {
    sendEmail(
      payload: z.output<AppJobDefinitions['notifications.email']['payload']>,
      businessId: string,
    ): Promise<unknown>;
    /** Queue due digests and emails left unqueued (the hourly schedule). */
    schedule(): Promise<unknown>;
    sendDigest(
      payload: z.output<AppJobDefinitions['notifications.weekly_digest']['payload']>,
      businessId: string,
    ): Promise<unknown>;
    /** A workspace job died (the workers' dead-letter hook, wired by startJobRuntime). */
    jobDied(job: { businessId: string; jobId: string; name: string; error: string }): Promise<void>;
  };
  queue: JobQueue<AppJobDefinitions>;
  now: () => Date;
}

/**
 * The handler of every job in JOB_DEFINITIONS — the one place they are registered. A feature adds its
 * entry here (or a function returning its entries, spread in).
 *
 * @example
 * const handlers = buildJobRegistry(JOB_DEFINITIONS, createJobHandlers({ auth, queue, now }));
 */
export function createJobHandlers(deps: JobHandlerDeps): JobHandlerEntry[] {
  return [
    jobHandler(JOB_DEFINITIONS, 'housekeeping.purge_sessions', async () => {
      const purged = await deps.auth.purgeExpiredSessions();
      const purgedDeliveries = await deps.webhooks.purgeDeliveries(deps.now());
      const purgedJobs = await deps.queue.purgeFinished(deps.now());
      const purgedLinks = await deps.accountMail.purgeExpired();
      const purgedKeys = await deps.idempotency.purgeExpired();
      const purgedContent = await deps.content.purgeDeleted();
      await scheduleSessionPurge(deps.queue, deps.now());
      return {
        purged,
        purged_webhook_deliveries: purgedDeliveries,
        purged_jobs: purgedJobs,
        purged_email_links: purgedLinks,
        purged_idempotency_keys: purgedKeys,
        purged_deleted_content: purgedContent,
      };
    }),
    jobHandler(JOB_DEFINITIONS, 'calendar.generate', (payload, context) =>
      finalWhenRefused(() => deps.calendar.generate(payload, context)),
    ),
    jobHandler(JOB_DEFINITIONS, 'webhook.deliver', (payload, context) =>
      deps.webhooks.deliver(payload, context),
    ),
    jobHandler(JOB_DEFINITIONS, 'content.publish', (payload, context) =>
      deps.publishing.publish(payload, context),
    ),
    jobHandler(JOB_DEFINITIONS, 'content.requeue_evergreen', (payload, context) =>
      deps.queues.requeueEvergreen(payload, context),
    ),
    jobHandler(JOB_DEFINITIONS, 'message.classify', (payload, context) =>
      deps.inboxTriage.classify(payload, context),
    ),
    jobHandler(JOB_DEFINITIONS, 'networks.queue_readings', async () => {
      const queued = await deps.networkReadings.queueReadings();
      await scheduleNetworkReadings(deps.queue, deps.now());
      return queued;
    }),
    jobHandler(JOB_DEFINITIONS, 'networks.read_account', (payload, context) =>
      deps.networkReadings.readDue(context.businessId, payload.account_id),
    ),
    jobHandler(JOB_DEFINITIONS, 'mail.password_reset', (payload) => deps.accountMail.sendResetLink(payload)),
    jobHandler(JOB_DEFINITIONS, 'mail.sign_up', (payload) =>
      deps.accountMail.sendSignUpConfirmation(payload),
    ),
    jobHandler(JOB_DEFINITIONS, 'mail.invitation', (payload, context) =>
      deps.accountMail.sendInvitation(payload, context.businessId),
    ),
    jobHandler(JOB_DEFINITIONS, 'mail.member_added', (payload, context) =>
      deps.accountMail.sendAddedNotice(payload, context.businessId),
    ),
    jobHandler(JOB_DEFINITIONS, 'notifications.email', (payload, context) =>
      deps.notifications.sendEmail(payload, context.businessId),
    ),
    jobHandler(JOB_DEFINITIONS, 'notifications.schedule', async () => {
      const queued = await deps.notifications.schedule();
      await scheduleNotifications(deps.queue, deps.now());
      return queued;
    }),
    jobHandler(JOB_DEFINITIONS, 'notifications.weekly_digest', (payload, context) =>
      deps.notifications.sendDigest(payload, context.businessId),
    ),
    jobHandler(JOB_DEFINITIONS, 'media.sweep_orphans', async () => {
      const swept = await deps.media.sweepOrphans();
      await scheduleMediaSweep(deps.queue, deps.now());
      return swept;
    }),
  ];
}

/**
 * A calendar attempt that the AI refused (an unusable answer after its repair, the budget spent) or that
 * the asker may no longer make ends the job: a second attempt would plan and pay again for the same
 * refusal, and announce the same failure twice. A paused provider or a database hiccup is still retried.
 */
async function finalWhenRefused<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    const refused = isAppError(error) && (error.code === 'ai_provider_error' || error.status < 500);
    if (refused) throw new UnrecoverableJobError(error.message, { cause: error });
    throw error;
  }
}
