import type { PlannedItem } from '#shared/ai-tasks.schema.js';
import type { ChannelId } from '#shared/channel-ids.js';
import { type MinuteWindow, toClock, toMinutes } from '../checks/posting-window.js';
import { addDays } from '../offline/calendar-slots.js';

const SHIFT_MINUTES = 30;
const WHOLE_DAY: MinuteWindow = { start: 0, end: 24 * 60 - 1 };

/**
 * The slot 30 minutes later, or the next day's window start once that passes the window's end; null when
 * that leaves the plan's last day.
 */
function later(date: string, time: string, lastDate: string, window: MinuteWindow) {
  const minutes = toMinutes(time) + SHIFT_MINUTES;
  if (minutes <= window.end) return { date, time: toClock(minutes) };
  const next = addDays(date, 1);
  return next > lastDate ? null : { date: next, time: toClock(window.start) };
}

/**
 * Items sorted by date and time, with any item that shares a channel, date and time with an earlier one
 * moved 30 minutes later (repeatedly, if needed, staying inside the channel's posting window); an item that
 * cannot move within the plan is dropped.
 * @example resolveCollisions([a, aAtSameTime], '2026-12-14') // the second moves from 09:00 to 09:30
 */
export function resolveCollisions(
  items: readonly PlannedItem[],
  lastDate: string,
  windowFor: (channel: ChannelId) => MinuteWindow = () => WHOLE_DAY,
): PlannedItem[] {
  const sorted = [...items].sort((a, b) => `${a.date} ${a.time}`.localeCompare(`${b.date} ${b.time}`));
  const taken = new Set<string>();
  const result: PlannedItem[] = [];
  for (const item of sorted) {
    let slot: { date: string; time: string } | null = { date: item.date, time: item.time };
    while (slot && taken.has(`${item.channel} ${slot.date} ${slot.time}`))
      slot = later(slot.date, slot.time, lastDate, windowFor(item.channel));
    if (!slot) continue;
    taken.add(`${item.channel} ${slot.date} ${slot.time}`);
    result.push({ ...item, ...slot });
  }
  return result.sort((a, b) =>
    `${a.date} ${a.time} ${a.channel}`.localeCompare(`${b.date} ${b.time} ${b.channel}`),
  );
}
