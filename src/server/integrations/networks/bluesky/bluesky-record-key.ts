import { createHash } from 'node:crypto';

// A post's record key is a TID (atproto.com/specs/tid): 64 bits, the top one zero, then 53 bits of
// microseconds since the epoch and a 10-bit clock id, written as 13 characters of base32-sortable. The PDS
// accepts a key the client chooses, so each part of a publication gets one derived from the publication's
// idempotency key and due time: every attempt writes the same record, and a retry after a lost answer finds
// the post already there instead of posting it twice. The due second stays in the key (so it sorts near
// when the post went out); the microseconds within that second and the clock id come from a hash (30
// bits), so two posts due the same second get different keys.

const BASE32_SORTABLE = '234567abcdefghijklmnopqrstuvwxyz';

/** A syntactically valid TID. */
export const TID_PATTERN = /^[234567abcdefghij][234567abcdefghijklmnopqrstuvwxyz]{12}$/;

/**
 * The record key of `key` due at `dueAt`; `candidate` picks another key for the same post when the first
 * is taken by a record that is not this post (a hash collision: about one in a billion per second).
 *
 * @example
 * recordKeyFor('item@2031-03-03T10:00:00.000Z#0', '2031-03-03T10:00:00.000Z'); // '3mb…' (13 characters)
 */
export function recordKeyFor(key: string, dueAt: string, candidate = 0): string {
  const due = new Date(dueAt).getTime();
  if (!Number.isFinite(due)) throw new Error(`Not a time: ${dueAt}`);
  const digest = createHash('sha256').update(`${key}\n${candidate}`).digest();
  const micros = BigInt(Math.floor(due / 1000)) * 1_000_000n + BigInt(digest.readUInt32BE(0) % 1_000_000);
  const clockId = BigInt(digest.readUInt16BE(4) % 1024);
  let value = (micros << 10n) | clockId;
  let text = '';
  for (let i = 0; i < 13; i += 1) {
    text = BASE32_SORTABLE[Number(value & 31n)] + text;
    value >>= 5n;
  }
  return text;
}

/** The microseconds since the epoch a TID carries. */
export function tidTime(tid: string): Date {
  let value = 0n;
  for (const char of tid) value = (value << 5n) | BigInt(BASE32_SORTABLE.indexOf(char));
  return new Date(Number((value >> 10n) / 1000n));
}
