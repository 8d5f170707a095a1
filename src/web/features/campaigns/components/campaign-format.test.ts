import { describe, expect, it } from 'vitest';
import { minorDigits, toMinor } from './campaign-format.js';

describe('campaign money', () => {
  it('knows how many minor digits a currency has', () => {
    expect(minorDigits('EUR')).toBe(2);
    expect(minorDigits('JPY')).toBe(0);
  });

  it('turns typed amounts into minor units', () => {
    expect(toMinor('1,500.5', 'EUR')).toBe(150050);
    expect(toMinor('1500', 'JPY')).toBe(1500);
    expect(toMinor('0.1', 'USD')).toBe(10);
    expect(toMinor('-3', 'USD')).toBeUndefined();
    expect(toMinor('abc', 'USD')).toBeUndefined();
  });
});
