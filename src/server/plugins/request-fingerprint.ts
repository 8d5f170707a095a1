import { createHash } from 'node:crypto';

/** What identifies a request for `Idempotency-Key`: the same parts with the same values are the same request. */
export interface FingerprintParts {
  method: string;
  /** The route's pattern (`/api/business/:id/api-keys`), so one key cannot serve two endpoints. */
  route: string;
  params: unknown;
  query: unknown;
  /** The parsed, validated body: key order and white space do not matter, defaults are filled in. */
  body: unknown;
}

/** JSON's own value for `value`, with every object's keys sorted and undefined members left out. */
function canonical(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  const withToJson = value as { toJSON?: () => unknown };
  if (typeof withToJson.toJSON === 'function') return canonical(withToJson.toJSON());
  if (Array.isArray(value)) return value.map((item) => (item === undefined ? null : canonical(item)));
  const record = value as Record<string, unknown>;
  return Object.fromEntries(
    Object.keys(record)
      .sort()
      .filter((key) => record[key] !== undefined)
      .map((key) => [key, canonical(record[key])]),
  );
}

/**
 * SHA-256 (hex) of a request's method, route, params, query and body in canonical JSON.
 *
 * @example
 * requestFingerprint({ method: 'POST', route: '/api/campaign/', params: {}, query: {}, body: { name: 'A' } });
 */
export function requestFingerprint(parts: FingerprintParts): string {
  const text = JSON.stringify(
    canonical({
      method: parts.method,
      route: parts.route,
      params: parts.params ?? {},
      query: parts.query ?? {},
      body: parts.body ?? null,
    }),
  );
  return createHash('sha256').update(text).digest('hex');
}
