import {
  BENCHMARK_METRICS,
  type BenchmarkMetric,
  type ChannelPlan,
  DEFAULT_TRIALS,
  simulateBodySchema,
} from '#shared/analytics.schema.js';
import type { CampaignObjective } from '#shared/campaign.schema.js';
import { CHANNEL_IDS, type ChannelId } from '#shared/channel-ids.js';
import type { SimulateRequest } from './api/simulate.js';

// The forecast form as typed (strings, percentages, major currency units) and its translation into the
// simulate request the shared schema checks, with each problem keyed to the input that shows it.

export interface ChannelDraft {
  channel: ChannelId;
  included: boolean;
  /** Share of the paid budget, in percent. */
  sharePercent: string;
  posts: string;
  audience: string;
  /** Overrides: rates in percent, CPM in major units; empty leaves the benchmark or history. */
  rates: Record<BenchmarkMetric, string>;
}

export interface KpiDraft {
  metric: string;
  target: string;
}

export interface ForecastDraft {
  mode: 'campaign' | 'plan';
  campaignId: string;
  objective: CampaignObjective;
  /** Total paid budget in major units of `currency`. */
  budget: string;
  currency: string;
  /** Average order value in major units, for return on ad spend. */
  averageOrderValue: string;
  channels: ChannelDraft[];
  kpis: KpiDraft[];
  trials: number;
  seed: string;
}

/** Problems keyed by input: `budget`, `channels`, `channel.instagram.sharePercent`, `kpis.0.target`, … */
export type DraftErrors = Record<string, string>;

const EMPTY_RATES = Object.fromEntries(BENCHMARK_METRICS.map((metric) => [metric, ''])) as Record<
  BenchmarkMetric,
  string
>;

/** A new random seed (unsigned 32-bit, as the kernel takes). */
export function randomSeed(): number {
  return crypto.getRandomValues(new Uint32Array(1))[0] ?? 1;
}

/**
 * The form's opening state: a campaign when there is one to start from, else a small paid + organic plan
 * in the workspace's currency.
 * @example initialDraft('019…', 1234, 'EUR').mode // 'campaign'
 */
export function initialDraft(campaignId: string | undefined, seed: number, currency = 'USD'): ForecastDraft {
  const planned: Partial<Record<ChannelId, Partial<ChannelDraft>>> = {
    instagram: { included: true, sharePercent: '60', posts: '8', audience: '5000' },
    facebook: { included: true, sharePercent: '40', posts: '4', audience: '3000' },
  };
  return {
    mode: campaignId ? 'campaign' : 'plan',
    campaignId: campaignId ?? '',
    objective: 'sales',
    budget: '1000',
    currency,
    averageOrderValue: '',
    channels: CHANNEL_IDS.map((channel) => ({
      channel,
      included: false,
      sharePercent: '',
      posts: '',
      audience: '',
      rates: { ...EMPTY_RATES },
      ...planned[channel],
    })),
    kpis: [{ metric: 'conversions', target: '20' }],
    trials: DEFAULT_TRIALS,
    seed: String(seed),
  };
}

const number = (text: string): number | undefined => {
  const trimmed = text.replace(/[\s,]/g, '');
  return trimmed === '' ? undefined : Number(trimmed);
};

function channelPlan(draft: ChannelDraft): ChannelPlan {
  const rates: ChannelPlan['rates'] = {};
  for (const metric of BENCHMARK_METRICS) {
    const value = number(draft.rates[metric]);
    if (value !== undefined) rates[metric] = metric === 'cpm' ? value : value / 100;
  }
  const audience = number(draft.audience);
  return {
    channel: draft.channel,
    budget_share: (number(draft.sharePercent) ?? 0) / 100,
    posts: number(draft.posts) ?? 0,
    ...(audience === undefined ? {} : { audience_size: audience }),
    ...(Object.keys(rates).length > 0 ? { rates } : {}),
  };
}

/** Where a request field shows its problem in the form. */
export function draftKeyOf(path: readonly PropertyKey[], included: readonly ChannelId[]): string {
  const [head, index, field, sub] = path.map(String);
  if (head === 'channels' && index !== undefined && field !== undefined) {
    const channel = included[Number(index)];
    if (field === 'budget_share') return `channel.${channel}.sharePercent`;
    if (field === 'audience_size') return `channel.${channel}.audience`;
    if (field === 'rates' && sub) return `channel.${channel}.rates.${sub}`;
    return `channel.${channel}.${field}`;
  }
  if (head === 'budget_minor') return 'budget';
  if (head === 'average_order_value_minor') return 'averageOrderValue';
  if (head === 'kpis' && index !== undefined) return `kpis.${index}.${field ?? 'metric'}`;
  return head ?? 'form';
}

/**
 * The request for a draft, checked with the shared schema before it is sent (so a share total of 90% is
 * explained at once, not after a round trip), or the problems keyed by input.
 *
 * @example
 * const { body, errors } = toSimulateRequest(businessId, draft, 100, { chooseCampaign: t('form.chooseCampaign') });
 */
export function toSimulateRequest(
  businessId: string,
  draft: ForecastDraft,
  minorPerMajor: number,
  messages: { chooseCampaign: string },
): { body: SimulateRequest | undefined; errors: DraftErrors; included: ChannelId[] } {
  const seed = number(draft.seed);
  const common = { business_id: businessId, trials: draft.trials, ...(seed === undefined ? {} : { seed }) };
  const included = draft.channels.filter((channel) => channel.included).map((channel) => channel.channel);
  let body: SimulateRequest;
  if (draft.mode === 'campaign') {
    if (!draft.campaignId)
      return { body: undefined, errors: { campaignId: messages.chooseCampaign }, included };
    body = { ...common, campaign_id: draft.campaignId };
  } else {
    const budget = number(draft.budget);
    const aov = number(draft.averageOrderValue);
    const kpis = draft.kpis
      .filter((kpi) => kpi.metric.trim() !== '' || kpi.target.trim() !== '')
      .map((kpi) => ({ metric: kpi.metric.trim(), target: number(kpi.target) ?? Number.NaN }));
    body = {
      ...common,
      objective: draft.objective,
      currency: draft.currency.trim().toUpperCase(),
      budget_minor: budget === undefined ? 0 : Math.round(budget * minorPerMajor),
      channels: draft.channels.filter((channel) => channel.included).map(channelPlan),
      kpis,
      ...(aov === undefined ? {} : { average_order_value_minor: Math.round(aov * minorPerMajor) }),
    };
  }
  const parsed = simulateBodySchema.safeParse(body);
  if (parsed.success) return { body, errors: {}, included };
  const errors: DraftErrors = {};
  for (const issue of parsed.error.issues) {
    const key = draftKeyOf(issue.path, included);
    errors[key] ??= issue.message;
  }
  return { body: undefined, errors, included };
}
