import type { PlanCalendarInput, PlanCalendarOutput } from '#shared/ai-tasks.schema.js';
import type { BusinessContext } from '../task.js';
import type { Facts, PhraseBank, ProposedPillar, WriterLanguage } from './phrasebank/types.js';

// Content pillars for a calendar: the ones given, or four proposed from the objective, named and described
// in the business's language; and the largest-remainder allocation that turns shares into item counts.

type Pillar = PlanCalendarOutput['strategy']['pillars'][number];
type Objective = PlanCalendarInput['objective'];

// Each objective's mix, shares summing to 1: selling needs more product and offers, awareness more story.
const MIXES: Record<Objective, ReadonlyArray<readonly [ProposedPillar, number]>> = {
  awareness: [
    ['behindScenes', 0.3],
    ['howTo', 0.3],
    ['spotlight', 0.2],
    ['stories', 0.2],
  ],
  traffic: [
    ['howTo', 0.4],
    ['spotlight', 0.25],
    ['behindScenes', 0.15],
    ['offers', 0.2],
  ],
  leads: [
    ['howTo', 0.35],
    ['stories', 0.25],
    ['spotlight', 0.25],
    ['offers', 0.15],
  ],
  sales: [
    ['spotlight', 0.35],
    ['offers', 0.25],
    ['stories', 0.2],
    ['howTo', 0.2],
  ],
  engagement: [
    ['community', 0.35],
    ['behindScenes', 0.25],
    ['howTo', 0.2],
    ['stories', 0.2],
  ],
};

/** The facts a pillar description names: the first products and audiences, the first goal. */
function describeFacts(business: BusinessContext, language: WriterLanguage): Facts {
  const list = (items: readonly string[]) => (items.length ? items.slice(0, 3).join(', ') : null);
  const lower = (text: string) => (language === 'de' ? text : text.toLowerCase());
  return {
    name: business.name,
    product: list(business.brand.products.map((p) => p.name)),
    benefit: null,
    proof: null,
    price: null,
    audience: list(business.brand.audiences.map((a) => lower(a.name))),
    goal: list(business.brand.goals.map(lower)),
    pain: null,
    industry: business.industry,
    word: null,
    topic: null,
    casual: false,
    formal: false,
    v: (_informal, formal) => formal,
  };
}

/** The pillars of a plan, in the bank's language: the given names with equal shares, or a mix proposed for the objective. */
export function planPillars(input: PlanCalendarInput, business: BusinessContext, bank: PhraseBank): Pillar[] {
  const facts = describeFacts(business, bank.language);
  if (input.pillars.length > 0) {
    return input.pillars.map((name) => ({
      name,
      share: 1 / input.pillars.length,
      description: bank.plan.customPillar(name, facts).slice(0, 500),
    }));
  }
  return MIXES[input.objective].map(([kind, share]) => ({
    name: bank.plan.pillarNames[kind],
    share,
    description: (bank.plan.pillarDescriptions[kind](facts) ?? '').slice(0, 500),
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
