import { describe, expect, it } from 'vitest';
import { newRecoveryCode, normaliseRecoveryCode, recoveryCodeDigest } from './recovery-codes.js';

describe('recovery codes', () => {
  it('are four groups of four unambiguous characters, all different', () => {
    const codes = Array.from({ length: 50 }, newRecoveryCode);
    for (const code of codes) expect(code).toMatch(/^[a-hjkmnp-tv-z0-9]{4}(-[a-hjkmnp-tv-z0-9]{4}){3}$/);
    expect(new Set(codes).size).toBe(50);
  });

  it('normalise case, spaces and dashes, and refuse what cannot be a code', () => {
    const code = newRecoveryCode();
    const normalised = normaliseRecoveryCode(code);
    expect(normaliseRecoveryCode(` ${code.toUpperCase().replaceAll('-', ' ')} `)).toBe(normalised);
    expect(normaliseRecoveryCode('123456')).toBeUndefined();
    expect(normaliseRecoveryCode('iiii-llll-oooo-uuuu')).toBeUndefined();
  });

  it('are stored as a digest that is not the code', () => {
    const normalised = normaliseRecoveryCode(newRecoveryCode()) ?? '';
    expect(recoveryCodeDigest(normalised)).toMatch(/^[0-9a-f]{64}$/);
    expect(recoveryCodeDigest(normalised)).not.toContain(normalised);
  });
});
