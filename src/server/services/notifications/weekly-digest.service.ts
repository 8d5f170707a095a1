import type { AppJobDefinitions } from '#server/jobs/job-definitions.js';
import type { JobQueue } from '#server/jobs/job-types.js';
import type { Repositories } from '#server/repositories/index.js';
import type { CampaignReport } from '#shared/analytics.schema.js';
import { addDays, localDate, localTime, startOfDay, weekday } from '#shared/zoned-time.js';
import type { AnalyticsReportService } from '../analytics/analytics-report.service.js';
import type { NotificationService } from './notification.service.js';
import { describeDigest, UPCOMING_LISTED } from './weekly-digest-text.js';

/** What the digests need. */
export interface WeeklyDigestDeps {
  repos: Repositories;
  notifications: Pick<NotificationService, 'deliver' | 'queueEmail'>;
  reports: Pick<AnalyticsReportService, 'reportOf'>;
  queue: Pick<JobQueue<AppJobDefinitions>, 'enqueue'>;
  now: () => Date;
}

/** The local time on Monday from which a workspace's digest is due. */
export const DIGEST_TIME = '08:00';
/** Active campaigns reported on in one digest. */
const CAMPAIGNS_REPORTED = 5;
/** Workspaces read per query by the hourly schedule. */
const WORKSPACE_BATCH = 500;
/** Pending emails older than this whose job may never have been queued (younger ones are in flight). */
const STALLED_EMAIL_MS = 10 * 60_000;
/** Older pending emails are left alone: their job ran and gave up, or the news is stale. */
const STALLED_EMAIL_WINDOW_MS = 2 * 86_400_000;

/**
 * The weekly digest: on Monday from 08:00 in each workspace's time zone, every member hears what goes out
 * in the week ahead and how last week's results and the active campaigns compare with their forecasts.
 * The hourly `notifications.schedule` job queues one `notifications.weekly_digest` job per workspace and
 * week (the week is its idempotency key, and a mark makes the digest itself once only).
 */
export class WeeklyDigestService {
  constructor(private readonly deps: WeeklyDigestDeps) {}

  /** The `notifications.schedule` job: due digests, and emails whose job was never queued. */
  async schedule(): Promise<{ digests: number; emails: number }> {
    const now = this.deps.now();
    let digests = 0;
    let afterId: string | undefined;
    for (;;) {
      const batch = await this.deps.repos.businesses.timeZones({
        limit: WORKSPACE_BATCH,
        ...(afterId ? { afterId } : {}),
      });
      for (const workspace of batch) {
        const week = dueWeek(now, workspace.time_zone);
        if (!week) continue;
        await this.deps.queue.enqueue({
          name: 'notifications.weekly_digest',
          businessId: workspace.id,
          payload: { week },
          idempotencyKey: `weekly_digest:${week}`,
        });
        digests += 1;
      }
      afterId = batch.at(-1)?.id;
      if (batch.length < WORKSPACE_BATCH) break;
    }
    const stalled = await this.deps.repos.notifications.pendingEmails(
      new Date(now.getTime() - STALLED_EMAIL_WINDOW_MS).toISOString(),
      new Date(now.getTime() - STALLED_EMAIL_MS).toISOString(),
      1_000,
    );
    for (const email of stalled) await this.deps.notifications.queueEmail(email.business_id, email.id);
    return { digests, emails: stalled.length };
  }

  /** The `notifications.weekly_digest` job: one digest for every member, once per workspace and week. */
  async send(payload: { week: string }, businessId: string): Promise<{ recipients: number }> {
    const { repos } = this.deps;
    const workspace = await repos.businesses.findById(businessId);
    if (!workspace) return { recipients: 0 };
    const timeZone = workspace.time_zone;
    const { week } = payload;
    const upcoming = await repos.contentItems.page(businessId, {
      from: startOfDay(week, timeZone),
      to: startOfDay(addDays(week, 7), timeZone),
      status: 'scheduled',
      limit: 500,
    });
    const lastWeek = await repos.metrics.totals(businessId, {
      from: addDays(week, -7),
      to: addDays(week, -1),
    });
    const campaigns = await repos.campaigns.page(businessId, {
      status: 'active',
      from: week,
      to: week,
      sort: 'start_date',
      order: 'asc',
      limit: CAMPAIGNS_REPORTED,
    });
    const reports: CampaignReport[] = [];
    for (const campaign of campaigns) reports.push(await this.deps.reports.reportOf(businessId, campaign));
    const text = describeDigest({
      businessId,
      timeZone,
      week,
      upcoming: upcoming.slice(0, UPCOMING_LISTED),
      upcomingCount: upcoming.length,
      lastWeek,
      campaigns: reports,
    });
    return repos.transaction(async (trx) => {
      const at = this.deps.now().toISOString();
      if (!(await trx.notifications.claimMark(businessId, `weekly_digest:${week}`, at))) {
        return { recipients: 0 };
      }
      const members = await trx.memberships.list(businessId);
      const rows = await this.deps.notifications.deliver(
        trx,
        businessId,
        members.map((member) => member.user_id),
        text,
      );
      return { recipients: rows.length };
    });
  }
}

/**
 * The Monday whose digest is due at `now` in `timeZone`: any time on a Monday from 08:00, so an hour the
 * schedule missed (a restart) is caught up by the next; undefined on other days and before 08:00.
 *
 * @example dueWeek(new Date('2026-03-02T08:30:00Z'), 'UTC') // '2026-03-02'
 */
export function dueWeek(now: Date, timeZone: string): string | undefined {
  const iso = now.toISOString();
  const date = localDate(iso, timeZone);
  if (weekday(date) !== 1 || localTime(iso, timeZone) < DIGEST_TIME) return undefined;
  return date;
}
