import { AppError } from '#server/errors/app-error.js';
import { ruleFieldMessage } from '#shared/rule-field-messages.js';

// Page cursors are opaque to clients: base64url JSON of the sort's position. The first element names the
// order the cursor was made for, so a cursor reused with another sort is refused instead of skipping rows.

/**
 * An opaque cursor for a position in a list.
 * @example encodeCursor(['start_date.asc', '2026-03-01', '0190…']) // 'WyJzdGFydF9kYXRlLmFzYyIs…'
 */
export function encodeCursor(parts: readonly string[]): string {
  return Buffer.from(JSON.stringify(parts), 'utf8').toString('base64url');
}

/**
 * The position inside `cursor`, which must have been made for `order` with `size` parts in all.
 * Anything else (tampered, truncated, another sort) answers 400 on `query.cursor`.
 */
export function decodeCursor(cursor: string, order: string, size: number): string[] {
  let parts: unknown;
  try {
    parts = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    parts = undefined;
  }
  const valid =
    Array.isArray(parts) &&
    parts.length === size &&
    // A cursor is only ever one we made: a NUL (which PostgreSQL cannot compare) means it was forged.
    parts.every((part) => typeof part === 'string' && part.length <= 200 && !part.includes('\u0000')) &&
    parts[0] === order;
  if (!valid) {
    throw new AppError('validation_failed', 'The cursor is not valid for this list', {
      errors: [{ path: 'query.cursor', message: ruleFieldMessage('cursorInvalid'), code: 'invalid' }],
    });
  }
  return (parts as string[]).slice(1);
}
