import { describe, expect, it } from 'vitest';
import { readingCursor, storedCursor } from './reading-cursor.js';

// One stored string for two readings: cursors stored before direct messages were read keep working, and a
// cursor without a direct-message position is written the way it always was.

describe('reading cursor', () => {
  it('reads a cursor stored before direct messages as the mentions’ position', () => {
    expect(readingCursor(null)).toEqual({ mentions: null, directMessages: null });
    expect(readingCursor('1800000000000000042')).toEqual({
      mentions: '1800000000000000042',
      directMessages: null,
    });
    expect(readingCursor('2031-03-03T10:00:00.000Z')).toEqual({
      mentions: '2031-03-03T10:00:00.000Z',
      directMessages: null,
    });
  });

  it('keeps both positions through the stored string, and writes the bare one without direct messages', () => {
    const both = { mentions: '2031-03-03T10:00:00.000Z', directMessages: '3lcv2ttzjxk2c' };
    const stored = storedCursor(both);
    expect(stored).not.toBe(both.mentions);
    expect(readingCursor(stored)).toEqual(both);
    expect(readingCursor(storedCursor({ mentions: null, directMessages: '42' }))).toEqual({
      mentions: null,
      directMessages: '42',
    });
    expect(storedCursor({ mentions: '1800000000000000042', directMessages: null })).toBe(
      '1800000000000000042',
    );
    expect(storedCursor({ mentions: null, directMessages: null })).toBeNull();
  });

  it('starts over from a cursor it cannot read rather than failing the reading', () => {
    expect(readingCursor('{not json')).toEqual({ mentions: null, directMessages: null });
  });
});
