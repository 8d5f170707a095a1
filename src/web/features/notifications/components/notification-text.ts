import type { TFunction } from 'i18next';
import type { Notification, NotificationFacts } from '#shared/notifications.schema.js';
import { channelName } from '#web/lib/channel-name.js';
import { failureReasonText } from '#web/lib/failure-reason.js';
import { jobFailureReason } from '#web/lib/job-failure.js';
import { dateTimeFormat, formatNumber } from '#web/lib/workspace-format.js';

/** What a notification says: a line for its title, and its body (lines apart, as the digest writes them). */
export interface NotificationWords {
  title: string;
  body: string;
}

type Translate = TFunction<'notifications'>;
type Digest = Extract<NotificationFacts, { kind: 'weekly_digest' }>;

/**
 * A notification's title and body in the reader's language, made from the facts the server kept beside its
 * English sentences: money and numbers as the workspace writes them, channels named as everywhere in the
 * app, failure reasons translated when they are the shared ones. A notification written before the facts
 * were kept has only its English, which is shown as it was written.
 *
 * @example notificationWords(approved, t, common).title // 'Ada a approuvé « Soldes de printemps »' in French
 */
export function notificationWords(
  notification: Pick<Notification, 'title' | 'body' | 'facts'>,
  t: Translate,
  common: TFunction<'common'>,
): NotificationWords {
  const { facts } = notification;
  if (!facts) return { title: notification.title, body: notification.body };
  const actor = (name: string | null) => name ?? t('facts.someone');
  switch (facts.kind) {
    case 'review_requested':
      return {
        title: t('facts.review_requested.title', { actor: actor(facts.actor), item: facts.item }),
        body: t('facts.review_requested.body', { channel: channelName(facts.channel) }),
      };
    case 'content_sent_back':
      return {
        title: t('facts.content_sent_back.title', { actor: actor(facts.actor), item: facts.item }),
        body: facts.comment
          ? t('facts.quote', { text: facts.comment })
          : t('facts.content_sent_back.bodyNoComment'),
      };
    case 'content_approved':
      return {
        title: t('facts.content_approved.title', { actor: actor(facts.actor), item: facts.item }),
        body: t('facts.content_approved.body'),
      };
    case 'publish_failed':
      return {
        title: t('facts.publish_failed.title', { item: facts.item }),
        body: t('facts.publish_failed.body', { reason: sentence(failureReasonText(facts.reason, common)) }),
      };
    case 'inbox_attention':
      return {
        title: t(`facts.inbox_attention.${attentionWhy(facts)}`, { customer: facts.customer }),
        body: t('facts.quote', { text: facts.excerpt }),
      };
    case 'comment_mention':
      return {
        title: t('facts.comment_mention.title', { actor: actor(facts.actor), item: facts.item }),
        body: t('facts.quote', { text: facts.excerpt }),
      };
    case 'job_died':
      return {
        title: t('facts.job_died.title', { job: facts.job_name }),
        body: t('facts.job_died.body', {
          error: sentence(failureReasonText(jobFailureReason(facts.error), common)),
        }),
      };
    case 'ai_budget': {
      const spent = { spent: dollars(facts.spent_micro_usd), limit: dollars(facts.limit_micro_usd) };
      return facts.threshold >= 100
        ? { title: t('facts.ai_budget.titleSpent'), body: t('facts.ai_budget.bodySpent', spent) }
        : {
            title: t('facts.ai_budget.title', { share: percent(facts.threshold) }),
            body: t('facts.ai_budget.body', { ...spent, full: percent(100) }),
          };
    }
    case 'weekly_digest':
      return digestWords(facts, t);
  }
}

/** The message's title says why it needs attention: urgent, negative, or both. */
function attentionWhy(facts: { urgent: boolean; negative: boolean }) {
  if (facts.urgent && facts.negative) return 'titleUrgentNegative';
  if (facts.urgent) return 'titleUrgent';
  if (facts.negative) return 'titleNegative';
  return 'title';
}

/** The week ahead, last week's results and each active campaign against its forecast, a line each. */
function digestWords(facts: Digest, t: Translate): NotificationWords {
  const count = facts.upcoming_count;
  const lines: string[] = [];
  if (count === 0) {
    lines.push(t('facts.weekly_digest.nothingScheduled'));
  } else {
    lines.push(t('facts.weekly_digest.upcoming', { count, number: formatNumber(count) }));
    for (const item of facts.upcoming) {
      const when = item.scheduled_at
        ? weekdayAndTime(item.scheduled_at)
        : t('facts.weekly_digest.unscheduled');
      lines.push(
        t('facts.weekly_digest.item', { when, channel: channelName(item.channel), item: item.label }),
      );
    }
    const more = count - facts.upcoming.length;
    if (more > 0) lines.push(t('facts.weekly_digest.more', { count: more, number: formatNumber(more) }));
  }
  const results = facts.last_week;
  lines.push(
    results.impressions + results.engagements + results.clicks + results.conversions === 0
      ? t('facts.weekly_digest.noResults')
      : t('facts.weekly_digest.results', {
          impressions: formatNumber(results.impressions),
          engagements: formatNumber(results.engagements),
          clicks: formatNumber(results.clicks),
          conversions: formatNumber(results.conversions),
        }),
  );
  for (const campaign of facts.campaigns) lines.push(campaignLine(campaign, t));
  return {
    title:
      count === 0
        ? t('facts.weekly_digest.titleNothing')
        : t('facts.weekly_digest.title', { count, number: formatNumber(count) }),
    body: lines.join('\n'),
  };
}

function campaignLine(campaign: Digest['campaigns'][number], t: Translate): string {
  const metric = (name: string) => t(`facts.weekly_digest.metrics.${name}`, { defaultValue: name });
  const parts = campaign.forecast
    ? campaign.forecast.map((entry) =>
        t('facts.weekly_digest.againstForecast', {
          actual: formatNumber(entry.actual),
          expected: formatNumber(entry.expected, { maximumFractionDigits: 0 }),
          metric: metric(entry.metric),
        }),
      )
    : [t('facts.weekly_digest.noForecast')];
  const kpis = campaign.kpis.map((kpi) =>
    t('facts.weekly_digest.kpi', {
      metric: metric(kpi.metric),
      status: t(`facts.weekly_digest.kpiStatus.${kpi.status}`),
    }),
  );
  return t(kpis.length > 0 ? 'facts.weekly_digest.campaignWithKpis' : 'facts.weekly_digest.campaign', {
    name: campaign.name,
    day: formatNumber(campaign.days_elapsed),
    total: formatNumber(campaign.days_total),
    results: parts.join(t('facts.weekly_digest.separator')),
    kpis: kpis.join(', '),
  });
}

/**
 * A reason ended as a sentence: the shared reasons have no full stop of their own (they are also quoted
 * inside other sentences), and the next sentence of the body follows it.
 */
function sentence(text: string): string {
  return /[.!?…]$/.test(text.trimEnd()) ? text : `${text.trimEnd()}.`;
}

/** Dollars, as the workspace writes money ("$12.40", "12,40 $US"). */
function dollars(microUsd: number): string {
  return formatNumber(microUsd / 1_000_000, { style: 'currency', currency: 'USD' });
}

function percent(share: number): string {
  return formatNumber(share / 100, { style: 'percent' });
}

/** "Tue 09:30" on the workspace's clock, in its locale ("mar. 09:30"). */
function weekdayAndTime(iso: string): string {
  return dateTimeFormat({ weekday: 'short', hour: '2-digit', minute: '2-digit' }).format(new Date(iso));
}
