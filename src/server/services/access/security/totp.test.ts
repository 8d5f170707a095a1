import { generate } from 'otplib';
import { describe, expect, it } from 'vitest';
import { Totp } from './totp.js';

// RFC 6238 appendix B's SHA-1 secret ("12345678901234567890"), base32.
const RFC_SECRET = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';

const at = (seconds: number) => () => new Date(seconds * 1000);
const codeAt = (secret: string, seconds: number) => generate({ secret, epoch: seconds });

describe('Totp', () => {
  it('accepts RFC 6238 test vectors (6-digit truncation) and names their step', async () => {
    expect(await new Totp(at(59)).matchingStep(RFC_SECRET, '287082')).toBe(1);
    expect(await new Totp(at(1_111_111_109)).matchingStep(RFC_SECRET, '081804')).toBe(37_037_036);
  });

  it('accepts one step either side and nothing further', async () => {
    const secret = new Totp(at(0)).newSecret();
    const now = 1_800_000_000; // a step boundary: 60_000_000 × 30
    const totp = new Totp(at(now + 10));
    expect(await totp.matchingStep(secret, await codeAt(secret, now - 30))).toBe(59_999_999);
    expect(await totp.matchingStep(secret, await codeAt(secret, now))).toBe(60_000_000);
    expect(await totp.matchingStep(secret, await codeAt(secret, now + 30))).toBe(60_000_001);
    expect(await totp.matchingStep(secret, await codeAt(secret, now - 60))).toBeUndefined();
    expect(await totp.matchingStep(secret, await codeAt(secret, now + 60))).toBeUndefined();
  });

  it('refuses a code whose step is not after the last one used', async () => {
    const secret = new Totp(at(0)).newSecret();
    const now = 1_800_000_000;
    const totp = new Totp(at(now));
    const code = await codeAt(secret, now);
    expect(await totp.matchingStep(secret, code, 60_000_000)).toBeUndefined();
    expect(await totp.matchingStep(secret, code, 59_999_999)).toBe(60_000_000);
  });

  it('writes an otpauth URI with the issuer, the account and the secret', () => {
    const uri = new URL(new Totp(at(0)).uri(RFC_SECRET, 'ada@example.com'));
    expect(uri.protocol).toBe('otpauth:');
    expect(decodeURIComponent(uri.pathname)).toContain('ada@example.com');
    expect(uri.searchParams.get('secret')).toBe(RFC_SECRET);
    expect(uri.searchParams.get('issuer')).toBe('Marketing Command Center');
  });
});
