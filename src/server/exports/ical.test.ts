import { describe, expect, it } from 'vitest';
import { buildIcal, escapeText, foldLine, unfoldLines, utcDateTime } from './ical.js';

const octets = (line: string) => Buffer.byteLength(line, 'utf8');

describe('iCalendar writer', () => {
  it('escapes backslashes, semicolons, commas and newlines', () => {
    expect(escapeText('a\\b;c,d\ne\r\nf\rg')).toBe('a\\\\b\\;c\\,d\\ne\\nf\\ng');
    expect(escapeText('bell\u0007 and tab\t')).toBe('bell and tab\t');
  });

  it('leaves short lines alone and folds long ones at 75 octets', () => {
    expect(foldLine('SUMMARY:short')).toBe('SUMMARY:short');
    const line = `DESCRIPTION:${'x'.repeat(200)}`;
    const folded = foldLine(line);
    const physical = folded.split('\r\n');
    expect(physical.length).toBeGreaterThan(2);
    expect(octets(physical[0] ?? '')).toBe(75);
    for (const part of physical.slice(1)) {
      expect(part.startsWith(' ')).toBe(true);
      expect(octets(part)).toBeLessThanOrEqual(75);
    }
    expect(folded.replace(/\r\n /g, '')).toBe(line);
  });

  it('never splits a multibyte UTF-8 character', () => {
    const line = `SUMMARY:${'é'.repeat(50)}${'👩‍👩‍👧'.repeat(10)}日本語`.repeat(2);
    const physical = foldLine(line).split('\r\n');
    for (const part of physical) {
      expect(octets(part)).toBeLessThanOrEqual(75);
      // A split sequence would not survive a UTF-8 round trip.
      expect(Buffer.from(part, 'utf8').toString('utf8')).toBe(part);
      expect(part).not.toMatch(/\uFFFD|[\uD800-\uDBFF]$|^ ?[\uDC00-\uDFFF]/);
    }
    expect(physical.join('\r\n').replace(/\r\n /g, '')).toBe(line);
  });

  it('writes UTC times', () => {
    expect(utcDateTime('2026-03-07T09:30:00+01:00')).toBe('20260307T083000Z');
  });

  it('builds a calendar with CRLF endings and one VEVENT per event', () => {
    const text = buildIcal({
      prodId: '-//MCC//Content calendar//EN',
      name: 'Acme, Bakery',
      timeZone: 'Europe/Berlin',
      stamp: '2026-01-01T00:00:00.000Z',
      events: [
        {
          uid: 'a@mcc',
          start: '2026-03-07T08:30:00.000Z',
          durationMinutes: 30,
          summary: 'X: Sourdough; fresh',
          description: 'Line one\nLine two',
          status: 'CONFIRMED',
        },
      ],
    });
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    expect(unfoldLines(text)).toEqual([
      'BEGIN:VCALENDAR',
      'PRODID:-//MCC//Content calendar//EN',
      'VERSION:2.0',
      'CALSCALE:GREGORIAN',
      'METHOD:PUBLISH',
      'X-WR-CALNAME:Acme\\, Bakery',
      'X-WR-TIMEZONE:Europe/Berlin',
      'BEGIN:VEVENT',
      'UID:a@mcc',
      'DTSTAMP:20260101T000000Z',
      'DTSTART:20260307T083000Z',
      'DTEND:20260307T090000Z',
      'SUMMARY:X: Sourdough\\; fresh',
      'DESCRIPTION:Line one\\nLine two',
      'STATUS:CONFIRMED',
      'END:VEVENT',
      'END:VCALENDAR',
    ]);
  });
});
