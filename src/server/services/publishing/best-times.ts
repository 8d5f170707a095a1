import type { ChannelId } from '#shared/channel-ids.js';
import { defaultSlots } from '#shared/queue-slots.js';
import {
  BEST_TIMES_COUNT,
  BEST_TIMES_MIN_RESULTS,
  type BestTimes,
  type SuggestedSlot,
} from '#shared/queues.schema.js';
import { localDate, localTime, weekday } from '#shared/zoned-time.js';

/** One published post's results, summed over its days. */
export interface PublishedResult {
  published_at: string;
  impressions: number;
  engagements: number;
}

/**
 * The channel's best posting times from the workspace's own results: posts grouped by the weekday and hour
 * they went out (on the workspace's clock), ranked by engagements per impression — a rate, so a post that
 * has had longer to collect impressions does not win for its age. Below `BEST_TIMES_MIN_RESULTS` posts the
 * groups are too thin to mean anything and the network's recommended times stand in.
 * @example bestTimes('x', results, 'Europe/Paris').slots[0] // { weekday: 2, time: '09:00', posts: 4, engagement_rate: 0.031 }
 */
export function bestTimes(
  channel: ChannelId,
  results: readonly PublishedResult[],
  timeZone: string,
): BestTimes {
  const shown = results.filter((result) => result.impressions > 0);
  if (shown.length < BEST_TIMES_MIN_RESULTS) {
    return {
      basis: 'channel_rules',
      results: shown.length,
      needed: BEST_TIMES_MIN_RESULTS,
      slots: defaultSlots(channel)
        .slice(0, BEST_TIMES_COUNT)
        .map((slot) => ({ ...slot, posts: 0, engagement_rate: null })),
    };
  }
  const groups = new Map<
    string,
    { weekday: number; time: string; posts: number; impressions: number; engagements: number }
  >();
  for (const result of shown) {
    const day = weekday(localDate(result.published_at, timeZone));
    const time = `${localTime(result.published_at, timeZone).slice(0, 2)}:00`;
    const key = `${day} ${time}`;
    const group = groups.get(key) ?? { weekday: day, time, posts: 0, impressions: 0, engagements: 0 };
    group.posts += 1;
    group.impressions += result.impressions;
    group.engagements += result.engagements;
    groups.set(key, group);
  }
  const slots: SuggestedSlot[] = [...groups.values()]
    .map((group) => ({
      weekday: group.weekday,
      time: group.time,
      posts: group.posts,
      engagement_rate: group.engagements / group.impressions,
    }))
    // Ties go to the slot with more posts behind it, then to the earlier one (a stable answer).
    .sort(
      (a, b) =>
        (b.engagement_rate ?? 0) - (a.engagement_rate ?? 0) ||
        b.posts - a.posts ||
        a.weekday - b.weekday ||
        a.time.localeCompare(b.time),
    )
    .slice(0, BEST_TIMES_COUNT);
  return { basis: 'results', results: shown.length, needed: BEST_TIMES_MIN_RESULTS, slots };
}
