import type { MetricSums } from '#server/repositories/metric.repository.js';
import type { CampaignReport, KpiStatus } from '#shared/analytics.schema.js';
import type { ChannelId } from '#shared/channel-ids.js';
import type { NotificationFacts } from '#shared/notifications.schema.js';
import { localDate, localTime, weekday } from '#shared/zoned-time.js';
import type { NotificationText } from './notification-texts.js';
import { itemLabel } from './notification-texts.js';

/** What a workspace's digest reports on. */
export interface DigestFacts {
  businessId: string;
  timeZone: string;
  /** The Monday the digest is for (`YYYY-MM-DD`, in the workspace's time zone). */
  week: string;
  /** Items scheduled in the week, in time order (at most `UPCOMING_LISTED` + 1 are needed). */
  upcoming: { title: string; body: string; channel: ChannelId; scheduled_at: string | null }[];
  /** How many are scheduled in all. */
  upcomingCount: number;
  /** Last week's results (Monday to Sunday). */
  lastWeek: MetricSums;
  /** Active campaigns' forecasts against their actuals. */
  campaigns: CampaignReport[];
}

/** The results a campaign's line sets against its forecast. */
const FORECAST_REPORTED = ['clicks', 'conversions'] as const;

/** Upcoming posts listed by name; the rest are counted. */
export const UPCOMING_LISTED = 5;

const STATUS_WORDS: Record<KpiStatus, string> = {
  not_started: 'not started',
  met: 'met',
  on_track: 'on track',
  at_risk: 'at risk',
  behind: 'behind',
  no_forecast: 'no forecast',
};

const number = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

/**
 * The digest's words: what goes out in the week ahead, last week's results, and each active campaign
 * against its forecast. One line per fact, so the email shows them as paragraphs and the app as lines.
 *
 * @example
 * describeDigest(facts).title // 'The week ahead: 3 posts go out'
 */
export function describeDigest(facts: DigestFacts): NotificationText {
  const lines: string[] = [];
  const count = facts.upcomingCount;
  if (count === 0) {
    lines.push('Nothing is scheduled for this week yet.');
  } else {
    lines.push(`${plural(count, 'post')} ${count === 1 ? 'goes' : 'go'} out this week:`);
    for (const item of facts.upcoming.slice(0, UPCOMING_LISTED)) {
      const when = item.scheduled_at ? wallClock(item.scheduled_at, facts.timeZone) : 'unscheduled';
      lines.push(`• ${when} · ${item.channel} · ${itemLabel(item)}`);
    }
    if (count > UPCOMING_LISTED) lines.push(`…and ${count - UPCOMING_LISTED} more.`);
  }
  const results = facts.lastWeek;
  lines.push(
    results.impressions + results.clicks + results.conversions + results.engagements === 0
      ? 'No results were recorded last week.'
      : `Last week: ${number.format(results.impressions)} impressions, ${number.format(results.engagements)} engagements, ${number.format(results.clicks)} clicks, ${number.format(results.conversions)} conversions.`,
  );
  for (const report of facts.campaigns) lines.push(campaignLine(report));
  return {
    kind: 'weekly_digest',
    title:
      count === 0
        ? 'The week ahead: nothing scheduled yet'
        : `The week ahead: ${plural(count, 'post')} ${count === 1 ? 'goes' : 'go'} out`,
    body: lines.join('\n').slice(0, 2_000),
    link: `/w/${facts.businessId}/calendar`,
    subjectId: null,
    facts: digestFacts(facts),
  };
}

/** The digest's facts for the web app, which says them in its reader's language and on the workspace's clock. */
function digestFacts(facts: DigestFacts): NotificationFacts {
  const { impressions, engagements, clicks, conversions } = facts.lastWeek;
  return {
    kind: 'weekly_digest',
    upcoming_count: facts.upcomingCount,
    upcoming: facts.upcoming.slice(0, UPCOMING_LISTED).map((item) => ({
      label: itemLabel(item),
      channel: item.channel,
      scheduled_at: item.scheduled_at,
    })),
    last_week: { impressions, engagements, clicks, conversions },
    campaigns: facts.campaigns.map((report) => ({
      name: report.name,
      days_elapsed: report.days_elapsed,
      days_total: report.days_total,
      forecast: report.simulation ? forecastAgainstActual(report) : null,
      kpis: report.kpis.map((kpi) => ({ metric: kpi.metric, status: kpi.status })),
    })),
  };
}

/** Clicks and conversions so far against the forecast's median by now, where the forecast has them. */
function forecastAgainstActual(report: CampaignReport) {
  return FORECAST_REPORTED.flatMap((metric) => {
    const expected = report.expected_to_date[metric]?.p50;
    if (expected === null || expected === undefined) return [];
    return [{ metric, actual: report.actual[metric], expected }];
  });
}

/** "Spring launch (day 5 of 31): 120 clicks against 100 forecast by now; KPIs: clicks on track." */
function campaignLine(report: CampaignReport): string {
  const day = `day ${report.days_elapsed} of ${report.days_total}`;
  const parts: string[] = [];
  if (report.simulation) {
    for (const metric of FORECAST_REPORTED) {
      const expected = report.expected_to_date[metric]?.p50;
      if (expected === null || expected === undefined) continue;
      parts.push(
        `${number.format(report.actual[metric])} ${metric} against ${number.format(expected)} forecast by now`,
      );
    }
  } else {
    parts.push('no forecast yet');
  }
  const kpis = report.kpis.map((kpi) => `${kpi.metric} ${STATUS_WORDS[kpi.status]}`);
  const tail = kpis.length > 0 ? `; KPIs: ${kpis.join(', ')}` : '';
  return `${report.name} (${day}): ${parts.join('; ')}${tail}.`;
}

const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

/** "Tue 09:30" on the workspace's clock (the same words on every server, whatever its locale). */
function wallClock(iso: string, timeZone: string): string {
  return `${WEEKDAYS[weekday(localDate(iso, timeZone)) - 1]} ${localTime(iso, timeZone)}`;
}

function plural(count: number, word: string): string {
  return `${number.format(count)} ${word}${count === 1 ? '' : 's'}`;
}
