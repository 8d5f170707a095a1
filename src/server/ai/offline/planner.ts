import type { PlanCalendarInput, PlanCalendarOutput, PlannedItem } from '#shared/ai-tasks.schema.js';
import type { ChannelId, ContentFormat } from '#shared/channel-ids.js';
import { CHANNEL_RULES_VERSION, channelRule } from '#shared/channels.js';
import type { BusinessContext } from '../task.js';
import { addDays, weekSlots } from './calendar-slots.js';
import { allocateByShare, interleave, planPillars } from './pillars.js';
import { decapitalize, firstSentence } from './text-tools.js';

// The offline calendar planner: pillars, cadence per channel, slots at good local times, pillars spread
// evenly over the items, and titles and briefs that name the business's products and audiences.

const FORMAT_ROTATION: Record<ChannelId, readonly ContentFormat[]> = {
  x: ['post', 'post', 'thread'],
  linkedin: ['post', 'post', 'post', 'blog_outline'],
  instagram: ['post', 'reel_script', 'post', 'story'],
  facebook: ['post', 'post', 'reel_script'],
  tiktok: ['reel_script'],
  threads: ['post'],
  bluesky: ['post', 'thread'],
  google_business: ['post'],
  email: ['email'],
  sms: ['sms'],
};

const OBJECTIVE_ASK: Record<PlanCalendarInput['objective'], string> = {
  awareness: 'End by inviting people to follow along.',
  traffic: 'End with a reason to visit the website.',
  leads: 'End by inviting an enquiry or sign-up.',
  sales: 'End by asking for the order.',
  engagement: 'End with a question that invites replies.',
};

/** Posts per week for each channel: the requested cadence, else the registry's recommendation. */
export function cadenceFor(input: PlanCalendarInput): Array<{ channel: ChannelId; per_week: number }> {
  return input.channels.map((channel) => ({
    channel,
    per_week: input.cadence[channel] ?? channelRule(channel).cadencePerWeek,
  }));
}

function titleAndBrief(
  pillar: string,
  index: number,
  business: BusinessContext,
  objective: PlanCalendarInput['objective'],
) {
  const { products, audiences } = business.brand;
  const product = products.length ? products[index % products.length] : undefined;
  const audience = audiences.length ? audiences[index % audiences.length] : undefined;
  const productName = product?.name ?? business.name;
  const who = audience ? decapitalize(audience.name) : 'our customers';
  const goal =
    audience?.goals[index % Math.max(1, audience.goals.length)] ??
    audience?.pains[0] ??
    'getting more from us';
  const fact = firstSentence(product?.description) || firstSentence(business.description);
  const ask = OBJECTIVE_ASK[objective];
  const byPillar: Record<string, [string, string]> = {
    'Product spotlight': [`Spotlight: ${productName}`, `Show ${productName} to ${who}. ${fact} ${ask}`],
    'Tips and how-tos': [
      `Tip for ${who}: ${goal}`,
      `One practical tip on ${decapitalize(goal)} for ${who}, showing where ${productName} helps. ${ask}`,
    ],
    'Behind the scenes': [
      `Behind the scenes: ${productName}`,
      `How the ${business.name} team makes ${productName}, with real people and process. ${ask}`,
    ],
    'Customer stories': [
      `Customer story: ${productName}`,
      `A customer among ${who} on what ${productName} changed for them (with permission). ${ask}`,
    ],
    'Offers and news': [
      `News: ${productName}${product?.price ? ` from ${product.price}` : ''}`,
      `What is new or on offer with ${productName}, and why it matters to ${who}. ${fact} ${ask}`,
    ],
    Community: [
      `Question for ${who}`,
      `Ask ${who} about ${decapitalize(goal)} and share the best answers later. ${ask}`,
    ],
  };
  const [title, brief] = byPillar[pillar] ?? [
    `${pillar}: ${productName}`,
    `A ${decapitalize(pillar)} piece for ${who}, featuring ${productName}. ${fact} ${ask}`,
  ];
  return { title: title.slice(0, 200), brief: brief.replace(/\s+/gu, ' ').trim().slice(0, 1000) };
}

function reasoning(
  input: PlanCalendarInput,
  cadence: ReturnType<typeof cadenceFor>,
  business: BusinessContext,
  proposed: boolean,
): string {
  const cadenceText = cadence
    .map(
      ({ channel, per_week }) =>
        `${channelRule(channel).name} ${per_week}/week${input.cadence[channel] === undefined ? ' (recommended)' : ''}`,
    )
    .join(', ');
  return [
    `Offline plan for ${business.name} over ${input.weeks} week(s) from ${input.start_date}, objective: ${input.objective}.`,
    proposed
      ? `Pillars were proposed from the objective, the products and the audiences in the profile; edit them to match your own.`
      : 'Pillars are the ones you gave, with equal shares.',
    `Cadence: ${cadenceText}. Recommended cadences sit at the low end of Hootsuite's 2023 guidance, sized for a small team.`,
    `Times are local to ${business.time_zone} and follow Sprout Social's 2023 best-times study where one exists (mid-week mornings for most networks, afternoons for TikTok); Threads, Bluesky, email, SMS and Business Profile times are our assumptions. Channel rules version ${CHANNEL_RULES_VERSION}.`,
    'Every audience differs: compare results after two weeks and move the slots that underperform.',
  ].join(' ');
}

/**
 * A content calendar from the profile, deterministic for the same input and business.
 * @example planCalendarOffline({ start_date: '2026-12-01', weeks: 2, channels: ['x'], … }, business)
 */
export function planCalendarOffline(input: PlanCalendarInput, business: BusinessContext): PlanCalendarOutput {
  const pillars = planPillars(input, business);
  const cadence = cadenceFor(input);
  const slots = cadence.flatMap(({ channel, per_week }) =>
    Array.from({ length: input.weeks }, (_, week) =>
      weekSlots(channel, addDays(input.start_date, week * 7), week, per_week).map((slot) => ({
        ...slot,
        channel,
      })),
    ).flat(),
  );
  slots.sort((a, b) => `${a.date} ${a.time} ${a.channel}`.localeCompare(`${b.date} ${b.time} ${b.channel}`));
  const pillarOrder = interleave(
    allocateByShare(
      slots.length,
      pillars.map((pillar) => pillar.share),
    ),
  );
  const perChannel = new Map<ChannelId, number>();
  const perPillar = new Map<string, number>();
  const items: PlannedItem[] = slots.map((slot, index) => {
    const nth = perChannel.get(slot.channel) ?? 0;
    perChannel.set(slot.channel, nth + 1);
    const pillar = pillars[pillarOrder[index] ?? 0]?.name ?? 'General';
    const nthOfPillar = perPillar.get(pillar) ?? 0;
    perPillar.set(pillar, nthOfPillar + 1);
    const rotation = FORMAT_ROTATION[slot.channel];
    return {
      ...slot,
      format: rotation[nth % rotation.length] ?? 'post',
      pillar,
      // Rotating products and audiences within a pillar keeps its items from repeating each other.
      ...titleAndBrief(pillar, nthOfPillar, business, input.objective),
    };
  });
  return {
    strategy: {
      pillars,
      cadence,
      reasoning: reasoning(input, cadence, business, input.pillars.length === 0),
    },
    items,
  };
}
