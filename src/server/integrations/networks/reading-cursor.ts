// An account keeps one cursor for its conversations (`conversations_cursor`), but networks whose direct
// messages come from another endpoint than their mentions need two positions: where the mentions stopped
// and where the direct messages did. Both travel in the one string. A cursor stored before direct
// messages were read (a bare mention cursor: an id or a date) still reads as the mentions' position, and
// a cursor without a direct-message position is written the old way, so nothing stored needs migrating.

/** Where each of an account's two readings stopped; null where it has not read yet. */
export interface ReadingCursor {
  mentions: string | null;
  directMessages: string | null;
}

interface Stored {
  mentions?: unknown;
  direct_messages?: unknown;
}

/**
 * @example
 * readingCursor('1800000000000000001'); // { mentions: '1800000000000000001', directMessages: null }
 * readingCursor('{"mentions":"18…","direct_messages":"19…"}'); // { mentions: '18…', directMessages: '19…' }
 */
export function readingCursor(stored: string | null): ReadingCursor {
  if (!stored) return { mentions: null, directMessages: null };
  if (!stored.startsWith('{')) return { mentions: stored, directMessages: null };
  try {
    const parsed = JSON.parse(stored) as Stored;
    return { mentions: text(parsed.mentions), directMessages: text(parsed.direct_messages) };
  } catch {
    // Not ours: no network's own cursor starts with a brace, so it is as good as none.
    return { mentions: null, directMessages: null };
  }
}

/** The string to store; the bare mention cursor while there is no direct-message position. */
export function storedCursor(cursor: ReadingCursor): string | null {
  if (cursor.directMessages === null) return cursor.mentions;
  return JSON.stringify({ mentions: cursor.mentions, direct_messages: cursor.directMessages });
}

function text(value: unknown): string | null {
  return typeof value === 'string' && value.length > 0 ? value : null;
}
