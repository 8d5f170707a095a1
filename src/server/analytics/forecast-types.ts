import type { BenchmarkMetric, CountMetric, ForecastMetric } from '#shared/analytics.schema.js';
import type { ChannelId } from '#shared/channel-ids.js';
import type { Histogram } from './percentiles.js';
import type { BetaPrior, LogNormalPrior } from './priors.js';

// The kernel's input and output: plain data (numbers, arrays, objects), so a run can be posted to a worker
// thread and its answer posted back unchanged.

/** One channel of a plan, every input already resolved to a distribution. */
export interface ForecastChannel {
  channel: ChannelId;
  /** Paid budget in major currency units; buys budget / CPM × 1000 impressions. */
  budget: number;
  /** Organic posts (or sends); each reaches `reachPerPost` people. */
  posts: number;
  /** Organic reach per post; null without posts. */
  reachPerPost: LogNormalPrior | null;
  /** CPM in major units; null when the budget is 0 or the channel sells no ads. */
  cpm: LogNormalPrior | null;
  ctr: BetaPrior;
  engagementRate: BetaPrior;
  cvr: BetaPrior;
  /** Impressions per person reached. */
  frequency: number;
}

/** A KPI target to test the forecast against. */
export interface ForecastKpi {
  metric: string;
  target: number;
}

/** Everything one forecast run needs. */
export interface ForecastInput {
  trials: number;
  seed: number;
  channels: ForecastChannel[];
  /** Average order value in major units, for return on ad spend; null to leave ROAS out. */
  averageOrderValue: number | null;
  kpis: ForecastKpi[];
}

/** Mean and percentiles of one metric; null where undefined (CPA with no conversions, ROAS without spend). */
export interface Summary {
  mean: number | null;
  p5: number | null;
  p25: number | null;
  p50: number | null;
  p75: number | null;
  p95: number | null;
}

/** The kernel's answer (money in major units). */
export interface ForecastOutput {
  spend: number;
  totals: Record<ForecastMetric, Summary>;
  channels: { channel: ChannelId; budget: number; posts: number; metrics: Record<ForecastMetric, Summary> }[];
  histograms: Partial<Record<CountMetric | 'cpa', Histogram>>;
  kpis: {
    metric: string;
    target: number;
    forecastMetric: ForecastMetric | null;
    probability: number | null;
  }[];
  sensitivity: { channel: ChannelId; input: BenchmarkMetric; correlation: number; share: number }[];
}
