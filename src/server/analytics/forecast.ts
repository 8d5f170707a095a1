import type { BenchmarkMetric, CountMetric, ForecastMetric } from '../../shared/analytics.schema.js';
import type { ChannelId } from '../../shared/channel-ids.js';
import type { ForecastInput, ForecastOutput, Summary } from './forecast-types.js';
import { forecastMetricOf } from './kpi-metrics.js';
import { histogram, percentilesInPlace } from './percentiles.js';
import { deriveSeed, Rng } from './rng.js';
import { count, fillBeta, fillLognormal } from './samplers.js';
import { sensitivityRanking } from './sensitivity.js';

// The campaign funnel, simulated trial by trial. Per channel and trial:
//   impressions = budget / CPM × 1000 (CPM ~ LogNormal)  +  posts × reach per post (~ LogNormal)
//   reach       = impressions / frequency
//   engagements ~ Binomial(impressions, ER),  ER ~ Beta
//   clicks      ~ Binomial(impressions, CTR), CTR ~ Beta
//   conversions ~ Binomial(clicks, CVR),      CVR ~ Beta
// so both the uncertainty of each rate and the count noise of small numbers show in the spread. Spend is
// the plan's budget (fully delivered); cost per acquisition = spend / conversions and ROAS = conversions ×
// average order value / spend. Totals add the channels trial by trial (reach double-counts people seen on
// several channels).
//
// Memory: channels run one after the other (each on its own seeded stream, so adding a channel leaves the
// others' draws unchanged), filling five reused Float64Arrays of `trials`; totals keep five more. A
// million trials take about 80 MB, and nothing is allocated per trial.

const PERCENTILES = [5, 25, 50, 75, 95] as const;
const COUNTS: readonly CountMetric[] = ['impressions', 'reach', 'engagements', 'clicks', 'conversions'];
const HISTOGRAM_BINS = 30;
/** Trials whose inputs are drawn together: 4,096 doubles per input stay in the CPU cache. */
const BLOCK = 4_096;
/** Trials whose sampled inputs are kept for the sensitivity ranking (the first ones, so it is seeded too). */
export const SENSITIVITY_TRIALS = 20_000;

/**
 * Run the forecast. Pure and deterministic: the same input (including the seed) gives the same output.
 *
 * @example
 * const out = runForecast({ trials: 10_000, seed: 1, channels: [plan], averageOrderValue: 40, kpis: [] });
 * out.totals.conversions.p50;
 */
export function runForecast(input: ForecastInput): ForecastOutput {
  const n = input.trials;
  const totals = COUNTS.map(() => new Float64Array(n));
  const scratch = COUNTS.map(() => new Float64Array(n));
  const kept = Math.min(n, SENSITIVITY_TRIALS);
  const sampled: { channel: ChannelId; input: BenchmarkMetric; values: Float64Array }[] = [];
  const spend = input.channels.reduce((sum, plan) => sum + plan.budget, 0);
  const channels: ForecastOutput['channels'] = [];
  const [prices, perPost, ctrs, ers, cvrs, betaScratch] = Array.from(
    { length: 6 },
    () => new Float64Array(BLOCK),
  ) as [Float64Array, Float64Array, Float64Array, Float64Array, Float64Array, Float64Array];

  input.channels.forEach((plan, index) => {
    const rng = new Rng(deriveSeed(input.seed, index));
    const [imps, reach, engs, clicks, convs] = scratch as [
      Float64Array,
      Float64Array,
      Float64Array,
      Float64Array,
      Float64Array,
    ];
    const keep = (name: BenchmarkMetric) => {
      const values = new Float64Array(kept);
      sampled.push({ channel: plan.channel, input: name, values });
      return values;
    };
    const keptCpm = plan.cpm && plan.budget > 0 ? keep('cpm') : null;
    const keptReach = plan.reachPerPost && plan.posts > 0 ? keep('organic_reach') : null;
    const keptCtr = keep('ctr');
    const keptEr = keep('engagement_rate');
    const keptCvr = keep('cvr');
    const { cpm, reachPerPost, ctr, engagementRate: er, cvr } = plan;
    // Each input is drawn for a block of trials in one tight loop (see the block samplers), then the
    // counts follow trial by trial.
    for (let start = 0; start < n; start += BLOCK) {
      const size = Math.min(BLOCK, n - start);
      const block = (array: Float64Array) => (size === BLOCK ? array : array.subarray(0, size));
      if (keptCpm && cpm) fillLognormal(rng, cpm.mu, cpm.sigma, block(prices));
      if (keptReach && reachPerPost) fillLognormal(rng, reachPerPost.mu, reachPerPost.sigma, block(perPost));
      fillBeta(rng, ctr.alpha, ctr.beta, block(ctrs), betaScratch);
      fillBeta(rng, er.alpha, er.beta, block(ers), betaScratch);
      fillBeta(rng, cvr.alpha, cvr.beta, block(cvrs), betaScratch);
      for (let i = 0; i < size; i++) {
        const t = start + i;
        let shown = 0;
        if (keptCpm) shown += (plan.budget / (prices[i] as number)) * 1000;
        if (keptReach) shown += plan.posts * (perPost[i] as number);
        shown = Math.round(shown);
        const clickCount = count(rng, shown, ctrs[i] as number);
        imps[t] = shown;
        reach[t] = shown / plan.frequency;
        engs[t] = count(rng, shown, ers[i] as number);
        clicks[t] = clickCount;
        convs[t] = count(rng, clickCount, cvrs[i] as number);
      }
      // The first SENSITIVITY_TRIALS trials' inputs, for the ranking.
      const keepUpTo = Math.min(size, kept - start);
      if (keepUpTo > 0) {
        if (keptCpm) keptCpm.set(prices.subarray(0, keepUpTo), start);
        if (keptReach) keptReach.set(perPost.subarray(0, keepUpTo), start);
        keptCtr.set(ctrs.subarray(0, keepUpTo), start);
        keptEr.set(ers.subarray(0, keepUpTo), start);
        keptCvr.set(cvrs.subarray(0, keepUpTo), start);
      }
    }
    for (let m = 0; m < COUNTS.length; m++) {
      const total = totals[m] as Float64Array;
      const part = scratch[m] as Float64Array;
      for (let t = 0; t < n; t++) total[t] = (total[t] as number) + (part[t] as number);
    }
    channels.push({
      channel: plan.channel,
      budget: plan.budget,
      posts: plan.posts,
      metrics: summarise(scratch, plan.budget, input.averageOrderValue),
    });
  });

  const conversions = totals[4] as Float64Array;
  // Order matters only here: the sensitivity pairs trial t's inputs with trial t's conversions.
  const sensitivity = sensitivityRanking(sampled, conversions.subarray(0, kept));
  const kpis = input.kpis.map((kpi) => ({
    ...kpi,
    ...kpiProbability(kpi, totals, spend, input.averageOrderValue),
  }));
  const histograms = histogramsOf(totals, scratch[0] as Float64Array, spend);
  return {
    spend,
    totals: summarise(totals, spend, input.averageOrderValue),
    channels,
    histograms,
    kpis,
    sensitivity,
  };
}

