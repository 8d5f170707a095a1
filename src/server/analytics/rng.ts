// A seeded, fast pseudo-random generator for the forecast kernel: xoshiro128** (Blackman & Vigna, 2018)
// on 32-bit integer arithmetic, seeded through splitmix32. Only integer operations with defined 32-bit
// wrap-around (Math.imul, shifts, xor) touch the state, so the same seed yields the same stream on every
// machine, in a worker or inline. Math.random cannot be seeded, hence this.

/** The largest seed accepted: seeds are unsigned 32-bit integers. */
export const MAX_SEED = 0xffff_ffff;
const TWO_POW_32 = 4_294_967_296;

/**
 * A xoshiro128** stream. `uint32()` is the raw output; `uniform()` a double in the open interval (0, 1),
 * never 0 or 1, so `Math.log(rng.uniform())` is always finite.
 *
 * @example
 * const rng = new Rng(42);
 * const u = rng.uniform(); // the same value on every machine for seed 42
 */
export class Rng {
  // An Int32Array, not four number fields: int32 values outside V8's small-integer range would be boxed
  // on every store to a field, which made each draw several times slower.
  private readonly s = new Int32Array(4);

  /** A stream from raw state words (the reference test vectors use `[1, 2, 3, 4]`). */
  static fromState(state: readonly [number, number, number, number]): Rng {
    const rng = new Rng(0);
    rng.s.set(state.map((word) => word | 0));
    return rng;
  }

  constructor(seed: number) {
    if (!Number.isInteger(seed) || seed < 0 || seed > MAX_SEED) {
      throw new RangeError(`The seed must be an integer from 0 to ${MAX_SEED}`);
    }
    // splitmix32 spreads one 32-bit seed over 128 bits of state; it never yields the all-zero state
    // from four consecutive outputs, which xoshiro must avoid.
    let x = seed | 0;
    for (let i = 0; i < 4; i++) {
      x = (x + 0x9e3779b9) | 0;
      let z = x;
      z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
      z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
      this.s[i] = z ^ (z >>> 16);
    }
  }

  /** The next output as a signed 32-bit integer (the ziggurat wants the sign bit). */
  int32(): number {
    const s = this.s;
    const s0 = s[0] as number;
    const s1 = s[1] as number;
    const s2 = (s[2] as number) ^ s0;
    const s3 = (s[3] as number) ^ s1;
    const result = Math.imul(rotl(Math.imul(s1, 5), 7), 9);
    s[1] = s1 ^ s2;
    s[0] = s0 ^ s3;
    s[2] = s2 ^ (s1 << 9);
    s[3] = rotl(s3, 11);
    return result;
  }

  /** The next output as an unsigned 32-bit integer. */
  uint32(): number {
    return this.int32() >>> 0;
  }

  /** A double in (0, 1): the 32-bit output centred in its bucket, so neither end is reachable. */
  uniform(): number {
    return ((this.int32() >>> 0) + 0.5) / TWO_POW_32;
  }
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}

/**
 * A derived seed for stream `index` of a run, so independent parts (per-channel streams, the count noise)
 * never share draws and adding a channel does not shift the draws of the others.
 *
 * @example
 * const rng = new Rng(deriveSeed(42, 3));
 */
export function deriveSeed(seed: number, index: number): number {
  let z = (seed ^ Math.imul(index + 1, 0x9e3779b9)) | 0;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return (z ^ (z >>> 16)) >>> 0;
}
