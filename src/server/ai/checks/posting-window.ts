import { type BrandProfile, DEFAULT_POSTING_WINDOW, type TimeWindow } from '#shared/brand.schema.js';
import type { ChannelId } from '#shared/channel-ids.js';

// When a business posts: 08:00–20:00 local unless its profile says otherwise, per channel if it likes.

/** A window in minutes after midnight, both ends inclusive. */
export interface MinuteWindow {
  start: number;
  end: number;
}

/** Minutes after midnight of a `HH:MM` time. @example toMinutes('08:30') // 510 */
export function toMinutes(time: string): number {
  const [hours = 0, minutes = 0] = time.split(':').map(Number);
  return hours * 60 + minutes;
}

/** `HH:MM` for minutes after midnight. @example toClock(510) // '08:30' */
export function toClock(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

function inMinutes(window: TimeWindow): MinuteWindow {
  return { start: toMinutes(window.start), end: toMinutes(window.end) };
}

/**
 * The posting window of `channel`: the profile's window for the channel, else its default, else 08:00–20:00.
 * @example postingWindowFor(brand, 'email') // { start: 480, end: 1200 }
 */
export function postingWindowFor(brand: BrandProfile, channel: ChannelId): MinuteWindow {
  const configured = brand.posting_window;
  return inMinutes(configured?.channels[channel] ?? configured?.default ?? DEFAULT_POSTING_WINDOW);
}

/** `time` moved to the nearest end of `window` when it falls outside. @example fitIntoWindow('03:15', w) // '08:00' */
export function fitIntoWindow(time: string, window: MinuteWindow): string {
  const minutes = toMinutes(time);
  if (minutes < window.start) return toClock(window.start);
  if (minutes > window.end) return toClock(window.end);
  return time;
}

/** How a window reads: '08:00–20:00'. */
export function describeWindow(window: MinuteWindow): string {
  return `${toClock(window.start)}–${toClock(window.end)}`;
}
