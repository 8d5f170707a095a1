// Determinism for the offline writer: the same input and business give the same words. A 32-bit FNV-1a
// hash of the input seeds a small PRNG (mulberry32); neither is for security.

/**
 * A 32-bit FNV-1a hash of the parts, joined with a separator so ['ab', 'c'] and ['a', 'bc'] differ.
 * @example hashSeed('writeContent', 'x', 'Spring menu') // a stable unsigned 32-bit integer
 */
export function hashSeed(...parts: readonly unknown[]): number {
  let hash = 0x811c9dc5;
  const text = parts.map((part) => (typeof part === 'string' ? part : JSON.stringify(part))).join('\u0001');
  for (let index = 0; index < text.length; index += 1) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** A source of numbers in [0, 1), reproducible from its seed. */
export type Random = () => number;

/** mulberry32: tiny, fast and well distributed enough for choosing phrasings. @example createRandom(42)() */
export function createRandom(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = state;
    value = Math.imul(value ^ (value >>> 15), value | 1);
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296;
  };
}

/** One element of a non-empty list. @example pick(createRandom(1), ['a', 'b']) */
export function pick<T>(random: Random, items: readonly T[]): T {
  const item = items[Math.floor(random() * items.length)];
  if (item === undefined) throw new Error('pick() needs a non-empty list');
  return item;
}

/** The element `offset` places after a seeded start: variants walk through a list without repeats. */
export function pickRotating<T>(random: Random, items: readonly T[], offset: number): T {
  const start = Math.floor(random() * items.length);
  const item = items[(start + offset) % items.length];
  if (item === undefined) throw new Error('pickRotating() needs a non-empty list');
  return item;
}
