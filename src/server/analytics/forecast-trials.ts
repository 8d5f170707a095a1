import type { BenchmarkMetric } from '#shared/analytics.schema.js';
import type { ForecastChannel, ForecastInput } from './forecast-types.js';
import { deriveSeed, Rng } from './rng.js';
import { fillBeta, fillCounts, fillLognormal } from './samplers.js';
import type { SampledInput } from './sensitivity.js';

// The campaign funnel, simulated trial by trial. Per channel and trial:
//   impressions = budget / CPM × 1000 (CPM ~ LogNormal)  +  posts × reach per post (~ LogNormal)
//   reach       = impressions / frequency
//   engagements ~ Binomial(impressions, ER),  ER ~ Beta
//   clicks      ~ Binomial(impressions, CTR), CTR ~ Beta
//   conversions ~ Binomial(clicks, CVR),      CVR ~ Beta
// so both the uncertainty of each rate and the count noise of small numbers show in the spread.
//
// Trials run in blocks, and block b of channel c draws from its own seeded stream: adding a channel
// leaves the others' draws unchanged, and a run can be split between threads at any block boundary
// with every draw, hence the answer, exactly as if it had run in one piece.

/** Trials per block: small enough to stay in the CPU cache and to split a 10,000-trial run evenly. */
export const FORECAST_BLOCK = 1_024;
/** Trials whose sampled inputs are kept for the sensitivity ranking (the first ones, so it is seeded too). */
export const SENSITIVITY_TRIALS = 5_000;

/** One channel's trials: the counts per trial, and the inputs drawn for the first trials. */
export interface ChannelTrials {
  impressions: Float64Array;
  engagements: Float64Array;
  clicks: Float64Array;
  conversions: Float64Array;
  sampled: SampledInput[];
}

/** The inputs a channel draws, in the order they are kept for the ranking. */
function sampledInputsOf(plan: ForecastChannel): BenchmarkMetric[] {
  return [
    ...(plan.cpm && plan.budget > 0 ? (['cpm'] as const) : []),
    ...(plan.reachPerPost && plan.posts > 0 ? (['organic_reach'] as const) : []),
    'ctr',
    'engagement_rate',
    'cvr',
  ];
}

/** Doubles one channel's trials take: four counts per trial, plus the kept inputs. */
function channelDoubles(input: ForecastInput, plan: ForecastChannel): number {
  return 4 * input.trials + sampledInputsOf(plan).length * Math.min(input.trials, SENSITIVITY_TRIALS);
}

/** Bytes `channelTrialsOf` needs for every channel at once (to share a run between threads). */
export function allChannelsBytes(input: ForecastInput): number {
  const doubles = input.channels.reduce((sum, plan) => sum + channelDoubles(input, plan), 0);
  return doubles * Float64Array.BYTES_PER_ELEMENT;
}

/**
 * Views for channel `index`'s trials in `buffer` from byte `offset` (a fresh buffer when omitted); every
 * thread that lays out the same input over the same buffer sees the same arrays.
 */
export function channelTrialsOf(
  input: ForecastInput,
  index: number,
  buffer: ArrayBufferLike = new ArrayBuffer(
    channelDoubles(input, input.channels[index] as ForecastChannel) * Float64Array.BYTES_PER_ELEMENT,
  ),
  offset = 0,
): ChannelTrials {
  const plan = input.channels[index] as ForecastChannel;
  const n = input.trials;
  const kept = Math.min(n, SENSITIVITY_TRIALS);
  let at = offset;
  const take = (length: number) => {
    const view = new Float64Array(buffer, at, length);
    at += length * Float64Array.BYTES_PER_ELEMENT;
    return view;
  };
  return {
    impressions: take(n),
    engagements: take(n),
    clicks: take(n),
    conversions: take(n),
    sampled: sampledInputsOf(plan).map((name) => ({
      channel: plan.channel,
      input: name,
      values: take(kept),
    })),
  };
}

