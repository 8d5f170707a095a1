import type { BenchmarkMetric } from '#shared/analytics.schema.js';
import type { CampaignObjective } from '#shared/campaign.schema.js';
import type { ChannelId } from '#shared/channel-ids.js';

// Default rates per channel: where a forecast starts before a business has results of its own. Every
// figure is a round number inside a range that public industry reports give, named below with the year
// of the edition we had in mind; none is a precise measurement, and the priors built from them stay wide
// (see `weight` and `cv`). Where no public benchmark exists (Threads, Bluesky, Google Business Profile
// reach), the figure is our assumption and says so. Review these yearly; businesses override them, and
// their own results replace them as they come in (priors.ts).

/** One default: the mean, how sure we are, and where it comes from. */
export interface Benchmark {
  /** A rate from 0 to 1, or CPM in major currency units (USD-like scale). */
  mean: number;
  /** Rates: the prior's effective sample size (small = wide). Others: the coefficient of variation. */
  spread: number;
  source: string;
  year: number | null;
  confidence: 'medium' | 'low';
}

type ChannelBenchmarks = Record<BenchmarkMetric, Benchmark | null> & {
  /** Impressions per person reached (reach = impressions / frequency). */
  frequency: number;
};

const ASSUMED = 'our assumption: no public benchmark we trust';
const rate = (
  mean: number,
  spread: number,
  source: string,
  year: number | null,
  confidence: Benchmark['confidence'] = 'low',
): Benchmark => ({
  mean,
  spread,
  source,
  year,
  confidence,
});

/**
 * Per channel: ctr (clicks per impression), engagement_rate (engagements per impression), cvr (conversions
 * per click), cpm (paid cost per 1,000 impressions; null where the channel sells no ads we model) and
 * organic_reach (share of the audience one organic post reaches). For email, an "impression" is an open
 * and organic_reach the open rate; for SMS, a delivered message.
 */