/** Mean and percentiles of each count, then spend, CPA and ROAS derived from conversions. Reorders `arrays`. */
function summarise(
  arrays: Float64Array[],
  spend: number,
  aov: number | null,
): Record<ForecastMetric, Summary> {
  const out = {} as Record<ForecastMetric, Summary>;
  COUNTS.forEach((metric, m) => {
    const values = arrays[m] as Float64Array;
    let sum = 0;
    for (let t = 0; t < values.length; t++) sum += values[t] as number;
    const [p5, p25, p50, p75, p95] = percentilesInPlace(values, PERCENTILES) as [
      number,
      number,
      number,
      number,
      number,
    ];
    out[metric] = { mean: sum / values.length, p5, p25, p50, p75, p95 };
  });
  const conv = out.conversions;
  const flat = (value: number | null): Summary => ({
    mean: value,
    p5: value,
    p25: value,
    p50: value,
    p75: value,
    p95: value,
  });
  out.spend = flat(spend);
  // Spend is fixed per plan, so CPA's percentiles are spend over conversions' mirrored percentiles (its p5
  // comes from the conversions' p95). Its mean is left out: with any trial at zero conversions it is infinite.
  const perConversion = (value: number | null) =>
    spend > 0 && value !== null && value > 0 ? spend / value : null;
  out.cpa = {
    mean: null,
    p5: perConversion(conv.p95),
    p25: perConversion(conv.p75),
    p50: perConversion(conv.p50),
    p75: perConversion(conv.p25),
    p95: perConversion(conv.p5),
  };
  const roas = (value: number | null) =>
    spend > 0 && aov !== null && value !== null ? (value * aov) / spend : null;
  out.roas = {
    mean: roas(conv.mean),
    p5: roas(conv.p5),
    p25: roas(conv.p25),
    p50: roas(conv.p50),
    p75: roas(conv.p75),
    p95: roas(conv.p95),
  };
  return out;
}

/** Share of trials meeting a KPI (at or above its target; at or below for costs). */
function kpiProbability(
  kpi: { metric: string; target: number },
  totals: Float64Array[],
  spend: number,
  aov: number | null,
): { forecastMetric: ForecastMetric | null; probability: number | null } {
  const metric = forecastMetricOf(kpi.metric);
  if (!metric) return { forecastMetric: null, probability: null };
  const countIndex = COUNTS.indexOf(metric as CountMetric);
  let test: ((conversionsOrCount: number) => boolean) | null = null;
  let values = totals[countIndex];
  if (countIndex >= 0) test = (value) => value >= kpi.target;
  else {
    values = totals[4];
    if (metric === 'spend') return { forecastMetric: metric, probability: spend <= kpi.target ? 1 : 0 };
    if (metric === 'cpa' && spend > 0) test = (conv) => conv > 0 && spend / conv <= kpi.target;
    if (metric === 'roas' && spend > 0 && aov !== null) test = (conv) => (conv * aov) / spend >= kpi.target;
  }
  if (!test || !values) return { forecastMetric: metric, probability: null };
  let hits = 0;
  for (let t = 0; t < values.length; t++) if (test(values[t] as number)) hits++;
  return { forecastMetric: metric, probability: hits / values.length };
}

/** Histograms of the totals between their 0.5th and 99.5th percentiles, and of CPA when there is spend. */
function histogramsOf(
  totals: Float64Array[],
  spare: Float64Array,
  spend: number,
): ForecastOutput['histograms'] {
  const out: ForecastOutput['histograms'] = {};
  COUNTS.forEach((metric, m) => {
    const values = totals[m] as Float64Array;
    spare.set(values);
    const [low = 0, high = 0] = percentilesInPlace(spare, [0.5, 99.5]);
    out[metric] = histogram(values, low, high, HISTOGRAM_BINS);
  });
  if (spend > 0) {
    const conversions = totals[4] as Float64Array;
    let defined = 0;
    for (let t = 0; t < conversions.length; t++) {
      const conv = conversions[t] as number;
      if (conv > 0) spare[defined++] = spend / conv;
    }
    const cpa = spare.subarray(0, defined);
    const copy = cpa.slice();
    const [low = 0, high = 0] = percentilesInPlace(copy, [0.5, 99.5]);
    out.cpa = histogram(cpa, low, high, HISTOGRAM_BINS);
  }
  return out;
}
