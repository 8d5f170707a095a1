import type { OutputNote, PlannedItem } from '#shared/ai-tasks.schema.js';
import { planDays } from '#shared/calendar-range.js';
import type { ChannelId } from '#shared/channel-ids.js';
import { describeWindow, fitIntoWindow, type MinuteWindow } from './posting-window.js';

// A plan a person can use as it is: dates inside the requested range and the campaign, times inside the
// posting window, every title and brief its own. Dates and times are fixed here and the answer says so;
// repeats need new words, so they go back to the writer (a model gets one repair request).

/** The dates a plan must keep to, inclusive. */
export interface PlanBounds {
  first: string;
  last: string;
  /** A campaign's dates, when the plan is for one. */
  within?: { from?: string | undefined; to?: string | undefined } | undefined;
}

/** The plan's items fitted to its dates and windows, what was changed, and what repeats. */
export interface PlanSanity {
  items: PlannedItem[];
  adjustments: OutputNote[];
  /** Repeated titles or briefs, for a repair request. */
  flags: string[];
  warnings: OutputNote[];
}

/** The dates items may take: the requested range narrowed to the campaign's where they overlap. */
export function allowedDates(bounds: PlanBounds): { first: string; last: string; narrowed: boolean } {
  // No overlap is refused when the calendar is requested; a campaign moved since then keeps the plan's days.
  return (
    planDays({ first: bounds.first, last: bounds.last }, bounds.within) ?? {
      first: bounds.first,
      last: bounds.last,
      narrowed: false,
    }
  );
}

const label = (item: PlannedItem) => `"${item.title}" (${item.channel})`;

function clampDate(item: PlannedItem, first: string, last: string, narrowed: boolean, notes: OutputNote[]) {
  const date = item.date < first ? first : item.date > last ? last : item.date;
  if (date !== item.date) {
    const range = narrowed ? 'the campaign' : 'the plan';
    notes.push({
      field: 'items',
      code: 'date_clamped',
      message: `${label(item)}: moved from ${item.date} to ${date}, the ${date === first ? 'first' : 'last'} day of ${range}`,
    });
  }
  return date;
}

function moveIntoWindow(item: PlannedItem, window: MinuteWindow, notes: OutputNote[]) {
  const time = fitIntoWindow(item.time, window);
  if (time !== item.time) {
    notes.push({
      field: 'items',
      code: 'time_moved',
      message: `${label(item)} on ${item.date}: moved from ${item.time} to ${time}, inside the posting window ${describeWindow(window)}`,
    });
  }
  return time;
}

/** Texts that occur more than once (compared without case and surrounding space), with their counts. */
function repeats(texts: readonly string[]): Array<[string, number]> {
  const counts = new Map<string, { text: string; count: number }>();
  for (const text of texts) {
    const key = text.trim().toLowerCase().replace(/\s+/gu, ' ');
    if (!key) continue;
    const entry = counts.get(key) ?? { text: text.trim(), count: 0 };
    entry.count += 1;
    counts.set(key, entry);
  }
  return [...counts.values()].filter((entry) => entry.count > 1).map((entry) => [entry.text, entry.count]);
}

/**
 * `items` with dates clamped into the allowed range and times moved into each channel's posting window
 * (each change noted), and the titles and briefs that repeat.
 * @example checkPlan([{ …, date: '2027-01-09', time: '03:15' }], bounds, () => window).adjustments.length // 2
 */
export function checkPlan(
  items: readonly PlannedItem[],
  bounds: PlanBounds,
  windowFor: (channel: ChannelId) => MinuteWindow,
): PlanSanity {
  const { first, last, narrowed } = allowedDates(bounds);
  const adjustments: OutputNote[] = [];
  const fitted = items.map((item) => {
    const date = clampDate(item, first, last, narrowed, adjustments);
    const time = moveIntoWindow({ ...item, date }, windowFor(item.channel), adjustments);
    return { ...item, date, time };
  });
  const flags: string[] = [];
  const warnings: OutputNote[] = [];
  for (const [field, noun] of [
    ['title', 'title'],
    ['brief', 'brief'],
  ] as const) {
    const repeated = repeats(fitted.map((item) => item[field]));
    if (repeated.length === 0) continue;
    const list = repeated.map(([text, count]) => `"${text.slice(0, 80)}" (${count} times)`).join(', ');
    flags.push(`items: every item needs its own ${noun}; these repeat: ${list}.`);
    warnings.push({ field: 'items', code: `repeated_${field}`, message: `Repeated ${noun}s: ${list}` });
  }
  return { items: fitted, adjustments, flags, warnings };
}
