import type { CountMetric, ForecastMetric } from '#shared/analytics.schema.js';
import {
  allChannelsBytes,
  allChannelTrials,
  blockCount,
  blockScratch,
  type ChannelTrials,
  channelTrialsOf,
  FORECAST_BLOCK,
  simulateChannel,
} from './forecast-trials.js';
import type { ForecastChannel, ForecastInput, ForecastOutput, Summary } from './forecast-types.js';
import { forecastMetricOf } from './kpi-metrics.js';
import { type Histogram, histogram, percentilesInPlace } from './percentiles.js';
import { type SampledInput, sensitivityRanking } from './sensitivity.js';

// A forecast: each channel's trials (forecast-trials.ts), added up trial by trial into totals, then
// summarised. Spend is the plan's budget (fully delivered); cost per acquisition = spend / conversions
// and ROAS = conversions × average order value / spend. Totals add the channels trial by trial (reach
// double-counts people seen on several channels).
//
// Memory: `runForecast` simulates one channel at a time (four Float64Arrays of `trials`) beside five for
// the totals: a million trials take about 80 MB, and nothing is allocated per trial. A run split between
// threads holds every channel at once, so it is kept to smaller runs.

const PERCENTILES = [5, 25, 50, 75, 95] as const;
const COUNTS: readonly CountMetric[] = ['impressions', 'reach', 'engagements', 'clicks', 'conversions'];
const HISTOGRAM_BINS = 30;
/** Histograms span the 0.5th to the 99.5th percentile, so a few extreme trials do not flatten them. */
const HISTOGRAM_RANGE = [0.5, 99.5];

/**
 * Run the forecast. Pure and deterministic: the same input (including the seed) gives the same output.
 *
 * @example
 * const out = runForecast({ trials: 10_000, seed: 1, channels: [plan], averageOrderValue: 40, kpis: [] });
 * out.totals.conversions.p50;
 */
export function runForecast(input: ForecastInput): ForecastOutput {
  const totals = COUNTS.map(() => new Float64Array(input.trials));
  const scratch = blockScratch();
  const sampled: SampledInput[] = [];
  const channels = input.channels.map((_plan, index) => {
    const trials = channelTrialsOf(input, index);
    simulateChannel(input, index, trials, 0, blockCount(input.trials), scratch);
    addToTotals(input, totals, index, trials, 0, input.trials);
    // Copies, so the channel's large buffer is not kept alive by the few thousand kept inputs.
    for (const kept of trials.sampled) sampled.push({ ...kept, values: kept.values.slice() });
    return summariseChannel(input, index, trials);
  });
  return { ...finish(input, totals, sampled), channels };
}

// A run split between threads (forecast-runner.ts): every channel's trials and the totals live in one
// shared buffer; each thread simulates a range of blocks and adds it into the totals (simulateBlocks),
// then one thread summarises the channels while the other finishes the totals. Every step computes
// what `runForecast` computes, in the same order per trial, so the answer is the same to the last bit.

/** A run's arrays laid out in one buffer: every channel's trials, then the five totals. */
export interface ForecastArrays {
  channels: ChannelTrials[];
  totals: Float64Array[];
}

/** Bytes `forecastArrays` lays out. */
export function forecastArraysBytes(input: ForecastInput): number {
  return allChannelsBytes(input) + COUNTS.length * input.trials * Float64Array.BYTES_PER_ELEMENT;
}

/** The arrays of `input`'s run over `buffer` (zero-filled, `forecastArraysBytes(input)` long). */
export function forecastArrays(input: ForecastInput, buffer: ArrayBufferLike): ForecastArrays {
  const offset = allChannelsBytes(input);
  return {
    channels: allChannelTrials(input, buffer),
    totals: COUNTS.map(
      (_metric, m) =>
        new Float64Array(buffer, offset + m * input.trials * Float64Array.BYTES_PER_ELEMENT, input.trials),
    ),
  };
}

/** Simulate blocks [fromBlock, toBlock) of every channel and add those trials into the totals. */
export function simulateBlocks(
  input: ForecastInput,
  arrays: ForecastArrays,
  fromBlock: number,
  toBlock: number,
): void {
  const scratch = blockScratch();
  for (const [index, trials] of arrays.channels.entries()) {
    simulateChannel(input, index, trials, fromBlock, toBlock, scratch);
  }
  const from = fromBlock * FORECAST_BLOCK;
  const to = Math.min(input.trials, toBlock * FORECAST_BLOCK);
  for (const [index, trials] of arrays.channels.entries()) {
    addToTotals(input, arrays.totals, index, trials, from, to);
  }
}

/** Every channel's summary, once all its blocks are in. Reorders the channels' arrays. */
export function summariseChannels(input: ForecastInput, arrays: ForecastArrays): ForecastOutput['channels'] {
  return arrays.channels.map((trials, index) => summariseChannel(input, index, trials));
}

/** Everything but the channels' summaries, from complete totals. Reorders the totals. */
export function finishForecast(
  input: ForecastInput,
  arrays: ForecastArrays,
): Omit<ForecastOutput, 'channels'> {
  return finish(
    input,
    arrays.totals,
    arrays.channels.flatMap((trials) => trials.sampled),
  );
}

/** Add trials [from, to) of channel `index` into the totals. */
function addToTotals(
  input: ForecastInput,
  totals: Float64Array[],
  index: number,
  trials: ChannelTrials,
  from: number,
  to: number,
): void {
  const { frequency } = input.channels[index] as ForecastChannel;
  const [impressions, reach, engagements, clicks, conversions] = totals as [
    Float64Array,
    Float64Array,
    Float64Array,
    Float64Array,
    Float64Array,
  ];
  for (let t = from; t < to; t++) {
    const shown = trials.impressions[t] as number;
    impressions[t] = (impressions[t] as number) + shown;
    reach[t] = (reach[t] as number) + shown / frequency;
    engagements[t] = (engagements[t] as number) + (trials.engagements[t] as number);
    clicks[t] = (clicks[t] as number) + (trials.clicks[t] as number);
    conversions[t] = (conversions[t] as number) + (trials.conversions[t] as number);
  }
}

