import type { PlanCalendarInput, PlanCalendarOutput } from '#shared/ai-tasks.schema.js';
import type { BusinessContext } from '../task.js';

// Content pillars for a calendar: the ones given, or four proposed from the objective, products,
// audiences and goals; and the largest-remainder allocation that turns shares into item counts.

type Pillar = PlanCalendarOutput['strategy']['pillars'][number];
type Objective = PlanCalendarInput['objective'];

interface PillarIdea {
  name: string;
  describe: (business: BusinessContext) => string;
}

const list = (items: readonly string[], fallback: string) =>
  items.length ? items.slice(0, 3).join(', ') : fallback;

const IDEAS = {
  spotlight: {
    name: 'Product spotlight',
    describe: (b) =>
      b.brand.products.length
        ? `What ${list(
            b.brand.products.map((p) => p.name),
            b.name,
          )} offer and who they are for.`
        : `What ${b.name} offers and who it is for.`,
  },
  howTo: {
    name: 'Tips and how-tos',
    describe: (b) =>
      `Useful ${b.industry?.toLowerCase() ?? 'expert'} know-how for ${list(
        b.brand.audiences.map((a) => a.name.toLowerCase()),
        'customers',
      )}.`,
  },
  behindScenes: {
    name: 'Behind the scenes',
    describe: (b) => `The people, craft and process behind ${b.name}.`,
  },
  stories: {
    name: 'Customer stories',
    describe: (b) => `Reviews, results and moments from ${b.name} customers, shared with permission.`,
  },
  offers: {
    name: 'Offers and news',
    describe: (b) => `Launches, offers and news, tied to ${list(b.brand.goals, 'the season')}.`,
  },
  community: {
    name: 'Community',
    describe: (b) =>
      `Questions, polls and local moments that get ${list(
        b.brand.audiences.map((a) => a.name.toLowerCase()),
        'followers',
      )} talking.`,
  },
} satisfies Record<string, PillarIdea>;

// Each objective's mix, shares summing to 1: selling needs more product and offers, awareness more story.
const MIXES: Record<Objective, ReadonlyArray<readonly [PillarIdea, number]>> = {
  awareness: [
    [IDEAS.behindScenes, 0.3],
    [IDEAS.howTo, 0.3],
    [IDEAS.spotlight, 0.2],
    [IDEAS.stories, 0.2],
  ],
  traffic: [
    [IDEAS.howTo, 0.4],
    [IDEAS.spotlight, 0.25],
    [IDEAS.behindScenes, 0.15],
    [IDEAS.offers, 0.2],
  ],
  leads: [
    [IDEAS.howTo, 0.35],
    [IDEAS.stories, 0.25],
    [IDEAS.spotlight, 0.25],
    [IDEAS.offers, 0.15],
  ],
  sales: [
    [IDEAS.spotlight, 0.35],
    [IDEAS.offers, 0.25],
    [IDEAS.stories, 0.2],
    [IDEAS.howTo, 0.2],
  ],
  engagement: [
    [IDEAS.community, 0.35],
    [IDEAS.behindScenes, 0.25],
    [IDEAS.howTo, 0.2],
    [IDEAS.stories, 0.2],
  ],
};

/** The pillars of a plan: the given names with equal shares, or a mix proposed for the objective. */
export function planPillars(input: PlanCalendarInput, business: BusinessContext): Pillar[] {
  if (input.pillars.length > 0) {
    return input.pillars.map((name) => ({
      name,
      share: 1 / input.pillars.length,
      description: `${name} content for ${list(
        business.brand.audiences.map((a) => a.name.toLowerCase()),
        'our audience',
      )}.`,
    }));
  }
  return MIXES[input.objective].map(([idea, share]) => ({
    name: idea.name,
    share,
    description: idea.describe(business),
  }));
}

/**
 * Split `total` items between shares (summing to 1) by largest remainder: every count is within 1 of its
 * exact share and the counts add up to `total`.
 * @example allocateByShare(10, [0.35, 0.25, 0.2, 0.2]) // [4, 2, 2, 2]
 */
export function allocateByShare(total: number, shares: readonly number[]): number[] {
  const sum = shares.reduce((a, b) => a + b, 0) || 1;
  const exact = shares.map((share) => (share / sum) * total);
  const counts = exact.map(Math.floor);
  const order = exact
    .map((value, index) => ({ index, remainder: value - Math.floor(value) }))
    .sort((a, b) => b.remainder - a.remainder || a.index - b.index);
  let left = total - counts.reduce((a, b) => a + b, 0);
  for (const { index } of order) {
    if (left <= 0) break;
    counts[index] = (counts[index] ?? 0) + 1;
    left -= 1;
  }
  return counts;
}

/**
 * A sequence of pillar indexes with exactly `counts[i]` of each, interleaved so neighbours differ
 * (smooth weighted round robin).
 * @example interleave([2, 1]) // [0, 1, 0]
 */
export function interleave(counts: readonly number[]): number[] {
  const total = counts.reduce((a, b) => a + b, 0);
  const current = counts.map(() => 0);
  const used = counts.map(() => 0);
  const sequence: number[] = [];
  for (let step = 0; step < total; step += 1) {
    let best = -1;
    counts.forEach((count, index) => {
      if ((used[index] ?? 0) >= count) return;
      current[index] = (current[index] ?? 0) + count;
      if (best === -1 || (current[index] ?? 0) > (current[best] ?? 0)) best = index;
    });
    current[best] = (current[best] ?? 0) - total;
    used[best] = (used[best] ?? 0) + 1;
    sequence.push(best);
  }
  return sequence;
}
