import { describe, expect, it } from 'vitest';
import { isAppError } from '#server/errors/app-error.js';
import { decodeCursor, encodeCursor } from './cursor.js';

describe('page cursors', () => {
  it('round-trips a position', () => {
    const cursor = encodeCursor(['name.desc', 'Spring “sale”', 'id-1']);
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeCursor(cursor, 'name.desc', 3)).toEqual(['Spring “sale”', 'id-1']);
  });

  it.each([
    ['garbage', 'not base64 json at all!'],
    ['another order', encodeCursor(['name.asc', 'a', 'b'])],
    ['wrong size', encodeCursor(['name.desc', 'a'])],
    ['non-string parts', Buffer.from(JSON.stringify(['name.desc', 1, 2])).toString('base64url')],
    ['an object', Buffer.from(JSON.stringify({ a: 1 })).toString('base64url')],
    ['a NUL character in a part', encodeCursor(['name.desc', 'a\u0000', 'b'])],
  ])('refuses %s as a validation error on query.cursor', (_name, cursor) => {
    try {
      decodeCursor(cursor, 'name.desc', 3);
      expect.unreachable();
    } catch (error) {
      expect(isAppError(error, 'validation_failed')).toBe(true);
      expect((error as { options: { errors: Array<{ path: string }> } }).options.errors[0]?.path).toBe(
        'query.cursor',
      );
    }
  });
});
