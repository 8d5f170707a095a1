import { z } from 'zod';
import type { BenchmarkOverrideRow } from '#server/db/schema.js';
import type { ChannelHistory } from '#server/repositories/metric.repository.js';
import {
  FORECAST_CHANGES,
  type ForecastChange,
  type ForecastResults,
  rateOverridesSchema,
} from '#shared/analytics.schema.js';
import { type Campaign, campaignObjectiveSchema } from '#shared/campaign.schema.js';
import { CHANNEL_IDS, type ChannelId } from '#shared/channel-ids.js';
import { campaignPlans } from './analytics-plan.js';
import { minorPerMajor, resolveChannelRates } from './analytics-rates.js';

// A saved forecast keeps the inputs it ran with. Comparing them with what a run now would use (the same
// pure resolution the forecast does, without the trials) says why a fresh forecast, such as the
// workbench's, gives other chances than the one saved with the campaign.

/** The parts of a saved simulation's `inputs` a comparison needs; older or other shapes compare as unchanged. */
const savedInputsSchema = z.object({
  objective: campaignObjectiveSchema,
  currency: z.string(),
  budget_minor: z.number(),
  channels: z.array(
    z.object({ channel: z.enum(CHANNEL_IDS), posts: z.number(), rates: rateOverridesSchema.optional() }),
  ),
  kpis: z.array(z.object({ metric: z.string(), target: z.number() })),
});

/** What a forecast run now would read: the campaign and the workspace's rates and results. */
export interface ForecastSourcesNow {
  campaign: Campaign;
  postsByChannel: Partial<Record<ChannelId, number>>;
  overrides: readonly BenchmarkOverrideRow[];
  history: readonly ChannelHistory[];
}

const RELATIVE_TOLERANCE = 1e-9;
const differs = (a: number, b: number) => Math.abs(a - b) > RELATIVE_TOLERANCE * Math.max(1, Math.abs(a));

/**
 * What changed since a saved campaign forecast ran, in the order of FORECAST_CHANGES: `results` when the
 * observations behind a rate changed (results recorded since), `rates` when a rate's prior changed (a
 * benchmark override), `plan` when the campaign's channels, planned posts, budget, currency, objective or
 * KPIs differ from what it ran with.
 *
 * @example forecastChanges(saved, { campaign, postsByChannel, overrides, history }) // ['results']
 */
export function forecastChanges(
  saved: { inputs: unknown; results: Pick<ForecastResults, 'rates'> },
  now: ForecastSourcesNow,
): ForecastChange[] {
  const parsed = savedInputsSchema.safeParse(saved.inputs);
  if (!parsed.success) return [];
  const inputs = parsed.data;
  const changes = new Set<ForecastChange>();

  for (const plan of inputs.channels) {
    const { provenance } = resolveChannelRates({
      channel: plan.channel,
      objective: inputs.objective,
      inputs: plan.rates,
      overrides: now.overrides,
      history: now.history.find((row) => row.channel === plan.channel),
      minorPerMajor: minorPerMajor(inputs.currency),
    });
    for (const rate of provenance) {
      const before = saved.results.rates.find(
        (entry) => entry.channel === rate.channel && entry.metric === rate.metric,
      );
      if (!before) {
        changes.add('rates');
        continue;
      }
      if (differs(before.n, rate.n)) changes.add('results');
      const prior = (entry: typeof rate) => (entry.source === 'history' ? entry.prior_source : entry.source);
      if (prior(before) !== prior(rate)) changes.add('rates');
      else if (!differs(before.n, rate.n) && differs(before.mean, rate.mean)) changes.add('rates');
    }
  }

  const { campaign } = now;
  const planned = campaignPlans(campaign, now.postsByChannel);
  const samePlans =
    planned.length === inputs.channels.length &&
    planned.every((plan) => {
      const ran = inputs.channels.find((entry) => entry.channel === plan.channel);
      return ran !== undefined && ran.posts === plan.posts;
    });
  const sameKpis =
    JSON.stringify(campaign.kpis.map(({ metric, target }) => [metric, target])) ===
    JSON.stringify(inputs.kpis.map(({ metric, target }) => [metric, target]));
  if (
    !samePlans ||
    !sameKpis ||
    campaign.budget_minor !== inputs.budget_minor ||
    campaign.currency !== inputs.currency ||
    campaign.objective !== inputs.objective
  ) {
    changes.add('plan');
  }
  return FORECAST_CHANGES.filter((change) => changes.has(change));
}
