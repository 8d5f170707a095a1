// A minimal iCalendar (RFC 5545) writer: one VCALENDAR of VEVENTs, all times in UTC. Pure, no I/O.

const CRLF = '\r\n';
const MAX_LINE_OCTETS = 75;

export interface IcalEvent {
  uid: string;
  /** ISO-8601 instant. */
  start: string;
  durationMinutes: number;
  summary: string;
  description?: string;
  url?: string;
  status?: 'TENTATIVE' | 'CONFIRMED';
  categories?: readonly string[];
  /** ISO-8601 instant of the last change (LAST-MODIFIED). */
  lastModified?: string;
}

export interface IcalCalendar {
  prodId: string;
  name: string;
  /** IANA zone the calendar is about (X-WR-TIMEZONE); every time is still written in UTC. */
  timeZone: string;
  /** ISO-8601 instant written as DTSTAMP on each event. */
  stamp: string;
  events: readonly IcalEvent[];
}

/** A TEXT value: `\`, `;`, `,` and newlines escaped, other control characters dropped (RFC 5545 §3.3.11). */
export function escapeText(value: string): string {
  return (
    value
      .replace(/\\/g, '\\\\')
      .replace(/;/g, '\\;')
      .replace(/,/g, '\\,')
      .replace(/\r\n|\r|\n/g, '\\n')
      // biome-ignore lint/suspicious/noControlCharactersInRegex: dropping control characters is the point
      .replace(/[\u0000-\u0008\u000a-\u001f\u007f]/g, '')
  );
}

/**
 * One content line folded so no physical line exceeds 75 octets (continuations start with a space, which
 * counts); a UTF-8 sequence is never split, since folding happens only between code points.
 */
export function foldLine(line: string): string {
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  let limit = MAX_LINE_OCTETS;
  for (const char of line) {
    const size = Buffer.byteLength(char, 'utf8');
    if (octets + size > limit) {
      parts.push(current);
      current = '';
      octets = 0;
      limit = MAX_LINE_OCTETS - 1;
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join(`${CRLF} `);
}

/** `20260307T083000Z` from any ISO-8601 instant. */
export function utcDateTime(instant: string | number): string {
  return new Date(instant)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
}

function eventLines(event: IcalEvent, stamp: string): string[] {
  const start = Date.parse(event.start);
  const lines = [
    'BEGIN:VEVENT',
    `UID:${escapeText(event.uid)}`,
    `DTSTAMP:${utcDateTime(stamp)}`,
    `DTSTART:${utcDateTime(start)}`,
    `DTEND:${utcDateTime(start + event.durationMinutes * 60_000)}`,
    `SUMMARY:${escapeText(event.summary)}`,
  ];
  if (event.description) lines.push(`DESCRIPTION:${escapeText(event.description)}`);
  if (event.url) lines.push(`URL:${event.url}`);
  if (event.status) lines.push(`STATUS:${event.status}`);
  if (event.categories?.length) lines.push(`CATEGORIES:${event.categories.map(escapeText).join(',')}`);
  if (event.lastModified) lines.push(`LAST-MODIFIED:${utcDateTime(event.lastModified)}`);
  lines.push('END:VEVENT');
  return lines;
}

/** The whole calendar as text: CRLF line endings, folded lines, ending with a CRLF. */
export function buildIcal(calendar: IcalCalendar): string {
  const lines = [
    'BEGIN:VCALENDAR',
    `PRODID:${escapeText(calendar.prodId)}`,
    'VERSION:2.0',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeText(calendar.name)}`,
    `X-WR-TIMEZONE:${escapeText(calendar.timeZone)}`,
    ...calendar.events.flatMap((event) => eventLines(event, calendar.stamp)),
    'END:VCALENDAR',
  ];
  return lines.map(foldLine).join(CRLF) + CRLF;
}

/** Undo `foldLine` over a whole document: the logical content lines (for tests and simple readers). */
export function unfoldLines(text: string): string[] {
  return text
    .replace(/\r\n[ \t]/g, '')
    .split('\r\n')
    .filter((line) => line !== '');
}
