import { createHash, createHmac, randomBytes } from 'node:crypto';

// The identifiers a PDS hands out, made the way atproto.com/specs describes them, so the official client's
// lexicon checks of every answer accept them: `did:plc:` + 24 base32 characters, CIDv1 (sha2-256; dag-cbor
// for records, raw for blobs) in base32 multibase, TIDs, and HS256 JWTs like the reference PDS's sessions.

const BASE32 = 'abcdefghijklmnopqrstuvwxyz234567';
const BASE32_SORTABLE = '234567abcdefghijklmnopqrstuvwxyz';
const DAG_CBOR = 0x71;
const RAW = 0x55;
const SHA2_256 = 0x12;

function base32(bytes: Uint8Array): string {
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += BASE32[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += BASE32[(value << (5 - bits)) & 31];
  return out;
}

function cidOf(codec: number, bytes: Uint8Array): string {
  const digest = createHash('sha256').update(bytes).digest();
  return `b${base32(Uint8Array.from([0x01, codec, SHA2_256, digest.length, ...digest]))}`;
}

/** A record's CID. The fake hashes its JSON, not its DAG-CBOR encoding: a valid CID, not the PDS's exact one. */
export function recordCid(value: unknown): string {
  return cidOf(DAG_CBOR, Buffer.from(JSON.stringify(value)));
}

/** A blob's CID (raw codec over its bytes, as the PDS makes them). */
export function blobCid(bytes: Uint8Array): string {
  return cidOf(RAW, bytes);
}

/** A `did:plc:` identifier for a handle (stable for the same handle). */
export function plcDid(handle: string): string {
  return `did:plc:${base32(createHash('sha256').update(handle).digest()).slice(0, 24)}`;
}

/** A TID for `at` (a fresh clock id each time). */
export function tidAt(at: Date): string {
  let value = (BigInt(at.getTime()) * 1000n) << 10n;
  value |= BigInt(randomBytes(2).readUInt16BE(0) % 1024);
  let text = '';
  for (let i = 0; i < 13; i += 1) {
    text = BASE32_SORTABLE[Number(value & 31n)] + text;
    value >>= 5n;
  }
  return text;
}

/** A record key a post may have (atproto.com/specs/tid). */
export const TID = /^[234567abcdefghij][234567abcdefghijklmnopqrstuvwxyz]{12}$/;
/** Any record key (atproto.com/specs/record-key). */
export const RECORD_KEY = /^[A-Za-z0-9._:~-]{1,512}$/;

/** HS256 JWTs signed with the fake's own key, like the reference PDS's access and refresh tokens. */
export class Jwts {
  private readonly key = randomBytes(32);

  sign(type: 'at+jwt' | 'refresh+jwt', payload: Record<string, unknown>): string {
    const head = Buffer.from(JSON.stringify({ typ: type, alg: 'HS256' })).toString('base64url');
    const body = Buffer.from(JSON.stringify(payload)).toString('base64url');
    return `${head}.${body}.${this.mac(`${head}.${body}`)}`;
  }

  /** The token's header type and claims if this fake signed it; undefined otherwise. */
  verify(token: string): { type: string; claims: Record<string, unknown> } | undefined {
    const [head, body, signature] = token.split('.');
    if (!head || !body || !signature || signature !== this.mac(`${head}.${body}`)) return undefined;
    try {
      const header = JSON.parse(Buffer.from(head, 'base64url').toString('utf8')) as { typ?: unknown };
      const claims = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as Record<string, unknown>;
      return { type: String(header.typ), claims };
    } catch {
      return undefined;
    }
  }

  private mac(input: string): string {
    return createHmac('sha256', this.key).update(input).digest('base64url');
  }
}

/**
 * A TID for `at` that sorts after `previous` (the chat service's revs only grow: a message in the same
 * microsecond as the last one still gets a later rev).
 */
export function tidAfter(previous: string | null, at: Date): string {
  let micros = BigInt(at.getTime()) * 1000n;
  if (previous) {
    const last = decodeTid(previous) >> 10n;
    if (micros <= last) micros = last + 1n;
  }
  let value = micros << 10n;
  let text = '';
  for (let i = 0; i < 13; i += 1) {
    text = BASE32_SORTABLE[Number(value & 31n)] + text;
    value >>= 5n;
  }
  return text;
}

function decodeTid(tid: string): bigint {
  let value = 0n;
  for (const char of tid) value = (value << 5n) | BigInt(BASE32_SORTABLE.indexOf(char));
  return value;
}
