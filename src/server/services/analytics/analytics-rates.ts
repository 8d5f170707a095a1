import { type Benchmark, benchmarkFor } from '#server/analytics/benchmarks.js';
import {
  type BetaPrior,
  betaFromMean,
  betaMean,
  type LogNormalPrior,
  lognormalFromMean,
  updateBeta,
} from '#server/analytics/priors.js';
import type { BenchmarkOverrideRow } from '#server/db/schema.js';
import type { ChannelHistory } from '#server/repositories/metric.repository.js';
import type { BenchmarkMetric, RateOverrides, RateProvenance, RateSource } from '#shared/analytics.schema.js';
import type { CampaignObjective } from '#shared/campaign.schema.js';
import type { ChannelId } from '#shared/channel-ids.js';

// Where each input of a forecast comes from, most specific first: a rate given in the request, else the
// business's override or the benchmark, updated by the business's own results when it has any. Pure.

/** Paid impressions of history needed before a business's own CPM replaces the default. */
export const MIN_CPM_HISTORY_IMPRESSIONS = 10_000;

/** The resolved inputs of one channel, and where each came from. */
export interface ChannelRates {
  ctr: BetaPrior;
  engagementRate: BetaPrior;
  cvr: BetaPrior;
  /** CPM in major units; null where the channel has no ads. */
  cpm: LogNormalPrior | null;
  /** Share of the audience reached per organic post (mean) and its coefficient of variation. */
  organicReach: { mean: number; cv: number };
  provenance: RateProvenance[];
}

/** What rate resolution needs about one channel. */
export interface RateContext {
  channel: ChannelId;
  objective: CampaignObjective;
  inputs: RateOverrides | undefined;
  overrides: readonly BenchmarkOverrideRow[];
  history: ChannelHistory | undefined;
  /** Minor units per major unit of the plan's currency (100 for EUR, 1 for JPY). */
  minorPerMajor: number;
}

/** Successes and trials of each rate in a channel's history. */
function observed(metric: 'ctr' | 'engagement_rate' | 'cvr', history: ChannelHistory): [number, number] {
  if (metric === 'ctr') return [Math.min(history.clicks, history.impressions), history.impressions];
  if (metric === 'engagement_rate')
    return [Math.min(history.engagements, history.impressions), history.impressions];
  return [Math.min(history.conversions, history.clicks), history.clicks];
}

/**
 * Resolve every input of one channel.
 *
 * @example
 * resolveChannelRates({ channel: 'facebook', objective: 'sales', inputs: undefined, overrides: [], history: undefined, minorPerMajor: 100 });
 */
export function resolveChannelRates(context: RateContext): ChannelRates {
  const provenance: RateProvenance[] = [];
  const start = (
    metric: BenchmarkMetric,
  ): { benchmark: Benchmark; mean: number; source: RateSource } | null => {
    const benchmark = benchmarkFor(context.channel, context.objective, metric);
    if (!benchmark) return null;
    const given = context.inputs?.[metric];
    if (given !== undefined) return { benchmark, mean: given, source: 'input' };
    const override = context.overrides.find(
      (row) =>
        row.channel === context.channel && row.objective === context.objective && row.metric === metric,
    );
    return override
      ? { benchmark, mean: override.value, source: 'override' }
      : { benchmark, mean: benchmark.mean, source: 'benchmark' };
  };
  const note = (
    metric: BenchmarkMetric,
    mean: number,
    source: RateSource,
    prior: RateSource | null,
    n: number,
    benchmark: Benchmark,
  ) =>
    provenance.push({
      channel: context.channel,
      metric,
      mean,
      source,
      prior_source: prior,
      n,
      citation: benchmark.source,
      year: benchmark.year,
    });

  const rate = (metric: 'ctr' | 'engagement_rate' | 'cvr'): BetaPrior => {
    const resolved = start(metric);
    if (!resolved) throw new Error(`No benchmark for ${context.channel} ${metric}`);
    // Keep the prior strictly inside (0, 1): a rate of exactly 0 or 1 has no Beta.
    const mean = Math.min(Math.max(resolved.mean, 1e-6), 1 - 1e-6);
    const prior = betaFromMean(mean, resolved.benchmark.spread);
    const [successes, trials] = context.history ? observed(metric, context.history) : [0, 0];
    if (resolved.source === 'input' || trials <= 0) {
      note(metric, mean, resolved.source, null, 0, resolved.benchmark);
      return prior;
    }
    const posterior = updateBeta(prior, successes, trials);
    note(metric, betaMean(posterior), 'history', resolved.source, trials, resolved.benchmark);
    return posterior;
  };

  const cpm = (): LogNormalPrior | null => {
    const resolved = start('cpm');
    if (!resolved) return null;
    const history = context.history;
    if (resolved.source !== 'input' && history && history.paid_impressions >= MIN_CPM_HISTORY_IMPRESSIONS) {
      const own = (history.spend_minor / context.minorPerMajor / history.paid_impressions) * 1000;
      note('cpm', own, 'history', resolved.source, history.paid_impressions, resolved.benchmark);
      return lognormalFromMean(own, resolved.benchmark.spread);
    }
    note('cpm', resolved.mean, resolved.source, null, 0, resolved.benchmark);
    return lognormalFromMean(resolved.mean, resolved.benchmark.spread);
  };

  const reach = start('organic_reach');
  if (!reach) throw new Error(`No organic reach benchmark for ${context.channel}`);
  note('organic_reach', reach.mean, reach.source, null, 0, reach.benchmark);
  return {
    ctr: rate('ctr'),
    engagementRate: rate('engagement_rate'),
    cvr: rate('cvr'),
    cpm: cpm(),
    organicReach: { mean: reach.mean, cv: reach.benchmark.spread },
    provenance,
  };
}

/**
 * Minor units per major unit of an ISO 4217 currency, from the runtime's currency data (2 for most,
 * 0 for JPY or KRW, 3 for BHD).
 *
 * @example
 * minorPerMajor('JPY'); // 1
 */
export function minorPerMajor(currency: string): number {
  try {
    const digits = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions()
      .maximumFractionDigits;
    return 10 ** (digits ?? 2);
  } catch {
    return 100;
  }
}
