import { afterEach, describe, expect, it } from 'vitest';
import { formatCivilDate, formatDateTime } from './format-date.js';
import {
  formatBytes,
  formatDuration,
  formatNumber,
  formattingLocale,
  numberFormat,
  setWorkspaceRegion,
} from './workspace-format.js';

describe('workspace formatting', () => {
  afterEach(() => setWorkspaceRegion(undefined));

  it('writes numbers and dates as the workspace does, on its clock', () => {
    setWorkspaceRegion({ locale: 'fr-FR', time_zone: 'Europe/Paris' });

    // French groups thousands with a narrow no-break space and writes a decimal comma.
    expect(formatNumber(1234.5)).toBe('1\u202f234,5');
    expect(numberFormat({ style: 'currency', currency: 'EUR' }).format(12.4)).toBe('12,40\u00a0€');
    // 13:05 UTC is 14:05 in Paris in December.
    expect(formatDateTime('2026-12-07T13:05:00Z')).toBe('7 déc. 2026, 14:05');
    // A calendar date is the same day whatever the zone.
    expect(formatCivilDate('2026-12-07')).toBe('7 déc. 2026');
  });

  it('writes durations and file sizes in the workspace’s units', () => {
    setWorkspaceRegion({ locale: 'en-GB', time_zone: 'Europe/London' });
    expect(formatDuration(87)).toBe('87 ms');
    expect(formatDuration(2350)).toBe('2.4 secs');
    expect(formatBytes(512)).toBe('512 bytes');
    expect(formatBytes(1_572_864)).toBe('1.5 MB');
    expect(formatBytes(25 * 1024 * 1024)).toBe('25 MB');
    setWorkspaceRegion({ locale: 'fr-FR', time_zone: 'Europe/Paris' });
    // A narrow no-break space before a short unit, a no-break space before a long one.
    expect(formatDuration(2350)).toBe('2,4\u202fs');
    expect(formatBytes(512)).toBe('512\u00a0octets');
    expect(formatBytes(1_572_864)).toBe('1,5\u202fMo');
  });

  it('follows the workspace it is set to, then the browser again outside one', () => {
    setWorkspaceRegion({ locale: 'en-US', time_zone: 'America/New_York' });
    expect(formatDateTime('2026-12-07T13:05:00Z')).toBe('Dec 7, 2026, 8:05 AM');
    setWorkspaceRegion({ locale: 'en-GB', time_zone: 'Europe/Lisbon' });
    expect(formatDateTime('2026-12-07T13:05:00Z')).toBe('7 Dec 2026, 13:05');

    setWorkspaceRegion(undefined);
    expect(formattingLocale()).toBeUndefined();
    expect(formatNumber(1234.5)).toBe(new Intl.NumberFormat().format(1234.5));
  });

  it('falls back to the browser for a locale or zone Intl does not know', () => {
    // The API's pattern allows `en-GB-GB`; Intl refuses a region twice.
    setWorkspaceRegion({ locale: 'en-GB-GB', time_zone: 'Mars/Olympus' });
    expect(formattingLocale()).toBeUndefined();
    expect(formatDateTime('2026-12-07T13:05:00Z')).toBe(
      new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' }).format(
        new Date('2026-12-07T13:05:00Z'),
      ),
    );
  });
});
