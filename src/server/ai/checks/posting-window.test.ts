import { describe, expect, it } from 'vitest';
import { brandProfileSchema, EMPTY_BRAND_PROFILE } from '#shared/brand.schema.js';
import { describeWindow, fitIntoWindow, postingWindowFor } from './posting-window.js';

describe('posting windows', () => {
  it('defaults to 08:00–20:00 on every channel', () => {
    expect(describeWindow(postingWindowFor(EMPTY_BRAND_PROFILE, 'instagram'))).toBe('08:00–20:00');
  });

  it('takes the profile’s default and per-channel windows', () => {
    const brand = brandProfileSchema.parse({
      posting_window: {
        default: { start: '07:00', end: '19:00' },
        channels: { email: { start: '09:00', end: '11:30' } },
      },
    });
    expect(describeWindow(postingWindowFor(brand, 'x'))).toBe('07:00–19:00');
    expect(describeWindow(postingWindowFor(brand, 'email'))).toBe('09:00–11:30');
    const onlyChannels = brandProfileSchema.parse({
      posting_window: { channels: { sms: { start: '10:00', end: '18:00' } } },
    });
    expect(describeWindow(postingWindowFor(onlyChannels, 'linkedin'))).toBe('08:00–20:00');
  });

  it('refuses a window that ends before it starts, and profiles without one still parse', () => {
    const bad = brandProfileSchema.safeParse({
      posting_window: { default: { start: '20:00', end: '08:00' } },
    });
    expect(bad.success).toBe(false);
    expect(brandProfileSchema.parse({}).posting_window).toBeUndefined();
  });

  it('moves a time outside the window to its nearest end', () => {
    const window = { start: 8 * 60, end: 20 * 60 };
    expect(fitIntoWindow('03:15', window)).toBe('08:00');
    expect(fitIntoWindow('22:40', window)).toBe('20:00');
    expect(fitIntoWindow('12:05', window)).toBe('12:05');
    expect(fitIntoWindow('20:00', window)).toBe('20:00');
  });
});
