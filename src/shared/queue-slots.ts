import type { ChannelId } from './channel-ids.js';
import { CHANNEL_RULES } from './channel-rules.js';
import { addDays, type CivilDate, localDate, weekday, zonedInstant } from './zoned-time.js';

// Where "add to queue" puts an item: pure functions over wall-clock slots, so the rules (and the clock
// changes) are tested without a database.

/** A weekday (1 = Monday … 7 = Sunday) and a time `HH:MM` in the workspace's zone. */
export interface Slot {
  weekday: number;
  time: string;
}

/** Slots by weekday, then time. */
export function sortSlots<T extends Slot>(slots: readonly T[]): T[] {
  return [...slots].sort((a, b) => a.weekday - b.weekday || a.time.localeCompare(b.time));
}

/**
 * The slots a channel uses when the workspace set none: its network's recommended days × times.
 * @example defaultSlots('linkedin') // Tue, Wed, Thu at 10:00 and 11:00
 */
export function defaultSlots(channel: ChannelId): Slot[] {
  const rule = CHANNEL_RULES[channel];
  return sortSlots(
    rule.postingDays.flatMap((day) => rule.postingTimes.map((time) => ({ weekday: day, time }))),
  );
}

export interface NextSlotRequest {
  slots: readonly Slot[];
  timeZone: string;
  /** The slot must be strictly after this instant. */
  after: Date;
  /** Instants (ISO, UTC) already taken by other items of the channel. */
  taken: ReadonlySet<string>;
  /** How many local days to look through, starting with `after`'s. */
  horizonDays: number;
}

/**
 * The first slot strictly after `after` whose instant no other item holds, or null when none is free within
 * the horizon. Each slot is read on the workspace's clock of its day: a slot in an hour a spring-forward
 * change skips moves later by the gap, one in an hour that happens twice takes the first (zoned-time.ts).
 * @example nextFreeSlot({ slots: [{ weekday: 1, time: '09:00' }], timeZone: 'Europe/Paris', after, taken, horizonDays: 90 })
 */
export function nextFreeSlot(request: NextSlotRequest): string | null {
  const byDay = new Map<number, string[]>();
  for (const slot of sortSlots(request.slots)) {
    byDay.set(slot.weekday, [...(byDay.get(slot.weekday) ?? []), slot.time]);
  }
  if (byDay.size === 0) return null;
  const first: CivilDate = localDate(request.after.toISOString(), request.timeZone);
  const afterMs = request.after.getTime();
  for (let offset = 0; offset <= request.horizonDays; offset += 1) {
    const date = addDays(first, offset);
    // Two times can land on one instant (02:30 and 03:30 on a spring-forward day); sorting keeps the order.
    const instants = (byDay.get(weekday(date)) ?? [])
      .map((time) => zonedInstant(date, time, request.timeZone))
      .sort();
    for (const instant of instants) {
      if (Date.parse(instant) > afterMs && !request.taken.has(instant)) return instant;
    }
  }
  return null;
}
