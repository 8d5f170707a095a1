import { describe, expect, it } from 'vitest';
import { setWorkspaceRegion } from '#web/lib/workspace-format.js';
import { formatMicroUsd, parseUsd, usdInputValue } from './money.js';

describe('formatMicroUsd', () => {
  it('keeps cents for whole dollars and nothing', () => {
    expect(formatMicroUsd(12_400_000, 'en-US')).toBe('$12.40');
    expect(formatMicroUsd(1_234_567_891, 'en-US')).toBe('$1,234.57');
    expect(formatMicroUsd(0, 'en-US')).toBe('$0.00');
  });

  it('keeps two significant digits under a cent, so a single call never shows as $0.00', () => {
    expect(formatMicroUsd(4_200, 'en-US')).toBe('$0.0042');
    expect(formatMicroUsd(4_251, 'en-US')).toBe('$0.0043');
    expect(formatMicroUsd(1, 'en-US')).toBe('$0.000001');
  });

  it('shows up to four decimals between a cent and a dollar', () => {
    expect(formatMicroUsd(150_000, 'en-US')).toBe('$0.15');
    expect(formatMicroUsd(15_000, 'en-US')).toBe('$0.015');
    expect(formatMicroUsd(123_456, 'en-US')).toBe('$0.1235');
  });

  it('follows the locale', () => {
    expect(formatMicroUsd(12_400_000, 'de-DE')).toBe('12,40\u00a0$');
  });
});

describe('parseUsd', () => {
  it('converts exactly, without floating-point drift', () => {
    expect(parseUsd('12.40')).toBe(12_400_000);
    expect(parseUsd('0.29')).toBe(290_000);
    expect(parseUsd('$5')).toBe(5_000_000);
    expect(parseUsd(' 0,5 ')).toBe(500_000);
    expect(parseUsd('0.000001')).toBe(1);
    expect(parseUsd('7.')).toBe(7_000_000);
  });

  it('refuses what is not an amount', () => {
    for (const input of ['', 'abc', '-3', '1.2345678', '1e3', '1,000.00']) {
      expect(parseUsd(input)).toBeUndefined();
    }
  });
});

describe('usdInputValue', () => {
  it('round-trips with parseUsd', () => {
    expect(usdInputValue(12_400_000)).toBe('12.40');
    expect(usdInputValue(4_200)).toBe('0.0042');
    expect(usdInputValue(0)).toBe('0.00');
    for (const micro of [1, 99, 290_000, 5_000_000, 123_456_789]) {
      expect(parseUsd(usdInputValue(micro))).toBe(micro);
    }
  });

  it('writes the workspace’s decimal separator, and reads it back', () => {
    setWorkspaceRegion({ locale: 'fr-FR', time_zone: 'Europe/Paris' });
    try {
      expect(usdInputValue(12_400_000)).toBe('12,40');
      expect(parseUsd(usdInputValue(290_000))).toBe(290_000);
    } finally {
      setWorkspaceRegion(undefined);
    }
  });
});