export const CHANNEL_BENCHMARKS: Record<ChannelId, ChannelBenchmarks> = {
  facebook: {
    ctr: rate(0.015, 150, 'industry range, WordStream Facebook ads benchmarks 2024', 2024, 'medium'),
    engagement_rate: rate(
      0.0015,
      60,
      'industry range, Rival IQ Social Media Industry Benchmark Report 2024',
      2024,
      'medium',
    ),
    cvr: rate(0.08, 40, 'industry range, WordStream Facebook ads benchmarks 2024', 2024, 'medium'),
    cpm: rate(10, 0.5, 'industry range, WordStream Facebook ads benchmarks 2024', 2024),
    organic_reach: rate(0.05, 0.6, 'industry range, Hootsuite social media benchmarks 2023', 2023),
    frequency: 1.6,
  },
  instagram: {
    ctr: rate(0.008, 120, 'industry range, WordStream Facebook/Instagram ads benchmarks 2024', 2024),
    engagement_rate: rate(
      0.006,
      60,
      'industry range, Rival IQ Social Media Industry Benchmark Report 2024',
      2024,
      'medium',
    ),
    cvr: rate(0.03, 40, 'industry range, WordStream Facebook/Instagram ads benchmarks 2024', 2024),
    cpm: rate(8, 0.5, 'industry range, WordStream Facebook/Instagram ads benchmarks 2024', 2024),
    organic_reach: rate(0.1, 0.6, 'industry range, Hootsuite social media benchmarks 2023', 2023),
    frequency: 1.8,
  },
  linkedin: {
    ctr: rate(
      0.005,
      150,
      'industry range (0.4–0.65% sponsored content), LinkedIn Marketing Solutions 2024',
      2024,
      'medium',
    ),
    engagement_rate: rate(0.02, 60, 'industry range, Hootsuite social media benchmarks 2023', 2023),
    cvr: rate(0.06, 40, 'industry range, LinkedIn Marketing Solutions 2024', 2024),
    cpm: rate(33, 0.5, 'industry range, LinkedIn Marketing Solutions 2024', 2024),
    organic_reach: rate(0.08, 0.6, ASSUMED, null),
    frequency: 1.5,
  },
  x: {
    ctr: rate(0.008, 100, ASSUMED, null),
    engagement_rate: rate(
      0.0005,
      40,
      'industry range, Rival IQ Social Media Industry Benchmark Report 2024',
      2024,
      'medium',
    ),
    cvr: rate(0.02, 30, ASSUMED, null),
    cpm: rate(6.5, 0.6, ASSUMED, null),
    organic_reach: rate(0.05, 0.7, ASSUMED, null),
    frequency: 1.7,
  },
  tiktok: {
    ctr: rate(0.008, 100, 'industry range, Hootsuite social media benchmarks 2023', 2023),
    engagement_rate: rate(
      0.025,
      40,
      'industry range, Rival IQ Social Media Industry Benchmark Report 2024',
      2024,
      'medium',
    ),
    cvr: rate(0.015, 30, ASSUMED, null),
    cpm: rate(7, 0.6, 'industry range, Hootsuite social media benchmarks 2023', 2023),
    organic_reach: rate(0.15, 0.8, ASSUMED, null),
    frequency: 1.4,
  },
  threads: {
    ctr: rate(0.005, 40, ASSUMED, null),
    engagement_rate: rate(0.01, 30, ASSUMED, null),
    cvr: rate(0.015, 20, ASSUMED, null),
    cpm: rate(8, 0.8, ASSUMED, null),
    organic_reach: rate(0.08, 0.8, ASSUMED, null),
    frequency: 1.5,
  },
  bluesky: {
    ctr: rate(0.006, 30, ASSUMED, null),
    engagement_rate: rate(0.02, 30, ASSUMED, null),
    cvr: rate(0.015, 20, ASSUMED, null),
    cpm: null,
    organic_reach: rate(0.1, 0.8, ASSUMED, null),
    frequency: 1.3,
  },
  google_business: {
    ctr: rate(0.03, 30, ASSUMED, null),
    engagement_rate: rate(0.01, 30, ASSUMED, null),
    cvr: rate(0.05, 20, ASSUMED, null),
    cpm: null,
    organic_reach: rate(0.2, 0.8, ASSUMED, null),
    frequency: 1.2,
  },
  email: {
    // Per open: click-to-open about 10%, from a click rate of 2–3% of deliveries over opens of 20–40%.
    ctr: rate(0.1, 80, 'industry range, Mailchimp email marketing benchmarks 2023', 2023, 'medium'),
    engagement_rate: rate(
      0.1,
      80,
      'industry range, Mailchimp email marketing benchmarks 2023',
      2023,
      'medium',
    ),
    cvr: rate(0.03, 40, ASSUMED, null),
    cpm: null,
    // Opens per delivery; inflated since 2021 by Apple Mail Privacy Protection.
    organic_reach: rate(
      0.3,
      0.4,
      'industry range, Mailchimp email marketing benchmarks 2023',
      2023,
      'medium',
    ),
    frequency: 1.1,
  },
  sms: {
    ctr: rate(0.06, 40, 'industry range, Klaviyo SMS benchmarks 2024', 2024),
    engagement_rate: rate(0.06, 40, 'industry range, Klaviyo SMS benchmarks 2024', 2024),
    cvr: rate(0.03, 30, ASSUMED, null),
    cpm: null,
    organic_reach: rate(0.95, 0.05, 'delivery rate, industry range (carriers filter a few percent)', null),
    frequency: 1,
  },
  // The networks below have no public benchmark we trust: like Bluesky, organic only (no ads we model).
  mastodon: {
    ctr: rate(0.006, 30, ASSUMED, null),
    engagement_rate: rate(0.02, 30, ASSUMED, null),
    cvr: rate(0.015, 20, ASSUMED, null),
    cpm: null,
    organic_reach: rate(0.1, 0.8, ASSUMED, null),
    frequency: 1.3,
  },
  pinterest: {
    ctr: rate(0.008, 30, ASSUMED, null),
    engagement_rate: rate(0.01, 30, ASSUMED, null),
    cvr: rate(0.02, 20, ASSUMED, null),
    cpm: rate(5, 0.8, ASSUMED, null),
    organic_reach: rate(0.05, 0.8, ASSUMED, null),
    frequency: 1.3,
  },
  // A channel's or server's members see every message; reach is how many of them read it.
  telegram: {
    ctr: rate(0.02, 30, ASSUMED, null),
    engagement_rate: rate(0.02, 30, ASSUMED, null),
    cvr: rate(0.02, 20, ASSUMED, null),
    cpm: null,
    organic_reach: rate(0.3, 0.6, ASSUMED, null),
    frequency: 1.1,
  },
  discord: {
    ctr: rate(0.02, 30, ASSUMED, null),
    engagement_rate: rate(0.03, 30, ASSUMED, null),
    cvr: rate(0.02, 20, ASSUMED, null),
    cpm: null,
    organic_reach: rate(0.2, 0.6, ASSUMED, null),
    frequency: 1.1,
  },
  slack: {
    ctr: rate(0.02, 30, ASSUMED, null),
    engagement_rate: rate(0.03, 30, ASSUMED, null),
    cvr: rate(0.02, 20, ASSUMED, null),
    cpm: null,
    organic_reach: rate(0.3, 0.6, ASSUMED, null),
    frequency: 1.1,
  },
};

/**
 * How an objective shifts the defaults (our assumption, not a source): awareness buys cheaper, broader
 * impressions that click and convert less; leads convert more easily than purchases; engagement content
 * is built to be reacted to.
 */
export const OBJECTIVE_FACTORS: Record<CampaignObjective, Partial<Record<BenchmarkMetric, number>>> = {
  awareness: { cpm: 0.8, ctr: 0.8, cvr: 0.5 },
  traffic: { ctr: 1.2, cvr: 0.7 },
  leads: { cvr: 1.5 },
  sales: {},
  engagement: { engagement_rate: 1.3, cvr: 0.5 },
};

/**
 * The default for one channel, objective and metric, with the objective's factor applied (and noted in
 * the source); null where the channel has no such input (CPM of a channel without ads).
 *
 * @example
 * benchmarkFor('facebook', 'leads', 'cvr'); // mean 0.12, "…; ×1.5 for leads (our assumption)"
 */
export function benchmarkFor(
  channel: ChannelId,
  objective: CampaignObjective,
  metric: BenchmarkMetric,
): Benchmark | null {
  const base = CHANNEL_BENCHMARKS[channel][metric];
  if (!base) return null;
  const factor = OBJECTIVE_FACTORS[objective][metric];
  if (factor === undefined) return base;
  const mean = metric === 'cpm' ? base.mean * factor : Math.min(0.99, base.mean * factor);
  return { ...base, mean, source: `${base.source}; ×${factor} for ${objective} (our assumption)` };
}

/** Whether paid budget can buy impressions on a channel (it has a CPM). */
export function isPaidChannel(channel: ChannelId): boolean {
  return CHANNEL_BENCHMARKS[channel].cpm !== null;
}

/** Impressions per person reached on a channel. */
export function frequencyOf(channel: ChannelId): number {
  return CHANNEL_BENCHMARKS[channel].frequency;
}
