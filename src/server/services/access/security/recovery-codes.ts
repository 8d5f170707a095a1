import { randomInt } from 'node:crypto';
import { sha256 } from './tokens.js';

// Crockford-style base32 without look-alikes (no i, l, o, u): easy to read off paper and type.
const ALPHABET = 'abcdefghjkmnpqrstvwxyz0123456789';
const GROUPS = 4;
const GROUP_LENGTH = 4;

/**
 * One recovery code: 16 characters from a 32-letter alphabet, 80 random bits, shown as
 * `abcd-efgh-jkmn-pqrs`. 80 bits is why a plain SHA-256 digest is enough to store it: unlike a password,
 * nobody can enumerate the code space to invert the digest, so a slow password hash would only cost
 * time on every sign-in with a code.
 */
export function newRecoveryCode(): string {
  const groups: string[] = [];
  for (let group = 0; group < GROUPS; group += 1) {
    let part = '';
    for (let i = 0; i < GROUP_LENGTH; i += 1) part += ALPHABET[randomInt(ALPHABET.length)];
    groups.push(part);
  }
  return groups.join('-');
}

/** A typed code as stored: lower case, without spaces or dashes; undefined when it cannot be a code. */
export function normaliseRecoveryCode(typed: string): string | undefined {
  const code = typed.toLowerCase().replace(/[\s-]+/g, '');
  return code.length === GROUPS * GROUP_LENGTH && [...code].every((c) => ALPHABET.includes(c))
    ? code
    : undefined;
}

/** The stored digest of a (normalised) recovery code. */
export function recoveryCodeDigest(normalised: string): string {
  return sha256(`mcc recovery code:${normalised}`);
}

/** A new set of `count` recovery codes, to show once, and the digests to store. */
export function newRecoveryCodes(count: number): { codes: string[]; digests: string[] } {
  const codes = Array.from({ length: count }, newRecoveryCode);
  return { codes, digests: codes.map((code) => recoveryCodeDigest(normaliseRecoveryCode(code) ?? code)) };
}
