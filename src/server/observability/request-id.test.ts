import { describe, expect, it } from 'vitest';
import { isSaneRequestId, requestIdFor } from './request-id.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe('requestIdFor', () => {
  it('adopts a plain incoming id', () => {
    expect(requestIdFor({ headers: { 'x-request-id': 'edge-01:abc.DEF_9' } })).toBe('edge-01:abc.DEF_9');
  });

  it('mints a UUID when the header is missing', () => {
    expect(requestIdFor({ headers: {} })).toMatch(UUID);
  });

  it.each([
    ['too long', 'a'.repeat(129)],
    ['a newline', 'abc\ninjected'],
    ['spaces', 'abc def'],
    ['markup', '<script>'],
    ['empty', ''],
  ])('replaces an id with %s', (_label, id) => {
    expect(requestIdFor({ headers: { 'x-request-id': id } })).toMatch(UUID);
  });

  it('accepts exactly 128 characters', () => {
    expect(isSaneRequestId('a'.repeat(128))).toBe(true);
  });

  it('rejects a repeated header (an array)', () => {
    expect(isSaneRequestId(['a', 'b'])).toBe(false);
  });
});
