import { describe, expect, it } from 'vitest';
import { bodiesSoFar } from './stream-preview.js';

describe('bodiesSoFar', () => {
  it('reads finished and unfinished bodies out of partial JSON', () => {
    const text =
      '{"variants":[{"title":"One","body":"Line 1\\nLine \\"2\\""},{"title":"Two","body":"Fresh br';
    expect(bodiesSoFar(text)).toEqual(['Line 1\nLine "2"', 'Fresh br']);
  });

  it('decodes unicode escapes and drops a dangling backslash', () => {
    expect(bodiesSoFar('{"body":"caf\\u00e9 \\')).toEqual(['café ']);
    expect(bodiesSoFar('{"body":"half \\u00')).toEqual(['half ']);
    expect(bodiesSoFar('{"body":"C:\\\\u0041"}')).toEqual(['C:\\u0041']);
  });

  it('has nothing to show before a body starts', () => {
    expect(bodiesSoFar('{"variants":[{"title":"One"')).toEqual([]);
    expect(bodiesSoFar('plain text')).toEqual([]);
  });
});
