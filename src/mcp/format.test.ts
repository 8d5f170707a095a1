import { describe, expect, it } from 'vitest';
import { count, excerpt, microUsd, money, nextPageLine, num } from './format.js';

describe('answer formatting', () => {
  it('writes money from minor units with the currency’s own decimals', () => {
    expect(money(250_000, 'EUR')).toBe('2,500.00 EUR');
    expect(money(1500, 'JPY')).toBe('1,500 JPY');
    expect(money(1234, 'KWD')).toBe('1.234 KWD');
    expect(money(5, 'NOT A CODE')).toBe('5 minor units of NOT A CODE');
  });

  it('writes AI costs from micro-dollars, keeping small amounts visible', () => {
    expect(microUsd(0)).toBe('$0.00');
    expect(microUsd(4_200)).toBe('$0.0042');
    expect(microUsd(12_345_678)).toBe('$12.35');
  });

  it('writes counts, numbers and excerpts', () => {
    expect(count(1, 'campaign')).toBe('1 campaign');
    expect(count(3, 'reply', 'replies')).toBe('3 replies');
    expect(num(null)).toBe('n/a');
    expect(num(1234.567, 1)).toBe('1,234.6');
    expect(excerpt('a  b\n c')).toBe('a b c');
    expect(excerpt('x'.repeat(10), 5)).toBe('xxxx…');
    expect(nextPageLine(null)).toEqual([]);
    expect(nextPageLine('abc')).toEqual(['More results: call again with cursor "abc".']);
  });
});
