import type { PlannedItem } from '#shared/ai-tasks.schema.js';
import { addDays } from '../offline/calendar-slots.js';

const SHIFT_MINUTES = 30;
const DAY_MINUTES = 24 * 60;

function toMinutes(time: string): number {
  const [hours = 0, minutes = 0] = time.split(':').map(Number);
  return hours * 60 + minutes;
}

function toTime(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/** The slot 30 minutes later, rolling over midnight; null when that leaves the plan's last day. */
function later(date: string, time: string, lastDate: string): { date: string; time: string } | null {
  const minutes = toMinutes(time) + SHIFT_MINUTES;
  if (minutes < DAY_MINUTES) return { date, time: toTime(minutes) };
  const next = addDays(date, 1);
  return next > lastDate ? null : { date: next, time: toTime(minutes - DAY_MINUTES) };
}

/**
 * Items sorted by date and time, with any item that shares a channel, date and time with an earlier one
 * moved 30 minutes later (repeatedly, if needed); an item that cannot move within the plan is dropped.
 * @example resolveCollisions([a, aAtSameTime], '2026-12-14') // the second moves from 09:00 to 09:30
 */
export function resolveCollisions(items: readonly PlannedItem[], lastDate: string): PlannedItem[] {
  const sorted = [...items].sort((a, b) => `${a.date} ${a.time}`.localeCompare(`${b.date} ${b.time}`));
  const taken = new Set<string>();
  const result: PlannedItem[] = [];
  for (const item of sorted) {
    let slot: { date: string; time: string } | null = { date: item.date, time: item.time };
    while (slot && taken.has(`${item.channel} ${slot.date} ${slot.time}`))
      slot = later(slot.date, slot.time, lastDate);
    if (!slot) continue;
    taken.add(`${item.channel} ${slot.date} ${slot.time}`);
    result.push({ ...item, ...slot });
  }
  return result.sort((a, b) =>
    `${a.date} ${a.time} ${a.channel}`.localeCompare(`${b.date} ${b.time} ${b.channel}`),
  );
}
