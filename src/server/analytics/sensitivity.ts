import type { BenchmarkMetric } from '#shared/analytics.schema.js';
import type { ChannelId } from '#shared/channel-ids.js';

// Which inputs drive the spread of total conversions. The funnel is a product of its inputs
// (impressions × CTR × CVR), so on a log scale it is a sum: log(conversions) ≈ Σ log(input). For a sum of
// independent terms, the squared correlation between one term and the total is that term's share of the
// total's variance. So each input is ranked by the Pearson correlation r between log(input) and
// log(1 + total conversions) (the 1 keeps zero-conversion trials finite), over the first
// SENSITIVITY_TRIALS trials (5,000: r's standard error is then at most about 0.014, finer than any
// difference worth ranking by); r² is reported as its share. It is exact for a purely multiplicative funnel
// and a good guide otherwise (count noise and budget/CPM, which enters as 1/CPM, shows as a negative r).
// Unlike one-at-a-time re-runs it costs one pass over the kept trials, with no extra simulation.

/** A sampled input of one channel, trial by trial. */
export interface SampledInput {
  channel: ChannelId;
  input: BenchmarkMetric;
  values: Float64Array;
}

/**
 * Inputs ranked by |r| with conversions, strongest first.
 *
 * @example
 * sensitivityRanking([{ channel: 'x', input: 'ctr', values }], conversions)[0].share; // r²
 */
export function sensitivityRanking(
  inputs: readonly SampledInput[],
  conversions: Float64Array,
): { channel: ChannelId; input: BenchmarkMetric; correlation: number; share: number }[] {
  const n = conversions.length;
  if (n < 3) return [];
  const y = new Float64Array(n);
  for (let t = 0; t < n; t++) y[t] = Math.log1p(conversions[t] as number);
  const x = new Float64Array(n);
  return inputs
    .map(({ channel, input, values }) => {
      for (let t = 0; t < n; t++) x[t] = Math.log(values[t] as number);
      const correlation = pearson(x, y);
      return { channel, input, correlation, share: correlation * correlation };
    })
    .sort((a, b) => Math.abs(b.correlation) - Math.abs(a.correlation));
}

/** Pearson correlation of two equal-length series; 0 when either is constant. */
export function pearson(x: Float64Array, y: Float64Array): number {
  const n = x.length;
  let mx = 0;
  let my = 0;
  for (let i = 0; i < n; i++) {
    mx += x[i] as number;
    my += y[i] as number;
  }
  mx /= n;
  my /= n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    const dx = (x[i] as number) - mx;
    const dy = (y[i] as number) - my;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  return sxx > 0 && syy > 0 ? sxy / Math.sqrt(sxx * syy) : 0;
}
