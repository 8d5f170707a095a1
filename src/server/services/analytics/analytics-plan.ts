import { frequencyOf, isPaidChannel } from '#server/analytics/benchmarks.js';
import type { ForecastChannel, ForecastInput } from '#server/analytics/forecast-types.js';
import { lognormalFromMean } from '#server/analytics/priors.js';
import type { BenchmarkOverrideRow } from '#server/db/schema.js';
import { AppError } from '#server/errors/app-error.js';
import type { ChannelHistory } from '#server/repositories/metric.repository.js';
import type { ChannelPlan, RateProvenance, SimulateBody } from '#shared/analytics.schema.js';
import type { Campaign, CampaignObjective, Kpi } from '#shared/campaign.schema.js';
import type { ChannelId } from '#shared/channel-ids.js';
import type { FieldError } from '#shared/problem.schema.js';
import { minorPerMajor, resolveChannelRates } from './analytics-rates.js';

// Turn a simulate request (and the campaign it names) into the kernel's input: channels, budget split,
// posts, audiences and every rate resolved. Pure; the service loads what it needs first.

/** Planned content items read per campaign to count posts per channel. */
export const MAX_PLANNED_ITEMS = 5_000;

/** Followers assumed for an organic channel when the request gives no audience size. */
export const DEFAULT_AUDIENCE = 1_000;

/** Everything the plan is built from. */
export interface PlanSources {
  body: SimulateBody;
  campaign: Campaign | undefined;
  /** Planned content items of the campaign per channel. */
  postsByChannel: Partial<Record<ChannelId, number>>;
  overrides: readonly BenchmarkOverrideRow[];
  history: readonly ChannelHistory[];
  seed: number;
  /** The workspace's currency, for a plan that names none and has no campaign to take it from. */
  workspaceCurrency: string;
}

/** The kernel's input plus what the response reports about it. */
export interface ResolvedPlan {
  input: ForecastInput;
  objective: CampaignObjective;
  currency: string;
  budgetMinor: number;
  minorPerMajor: number;
  rates: RateProvenance[];
  /** The channel plans as run (shares, posts, audience), saved with the simulation. */
  channels: (ChannelPlan & { audience_size: number; budget_minor: number })[];
}

/**
 * Resolve a plan; invalid combinations the schema cannot see (a budget on a channel without ads) are a
 * `validation_failed` with field errors.
 *
 * @example
 * const plan = resolvePlan({ body, campaign: undefined, postsByChannel: {}, overrides: [], history: [], seed: 1, workspaceCurrency: 'EUR' });
 */
export function resolvePlan(sources: PlanSources): ResolvedPlan {
  const { body, campaign } = sources;
  const objective = body.objective ?? campaign?.objective ?? 'sales';
  const currency = body.currency ?? campaign?.currency ?? sources.workspaceCurrency;
  const budgetMinor = body.budget_minor ?? campaign?.budget_minor ?? 0;
  const perMajor = minorPerMajor(currency);
  const plans = body.channels ?? campaignPlans(campaign, sources.postsByChannel);
  const shares = splitBudget(plans, budgetMinor, body.channels ? 'body.channels' : 'campaign.channels');
  const rates: RateProvenance[] = [];
  const channels: ResolvedPlan['channels'] = [];
  const forecastChannels: ForecastChannel[] = plans.map((plan, index) => {
    const resolved = resolveChannelRates({
      channel: plan.channel,
      objective,
      inputs: plan.rates,
      overrides: sources.overrides,
      history: sources.history.find((row) => row.channel === plan.channel),
      minorPerMajor: perMajor,
    });
    rates.push(...resolved.provenance);
    const share = shares[index] ?? 0;
    const budget = (budgetMinor * share) / perMajor;
    const audience = plan.audience_size ?? DEFAULT_AUDIENCE;
    const reachMean = Math.max(audience * resolved.organicReach.mean, 1e-9);
    channels.push({
      ...plan,
      budget_share: share,
      audience_size: audience,
      budget_minor: Math.round(budgetMinor * share),
    });
    return {
      channel: plan.channel,
      budget,
      posts: plan.posts,
      reachPerPost:
        plan.posts > 0 && audience > 0 ? lognormalFromMean(reachMean, resolved.organicReach.cv) : null,
      cpm: budget > 0 ? resolved.cpm : null,
      ctr: resolved.ctr,
      engagementRate: resolved.engagementRate,
      cvr: resolved.cvr,
      frequency: frequencyOf(plan.channel),
    };
  });
  const kpis: Kpi[] = body.kpis ?? campaign?.kpis ?? [];
  const aov = body.average_order_value_minor;
  return {
    input: {
      trials: body.trials,
      seed: sources.seed,
      channels: forecastChannels,
      averageOrderValue: aov === undefined ? null : aov / perMajor,
      kpis,
    },
    objective,
    currency,
    budgetMinor,
    minorPerMajor: perMajor,
    rates,
    channels,
  };
}

/** Planned posts per channel among a campaign's content items: ideas and failed items are not going out. */
export function countPlannedPosts(
  items: readonly { channel: ChannelId; status: string }[],
): Partial<Record<ChannelId, number>> {
  const posts: Partial<Record<ChannelId, number>> = {};
  for (const item of items) {
    if (item.status === 'idea' || item.status === 'failed') continue;
    posts[item.channel] = (posts[item.channel] ?? 0) + 1;
  }
  return posts;
}

/** A campaign's channels with its planned content counted per channel. */
export function campaignPlans(
  campaign: Campaign | undefined,
  posts: Partial<Record<ChannelId, number>>,
): ChannelPlan[] {
  if (!campaign) return [];
  return campaign.channels.map((channel) => ({ channel, budget_share: 0, posts: posts[channel] ?? 0 }));
}

/**
 * Each channel's share of the budget: as given (the schema checked they add up to 1), or, when none is
 * given, split evenly across the channels that sell ads.
 */
function splitBudget(plans: readonly ChannelPlan[], budgetMinor: number, path: string): number[] {
  const errors: FieldError[] = [];
  plans.forEach((plan, index) => {
    if (plan.budget_share > 0 && !isPaidChannel(plan.channel)) {
      errors.push({
        path: `${path}.${index}.budget_share`,
        message: `${plan.channel} has no ads in this model; plan its sends or posts in posts instead`,
        code: 'custom',
      });
    }
  });
  if (errors.length > 0) throw new AppError('validation_failed', 'The plan is not valid', { errors });
  if (budgetMinor <= 0) return plans.map(() => 0);
  if (plans.some((plan) => plan.budget_share > 0)) return plans.map((plan) => plan.budget_share);
  const paid = plans.filter((plan) => isPaidChannel(plan.channel)).length;
  if (paid === 0) {
    throw new AppError('validation_failed', 'The plan is not valid', {
      errors: [
        {
          path,
          message: 'There is a budget but none of these channels has ads in this model',
          code: 'custom',
        },
      ],
    });
  }
  return plans.map((plan) => (isPaidChannel(plan.channel) ? 1 / paid : 0));
}
