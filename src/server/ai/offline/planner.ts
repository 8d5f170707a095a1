import type { PlanCalendarInput, PlanCalendarOutput, PlannedItem } from '#shared/ai-tasks.schema.js';
import { dayCount, planDays, requestedDays } from '#shared/calendar-range.js';
import type { ChannelId, ContentFormat } from '#shared/channel-ids.js';
import { CHANNEL_RULES_VERSION, channelRule } from '#shared/channels.js';
import type { BusinessContext } from '../task.js';
import { addDays, weekSlots } from './calendar-slots.js';
import { factsFor } from './copy-facts.js';
import { pickLine, repeatsItself } from './phrase-picker.js';
import { phraseBank, writerLanguage } from './phrasebank/index.js';
import type { PhraseBank } from './phrasebank/types.js';
import { pillarKindOf } from './pillar-kind.js';
import { allocateByShare, interleave, planPillars } from './pillars.js';
import { createRandom, hashSeed } from './prng.js';
import { voiceStyle } from './voice.js';
import { withoutWordsToAvoid } from './writer.js';

// The offline calendar planner: pillars, cadence per channel, slots at good local times, pillars spread
// evenly over the items, and distinct titles and briefs in the business's language that name its products
// and audiences. Briefs are instructions for the writer; the writer never prints them.

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
  mastodon: ['post', 'thread'],
  pinterest: ['post'],
  telegram: ['post'],
  discord: ['post'],
  slack: ['post'],
};

/** Posts per week for each channel: the requested cadence, else the registry's recommendation. */
export function cadenceFor(input: PlanCalendarInput): Array<{ channel: ChannelId; per_week: number }> {
  return input.channels.map((channel) => ({
    channel,
    per_week: input.cadence[channel] ?? channelRule(channel).cadencePerWeek,
  }));
}

/** Titles already given in a plan, so every item gets its own. */
class TitleRegister {
  private readonly used = new Set<string>();

  /** The first candidate not used yet, else the first one numbered; it is then taken. */
  take(candidates: readonly string[], fallback: string): string {
    const base = candidates[0] ?? fallback;
    let title = candidates.find((candidate) => !this.used.has(candidate.toLowerCase())) ?? base;
    for (let n = 2; this.used.has(title.toLowerCase()); n += 1) title = `${base} (${n})`;
    this.used.add(title.toLowerCase());
    return title;
  }
}

interface ItemPlan {
  pillar: string;
  /** How many items of this pillar came before: rotates products, audiences and phrasings. */
  nth: number;
  format: ContentFormat;
}

/**
 * A distinct title and the brief of one item. Titles rotate through the pillar's phrasings and the
 * profile's products and audiences; an email item's title is its subject, so it stays within 60 characters.
 */
function titleAndBrief(
  item: ItemPlan,
  business: BusinessContext,
  bank: PhraseBank,
  objective: PlanCalendarInput['objective'],
  titles: TitleRegister,
) {
  const { products, audiences } = business.brand;
  const kind = pillarKindOf(item.pillar);
  const style = voiceStyle(business.brand.voice.tone);
  const acceptable = withoutWordsToAvoid(business.brand.voice.words_to_avoid, business.locale);
  const limit = item.format === 'email' ? 60 : 200;
  const factsAt = (turn: number) =>
    factsFor(
      {
        brief: '',
        language: bank.language,
        style,
        turn,
        topic: null,
        product: products[turn % Math.max(1, products.length)] ?? null,
        audience: audiences[turn % Math.max(1, audiences.length)] ?? null,
      },
      business,
      createRandom(hashSeed('plan-item', item.pillar, turn)),
    );
  const facts = factsAt(item.nth);
  const lines = bank.titles[kind];
  const combinations = Math.max(1, products.length) * Math.max(1, audiences.length);
  const candidates: string[] = [];
  // This item's facts through the pillar's phrasings first, then the next products and audiences.
  for (let shift = 0; shift < combinations; shift += 1) {
    const shifted = shift === 0 ? facts : factsAt(item.nth + shift);
    for (let index = 0; index < lines.length; index += 1) {
      const title = lines[(item.nth + index) % lines.length]?.(shifted);
      if (title && title.length <= limit && acceptable(title) && !repeatsItself(title, shifted))
        candidates.push(title);
    }
  }
  const fallback = bank.titles.general
    .map((line) => line(facts))
    .find((title) => title && title.length <= limit && !repeatsItself(title, facts));
  const title = titles.take(candidates, fallback ?? business.name.slice(0, limit));
  const brief = pickLine(bank.plan.briefs[kind], facts, createRandom(item.nth), 0, () => true) ?? '';
  return {
    title,
    brief: `${brief} ${bank.plan.asks[objective]}`.replace(/\s+/gu, ' ').trim().slice(0, 1000),
  };
}

function reasoning(
  input: PlanCalendarInput,
  cadence: ReturnType<typeof cadenceFor>,
  business: BusinessContext,
  bank: PhraseBank,
): string {
  const cadenceText = cadence
    .map(
      ({ channel, per_week }) =>
        `${channelRule(channel).name} ${per_week}${bank.plan.perWeek}${input.cadence[channel] === undefined ? ` ${bank.plan.recommended}` : ''}`,
    )
    .join(', ');
  return bank.plan
    .reasoning({
      name: business.name,
      weeks: input.weeks,
      start: input.start_date,
      objective: bank.plan.objectiveNames[input.objective],
      proposed: input.pillars.length === 0,
      cadence: cadenceText,
      timeZone: business.time_zone,
      rulesVersion: CHANNEL_RULES_VERSION,
    })
    .slice(0, 4000);
}

/**
 * A content calendar from the profile in the business's language, deterministic for the same input and
 * business.
 * @example planCalendarOffline({ start_date: '2026-12-01', weeks: 2, channels: ['x'], … }, business)
 */
export function planCalendarOffline(input: PlanCalendarInput, business: BusinessContext): PlanCalendarOutput {
  const bank = phraseBank(writerLanguage(undefined, business.locale).language);
  const pillars = planPillars(input, business, bank);
  const cadence = cadenceFor(input);
  // A campaign's plan uses only the campaign's days, weeks counted from its first: the cadence is kept,
  // rather than four weeks of posts squeezed into the days the campaign has.
  const requested = requestedDays(input.start_date, input.weeks);
  const days = planDays(requested, input.within) ?? { ...requested, narrowed: false };
  const weeks = Math.ceil(dayCount(days) / 7);
  const slots = cadence.flatMap(({ channel, per_week }) =>
    Array.from({ length: weeks }, (_, week) =>
      weekSlots(channel, addDays(days.first, week * 7), week, per_week)
        .filter((slot) => slot.date <= days.last)
        .map((slot) => ({ ...slot, channel })),
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
  const titles = new TitleRegister();
  const items: PlannedItem[] = slots.map((slot, index) => {
    const nth = perChannel.get(slot.channel) ?? 0;
    perChannel.set(slot.channel, nth + 1);
    const pillar = pillars[pillarOrder[index] ?? 0]?.name ?? 'General';
    const nthOfPillar = perPillar.get(pillar) ?? 0;
    perPillar.set(pillar, nthOfPillar + 1);
    const rotation = FORMAT_ROTATION[slot.channel];
    const format = rotation[nth % rotation.length] ?? 'post';
    return {
      ...slot,
      format,
      pillar,
      ...titleAndBrief({ pillar, nth: nthOfPillar, format }, business, bank, input.objective, titles),
    };
  });
  return { strategy: { pillars, cadence, reasoning: reasoning(input, cadence, business, bank) }, items };
}