/** Every channel's trials laid out one after another in `buffer` (see `allChannelsBytes`). */
export function allChannelTrials(input: ForecastInput, buffer: ArrayBufferLike): ChannelTrials[] {
  let offset = 0;
  return input.channels.map((plan, index) => {
    const trials = channelTrialsOf(input, index, buffer, offset);
    offset += channelDoubles(input, plan) * Float64Array.BYTES_PER_ELEMENT;
    return trials;
  });
}

/** Reused block buffers for the drawn inputs. */
export interface BlockScratch {
  prices: Float64Array;
  perPost: Float64Array;
  ctrs: Float64Array;
  ers: Float64Array;
  cvrs: Float64Array;
  beta: Float64Array;
}

export function blockScratch(): BlockScratch {
  const block = () => new Float64Array(FORECAST_BLOCK);
  return { prices: block(), perPost: block(), ctrs: block(), ers: block(), cvrs: block(), beta: block() };
}

/**
 * Simulate blocks [fromBlock, toBlock) of channel `index` into `out`. Allocates nothing per trial.
 *
 * @example
 * simulateChannel(input, 0, channelTrialsOf(input, 0), 0, Math.ceil(input.trials / FORECAST_BLOCK));
 */
export function simulateChannel(
  input: ForecastInput,
  index: number,
  out: ChannelTrials,
  fromBlock: number,
  toBlock: number,
  scratch: BlockScratch = blockScratch(),
): void {
  const plan = input.channels[index] as ForecastChannel;
  const n = input.trials;
  const channelSeed = deriveSeed(input.seed, index);
  const { cpm, reachPerPost, ctr, engagementRate: er, cvr, budget, posts } = plan;
  const paid = cpm !== null && budget > 0;
  const organic = reachPerPost !== null && posts > 0;
  const { prices, perPost, ctrs, ers, cvrs, beta } = scratch;
  const { impressions, engagements, clicks, conversions, sampled } = out;
  const kept = sampled[0]?.values.length ?? 0;
  for (let b = fromBlock; b < toBlock; b++) {
    const start = b * FORECAST_BLOCK;
    const size = Math.min(FORECAST_BLOCK, n - start);
    if (size <= 0) return;
    const rng = new Rng(deriveSeed(channelSeed, b));
    const block = (array: Float64Array) => (size === FORECAST_BLOCK ? array : array.subarray(0, size));
    // Each input, then each count, is drawn for the whole block in one tight loop (see the block samplers).
    if (paid) fillLognormal(rng, cpm.mu, cpm.sigma, block(prices));
    if (organic) fillLognormal(rng, reachPerPost.mu, reachPerPost.sigma, block(perPost));
    fillBeta(rng, ctr.alpha, ctr.beta, block(ctrs), beta);
    fillBeta(rng, er.alpha, er.beta, block(ers), beta);
    fillBeta(rng, cvr.alpha, cvr.beta, block(cvrs), beta);
    for (let i = 0; i < size; i++) {
      let shown = 0;
      if (paid) shown += (budget / (prices[i] as number)) * 1000;
      if (organic) shown += posts * (perPost[i] as number);
      impressions[start + i] = Math.round(shown);
    }
    fillCounts(rng, impressions, ctrs, clicks, start, size);
    fillCounts(rng, impressions, ers, engagements, start, size);
    fillCounts(rng, clicks, cvrs, conversions, start, size);
    const keepUpTo = Math.min(size, kept - start);
    if (keepUpTo > 0) {
      const drawn = [...(paid ? [prices] : []), ...(organic ? [perPost] : []), ctrs, ers, cvrs];
      for (const [k, { values }] of sampled.entries()) {
        values.set((drawn[k] as Float64Array).subarray(0, keepUpTo), start);
      }
    }
  }
}

/** Blocks in a run of `trials`. */
export function blockCount(trials: number): number {
  return Math.ceil(trials / FORECAST_BLOCK);
}
