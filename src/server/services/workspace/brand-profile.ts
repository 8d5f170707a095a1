import { type BrandProfile, brandProfileSchema, EMPTY_BRAND_PROFILE } from '#shared/brand.schema.js';

/**
 * The stored brand profile, with defaults filled in for fields added after it was saved. A profile that no
 * longer validates (a bound tightened since) falls back to its valid parts rather than failing every read.
 */
export function parseBrandProfile(json: string): BrandProfile {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    return EMPTY_BRAND_PROFILE;
  }
  const parsed = brandProfileSchema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const partial = brandProfileSchema.partial().safeParse(raw);
  return partial.success ? { ...EMPTY_BRAND_PROFILE, ...stripUndefined(partial.data) } : EMPTY_BRAND_PROFILE;
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
