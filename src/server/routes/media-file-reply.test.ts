import { describe, expect, it } from 'vitest';
import { contentDisposition, parseRange } from './media-file-reply.js';

describe('parseRange', () => {
  it.each([
    ['bytes=0-99', { start: 0, end: 99 }],
    ['bytes=100-', { start: 100, end: Number.MAX_SAFE_INTEGER }],
    [' bytes=5-5 ', { start: 5, end: 5 }],
    ['bytes=-500', { suffix: 500 }],
    ['bytes=-0', { suffix: 0 }],
  ])('reads %j', (header, range) => {
    expect(parseRange(header)).toEqual(range);
  });

  it.each([undefined, '', 'bytes=-', 'bytes=--5', 'bytes=0-1,5-9', 'items=0-5', 'bytes=9-3', 'bytes=abc'])(
    'sends the whole file for %j',
    (header) => {
      expect(parseRange(header)).toBeUndefined();
    },
  );
});

describe('contentDisposition', () => {
  it('keeps plain names and escapes everything that could break the header', () => {
    expect(contentDisposition('beach.jpg')).toBe(`inline; filename="beach.jpg"; filename*=UTF-8''beach.jpg`);
    expect(contentDisposition('a"b\\c\r\nSet-Cookie: x.jpg')).toBe(
      `inline; filename="a_b_c__Set-Cookie: x.jpg"; filename*=UTF-8''a%22b%5Cc%0D%0ASet-Cookie%3A%20x.jpg`,
    );
    expect(contentDisposition('café (1).png')).toBe(
      `inline; filename="caf_ (1).png"; filename*=UTF-8''caf%C3%A9%20%281%29.png`,
    );
  });
});
