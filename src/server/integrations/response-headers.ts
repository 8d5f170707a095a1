/** The answer headers kept for people to read: none of them carries what the receiver knows. */
export const SAFE_RESPONSE_HEADERS = [
  'content-type',
  'content-length',
  'retry-after',
  'x-request-id',
  'request-id',
] as const;

/** How much of one header value is kept. */
const MAX_VALUE_LENGTH = 200;

/**
 * The safe subset of a receiver's answer headers (names lower-cased), or null when it sent none of them.
 * The body is never kept: with internal hosts allow-listed it would let a workspace read internal services.
 *
 * @example
 * safeResponseHeaders((name) => response.headers.get(name)); // { 'content-type': 'application/json' }
 */
export function safeResponseHeaders(
  read: (name: string) => string | string[] | null | undefined,
): Record<string, string> | null {
  const kept: Record<string, string> = {};
  for (const name of SAFE_RESPONSE_HEADERS) {
    const value = read(name);
    const text = Array.isArray(value) ? value.join(', ') : value;
    if (text) kept[name] = text.slice(0, MAX_VALUE_LENGTH);
  }
  return Object.keys(kept).length > 0 ? kept : null;
}
