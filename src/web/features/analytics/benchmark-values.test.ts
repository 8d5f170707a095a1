import { describe, expect, it } from 'vitest';
import { overrideText, overrideValue } from './benchmark-values.js';

describe('benchmark override values', () => {
  it('reads rates as percentages and CPM as an amount; empty removes the override', () => {
    expect(overrideValue('ctr', '1.5')).toBe(0.015);
    expect(overrideValue('organic_reach', '12 %')).toBeCloseTo(0.12);
    expect(overrideValue('cpm', '8.25')).toBe(8.25);
    expect(overrideValue('cvr', '  ')).toBeNull();
  });

  it('refuses what is not a non-negative number', () => {
    expect(overrideValue('ctr', 'abc')).toBeUndefined();
    expect(overrideValue('cpm', '-1')).toBeUndefined();
  });

  it('shows a stored value the way it was typed', () => {
    expect(overrideText('ctr', 0.015)).toBe('1.5');
    expect(overrideText('engagement_rate', 0.0007)).toBe('0.07');
    expect(overrideText('cpm', 8.25)).toBe('8.25');
    expect(overrideText('cvr', null)).toBe('');
  });
});
