import type { RanIn } from '#server/analytics/forecast-runner.js';
import type { ForecastOutput, Summary } from '#server/analytics/forecast-types.js';
import type { ForecastResults, MetricSummary } from '#shared/analytics.schema.js';
import type { ResolvedPlan } from './analytics-plan.js';

// The kernel answers in major currency units; the API speaks minor units for money (spend, CPA), like
// every other amount in the product. This is the one place that converts.

function scaled(summary: Summary, factor: number): MetricSummary {
  const scale = (value: number | null) => (value === null ? null : value * factor);
  return {
    mean: scale(summary.mean),
    p5: scale(summary.p5),
    p25: scale(summary.p25),
    p50: scale(summary.p50),
    p75: scale(summary.p75),
    p95: scale(summary.p95),
  };
}

function inMinorUnits<T extends Record<string, Summary>>(metrics: T, factor: number): T {
  return {
    ...metrics,
    spend: scaled(metrics.spend as Summary, factor),
    cpa: scaled(metrics.cpa as Summary, factor),
  };
}

/**
 * The API's forecast results from the kernel's output.
 *
 * @example
 * toForecastResults(plan, output, 'inline', 12.5).totals.cpa.p50; // minor units per conversion
 */
export function toForecastResults(
  plan: ResolvedPlan,
  output: ForecastOutput,
  ranIn: RanIn,
  elapsedMs: number,
): ForecastResults {
  const factor = plan.minorPerMajor;
  const histograms: ForecastResults['histograms'] = {};
  for (const [metric, histogram] of Object.entries(output.histograms)) {
    if (!histogram) continue;
    histograms[metric] =
      metric === 'cpa' ? { ...histogram, edges: histogram.edges.map((edge) => edge * factor) } : histogram;
  }
  return {
    trials: plan.input.trials,
    seed: plan.input.seed,
    currency: plan.currency,
    spend_minor: Math.round(output.spend * factor),
    totals: inMinorUnits(output.totals, factor),
    channels: output.channels.map((channel) => ({
      channel: channel.channel,
      budget_minor: Math.round(channel.budget * factor),
      posts: channel.posts,
      metrics: inMinorUnits(channel.metrics, factor),
    })),
    histograms,
    kpis: output.kpis.map((kpi) => ({
      metric: kpi.metric,
      target: kpi.target,
      forecast_metric: kpi.forecastMetric,
      probability: kpi.probability,
    })),
    sensitivity: output.sensitivity,
    rates: plan.rates,
    elapsed_ms: Math.round(elapsedMs * 10) / 10,
    ran_in: ranIn,
  };
}
