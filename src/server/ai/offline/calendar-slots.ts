import type { ChannelId } from '#shared/channel-ids.js';
import { channelRule, type Weekday } from '#shared/channels.js';

// When a channel's posts go out in a week: its good days first, spread out, at its good local times.

/** A date (YYYY-MM-DD) `days` after `isoDate`. @example addDays('2026-12-30', 3) // '2027-01-02' */
export function addDays(isoDate: string, days: number): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** ISO weekday of a date: 1 Monday … 7 Sunday. */
export function weekdayOf(isoDate: string): Weekday {
  const day = new Date(`${isoDate}T00:00:00Z`).getUTCDay();
  return (day === 0 ? 7 : day) as Weekday;
}

const ALL_DAYS: readonly Weekday[] = [1, 2, 3, 4, 5, 6, 7];
// Extra local times used only when a channel needs more posts a day than it has good times.
const EXTRA_TIMES = ['08:00', '13:00', '15:00', '17:00', '19:00', '20:30'];

/** One publishing slot. */
export interface Slot {
  date: string;
  time: string;
}

function spread<T>(items: readonly T[], count: number): T[] {
  return Array.from({ length: count }, (_, index) => items[Math.floor((index * items.length) / count)] as T);
}

/**
 * `perWeek` distinct slots for a channel in the week starting `weekStart` (any weekday), on its good
 * days when it has enough, otherwise on further weekdays, then weekends, then more times per day.
 * Times rotate through the good times from week to week.
 */
export function weekSlots(channel: ChannelId, weekStart: string, weekIndex: number, perWeek: number): Slot[] {
  if (perWeek <= 0) return [];
  const rule = channelRule(channel);
  const otherDays = ALL_DAYS.filter((day) => !rule.postingDays.includes(day));
  const days =
    perWeek <= rule.postingDays.length
      ? spread(rule.postingDays, perWeek)
      : [...rule.postingDays, ...otherDays].slice(0, perWeek);
  const times = [...new Set([...rule.postingTimes, ...EXTRA_TIMES])];
  const perDay = new Map<Weekday, number>();
  const slots: Slot[] = [];
  for (let index = 0; index < perWeek; index += 1) {
    const day = days[index % days.length] as Weekday;
    const nth = perDay.get(day) ?? 0;
    perDay.set(day, nth + 1);
    const goodTimes = rule.postingTimes.length;
    // The first post of a day rotates through the good times; further posts take the next free ones.
    const timeIndex = nth < goodTimes ? (weekIndex + index + nth) % goodTimes : nth;
    const offset = (day - weekdayOf(weekStart) + 7) % 7;
    slots.push({ date: addDays(weekStart, offset), time: times[timeIndex] ?? '12:00' });
  }
  return dedupe(slots, times);
}

/** Move any slot that repeats another to the next unused time that day. */
function dedupe(slots: Slot[], times: readonly string[]): Slot[] {
  const taken = new Set<string>();
  return slots.map((slot) => {
    let time = slot.time;
    for (let step = 0; taken.has(`${slot.date} ${time}`) && step < times.length; step += 1) {
      time = times[step] ?? time;
    }
    taken.add(`${slot.date} ${time}`);
    return { date: slot.date, time };
  });
}