/** One channel's summary (reordering its arrays). */
function summariseChannel(
  input: ForecastInput,
  index: number,
  trials: ChannelTrials,
): ForecastOutput['channels'][number] {
  const plan = input.channels[index] as ForecastChannel;
  const shown = summaryOf(trials.impressions).summary;
  // Reach is impressions over a constant frequency, so its summary is theirs, scaled.
  const scale = (value: number | null) => (value === null ? null : value / plan.frequency);
  const counts: Record<CountMetric, Summary> = {
    impressions: shown,
    reach: {
      mean: scale(shown.mean),
      p5: scale(shown.p5),
      p25: scale(shown.p25),
      p50: scale(shown.p50),
      p75: scale(shown.p75),
      p95: scale(shown.p95),
    },
    engagements: summaryOf(trials.engagements).summary,
    clicks: summaryOf(trials.clicks).summary,
    conversions: summaryOf(trials.conversions).summary,
  };
  return {
    channel: plan.channel,
    budget: plan.budget,
    posts: plan.posts,
    metrics: withMoneyMetrics(counts, plan.budget, input.averageOrderValue),
  };
}

/** Totals, KPI probabilities, the sensitivity ranking and histograms, once every channel is added in. Reorders the totals. */
function finish(
  input: ForecastInput,
  totals: Float64Array[],
  sampled: readonly SampledInput[],
): Omit<ForecastOutput, 'channels'> {
  const spend = input.channels.reduce((sum, plan) => sum + plan.budget, 0);
  const conversions = totals[4] as Float64Array;
  const kept = sampled[0]?.values.length ?? 0;
  // Order matters only here: the sensitivity pairs trial t's inputs with trial t's conversions.
  const sensitivity = sensitivityRanking(sampled, conversions.subarray(0, kept));
  const kpis = input.kpis.map((kpi) => ({
    ...kpi,
    ...kpiProbability(kpi, totals, spend, input.averageOrderValue),
  }));
  const histograms: ForecastOutput['histograms'] = {};
  const counts = {} as Record<CountMetric, Summary>;
  COUNTS.forEach((metric, m) => {
    const values = totals[m] as Float64Array;
    // One selection for the summary and the histogram's range (the 0.5th to 99.5th percentile); the
    // histogram does not care that the values are reordered.
    const { summary, range } = summaryOf(values, HISTOGRAM_RANGE);
    counts[metric] = summary;
    histograms[metric] = histogram(values, range[0] ?? 0, range[1] ?? 0, HISTOGRAM_BINS);
  });
  if (spend > 0) histograms.cpa = cpaHistogram(conversions, spend);
  return {
    spend,
    totals: withMoneyMetrics(counts, spend, input.averageOrderValue),
    histograms,
    kpis,
    sensitivity,
  };
}

/** Mean and percentiles of one count (and the percentiles `extra`, if asked for). Reorders `values`. */
function summaryOf(
  values: Float64Array,
  extra: readonly number[] = [],
): { summary: Summary; range: number[] } {
  let sum = 0;
  for (let t = 0; t < values.length; t++) sum += values[t] as number;
  const found = percentilesInPlace(values, [...PERCENTILES, ...extra]);
  const [p5 = 0, p25 = 0, p50 = 0, p75 = 0, p95 = 0] = found;
  return { summary: { mean: sum / values.length, p5, p25, p50, p75, p95 }, range: found.slice(5) };
}

/** The count summaries, plus spend, CPA and ROAS derived from conversions. */
function withMoneyMetrics(
  counts: Record<CountMetric, Summary>,
  spend: number,
  aov: number | null,
): Record<ForecastMetric, Summary> {
  const conv = counts.conversions;
  const flat = (value: number | null): Summary => ({
    mean: value,
    p5: value,
    p25: value,
    p50: value,
    p75: value,
    p95: value,
  });
  // Spend is fixed per plan, so CPA's percentiles are spend over conversions' mirrored percentiles (its p5
  // comes from the conversions' p95). Its mean is left out: with any trial at zero conversions it is infinite.
  const perConversion = (value: number | null) =>
    spend > 0 && value !== null && value > 0 ? spend / value : null;
  const roas = (value: number | null) =>
    spend > 0 && aov !== null && value !== null ? (value * aov) / spend : null;
  return {
    ...counts,
    spend: flat(spend),
    cpa: {
      mean: null,
      p5: perConversion(conv.p95),
      p25: perConversion(conv.p75),
      p50: perConversion(conv.p50),
      p75: perConversion(conv.p25),
      p95: perConversion(conv.p5),
    },
    roas: {
      mean: roas(conv.mean),
      p5: roas(conv.p5),
      p25: roas(conv.p25),
      p50: roas(conv.p50),
      p75: roas(conv.p75),
      p95: roas(conv.p95),
    },
  };
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

/** The histogram of cost per acquisition over the trials with a conversion, as the totals' histograms. */
function cpaHistogram(conversions: Float64Array, spend: number): Histogram {
  const cpa = new Float64Array(conversions.length);
  let defined = 0;
  for (let t = 0; t < conversions.length; t++) {
    const conv = conversions[t] as number;
    if (conv > 0) cpa[defined++] = spend / conv;
  }
  const values = cpa.subarray(0, defined);
  const [low = 0, high = 0] = percentilesInPlace(values, HISTOGRAM_RANGE);
  return histogram(values, low, high, HISTOGRAM_BINS);
}
