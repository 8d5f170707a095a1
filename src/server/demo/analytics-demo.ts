import { lognormalFromMean } from '#server/analytics/priors.js';
import { Rng } from '#server/analytics/rng.js';
import { lognormal } from '#server/analytics/samplers.js';
import type { Services } from '#server/composition-root.js';
import type { MetricRecord } from '#shared/analytics.schema.js';
import type { ChannelId } from '#shared/channel-ids.js';
import { type ContentItem, createContentBodySchema } from '#shared/content.schema.js';
import { createCardBodySchema } from '#shared/media-cards.schema.js';
import type { Principal } from '../services/access/principal.js';
import type { PastOutcome } from '../services/publishing/past-publications.js';

// The demo workspace's analytics: a four-week campaign three weeks in, its posts with three weeks of
// actual results (seeded, so every demo looks the same relative to today), and a forecast of it, so the
// analytics page and the campaign's forecast-against-actuals have something to show on a first run. The
// posts went through the workflow like any other (submitted, approved, scheduled) and were published at
// their time; one newsletter failed, for want of a connector, so a first look shows what that looks like.

/** Per channel: posts a week, paid budget share, and typical first-day results per post. */
const PLAN: {
  channel: ChannelId;
  perWeek: number;
  share: number;
  impressions: number;
  ctr: number;
  cvr: number;
}[] = [
  { channel: 'instagram', perWeek: 3, share: 0.6, impressions: 2_400, ctr: 0.009, cvr: 0.035 },
  { channel: 'facebook', perWeek: 2, share: 0.4, impressions: 1_800, ctr: 0.014, cvr: 0.05 },
  { channel: 'email', perWeek: 1, share: 0, impressions: 900, ctr: 0.09, cvr: 0.04 },
];
/** How a post's results spread over the days after it goes out. */
const DECAY = [0.6, 0.28, 0.12];
const BUDGET_MINOR = 60_000;

/**
 * Seed the demo's campaign with results and a forecast. Returns the campaign id.
 *
 * @example
 * await seedDemoAnalytics(services, owner, business.id, new Date());
 */
type AnalyticsDemoServices = Pick<
  Services,
  | 'campaigns'
  | 'content'
  | 'contentWorkflow'
  | 'contentMedia'
  | 'textCards'
  | 'pastPublications'
  | 'forecasts'
  | 'analyticsMetrics'
>;

export async function seedDemoAnalytics(
  services: AnalyticsDemoServices,
  owner: Principal,
  businessId: string,
  now: Date,
): Promise<string> {
  const today = now.toISOString().slice(0, 10);
  const start = addDays(today, -21);
  const campaign = await services.campaigns.create(owner, {
    business_id: businessId,
    name: 'Espresso blend launch',
    objective: 'sales',
    channels: PLAN.map((plan) => plan.channel),
    budget_minor: BUDGET_MINOR,
    currency: 'GBP',
    start_date: start,
    end_date: addDays(start, 27),
    kpis: [
      { metric: 'orders', target: 60 },
      { metric: 'clicks', target: 1_500 },
    ],
  });
  await services.campaigns.update(owner, campaign.id, { status: 'active' });
  // Instagram takes only posts with an image: one branded card, drawn here, illustrates them.
  const card = await services.textCards.create(
    owner,
    businessId,
    createCardBodySchema.parse({
      kind: 'announcement',
      headline: 'Our new espresso blend',
      body: 'Chocolate, hazelnut and a long, sweet finish.',
      footer: 'Order a bag today',
    }),
  );
  const goOut = (item: ContentItem, at: string, outcome: PastOutcome) =>
    publishInThePast(services, owner, item, at, outcome, item.channel === 'instagram' ? [card.id] : []);
  const rng = new Rng(2026);
  const records: MetricRecord[] = [];
  for (const plan of PLAN) {
    const posts = plan.perWeek * 3;
    const spendPerPost = Math.round((BUDGET_MINOR * plan.share * (21 / 28)) / posts);
    for (let index = 0; index < posts; index++) {
      const postDay = addDays(start, Math.floor((index * 21) / posts));
      const item = await services.content.create(
        owner,
        createContentBodySchema.parse({
          business_id: businessId,
          channel: plan.channel,
          title: `${plan.channel === 'email' ? 'Newsletter' : 'Espresso blend'} #${index + 1}`,
          body: 'Our new espresso blend: chocolate, hazelnut and a long, sweet finish. Order a bag today.',
          campaign_id: campaign.id,
          scheduled_at: `${postDay}T09:00:00.000Z`,
        }),
      );
      await goOut(item, `${postDay}T09:00:00.000Z`, 'published');
      const shown = lognormal(
        rng,
        lognormalFromMean(plan.impressions, 0.35).mu,
        lognormalFromMean(plan.impressions, 0.35).sigma,
      );
      DECAY.forEach((share, offset) => {
        const day = addDays(postDay, offset);
        if (day >= today) return;
        const impressions = Math.round(shown * share);
        const clicks = Math.round(impressions * plan.ctr * (0.7 + 0.6 * rng.uniform()));
        records.push({
          content_item_id: item.id,
          day,
          impressions,
          reach: Math.round(impressions / 1.5),
          engagements: Math.round(impressions * 0.02 * (0.5 + rng.uniform())),
          clicks,
          conversions: Math.round(clicks * plan.cvr * (0.5 + rng.uniform())),
          spend_minor: Math.round(spendPerPost * share),
          currency: 'GBP',
        });
      });
    }
  }
  // Yesterday's extra newsletter never went out: no connector was set up for email. No results, then.
  const missed = await services.content.create(
    owner,
    createContentBodySchema.parse({
      business_id: businessId,
      channel: 'email',
      title: 'Newsletter: tasting evening',
      body: 'Join us on Thursday for a tasting of the new espresso blend, with the roasters who made it.',
      campaign_id: campaign.id,
    }),
  );
  await goOut(missed, `${addDays(today, -1)}T09:00:00.000Z`, 'failed');
  await services.analyticsMetrics.record(owner, { business_id: businessId, records });
  await services.forecasts.simulate(owner, {
    business_id: businessId,
    campaign_id: campaign.id,
    average_order_value_minor: 1_400,
    trials: 10_000,
    seed: 2026,
  });
  return campaign.id;
}

/**
 * An item through the workflow as a person takes it (media attached, submitted, approved), then out at
 * `at` in the past, or failed then.
 */
async function publishInThePast(
  services: AnalyticsDemoServices,
  owner: Principal,
  item: ContentItem,
  at: string,
  outcome: PastOutcome,
  mediaIds: string[],
): Promise<void> {
  let current = item;
  if (mediaIds.length > 0) {
    current = await services.contentMedia.set(owner, current.id, {
      version: current.version,
      media_ids: mediaIds,
    });
  }
  for (const to of ['in_review', 'approved'] as const) {
    current = await services.contentWorkflow.transition(owner, current.id, { to, version: current.version });
  }
  await services.pastPublications.record(owner, current.id, at, outcome);
}

function addDays(date: string, days: number): string {
  const next = new Date(`${date}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + days);
  return next.toISOString().slice(0, 10);
}
