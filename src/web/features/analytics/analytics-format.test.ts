import { describe, expect, it } from 'vitest';
import { formatInput, formatMetric, formatMoney, formatPercent } from './analytics-format.js';

describe('analytics formats', () => {
  it('reads money in minor units with the currency’s own decimals', () => {
    expect(formatMoney(150_000, 'USD')).toMatch(/1,500\.00/);
    expect(formatMoney(1_500, 'JPY')).toMatch(/1,500/);
  });

  it('gives small rates two decimals and large ones none', () => {
    expect(formatPercent(0.0084)).toBe('0.84%');
    expect(formatPercent(0.42)).toBe('42%');
    expect(formatPercent(0)).toBe('0%');
  });

  it('formats each forecast metric as what it is, and a missing value as a dash', () => {
    expect(formatMetric('clicks', 1234.6, 'USD')).toMatch(/1,235/);
    expect(formatMetric('cpa', 2_550, 'USD')).toMatch(/25\.50/);
    expect(formatMetric('roas', 3.456, 'USD')).toBe('3.46×');
    expect(formatMetric('cpa', null, 'USD')).toBe('—');
  });

  it('reads CPM as money in major units and the other inputs as rates', () => {
    expect(formatInput('cpm', 7.5, 'USD')).toMatch(/7\.50/);
    expect(formatInput('ctr', 0.012, 'USD')).toBe('1.20%');
  });
});
