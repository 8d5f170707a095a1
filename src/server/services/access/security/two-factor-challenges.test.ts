import { describe, expect, it } from 'vitest';
import { TwoFactorChallenges } from './two-factor-challenges.js';

describe('TwoFactorChallenges', () => {
  let now = new Date('2026-03-01T10:00:00Z');
  const challenges = new TwoFactorChallenges('a-secret-of-enough-length-0123456789', 300, () => now);

  it('names the account until it expires', () => {
    now = new Date('2026-03-01T10:00:00Z');
    const challenge = challenges.issue('user-1');
    expect(challenges.verify(challenge)).toBe('user-1');
    now = new Date('2026-03-01T10:04:59Z');
    expect(challenges.verify(challenge)).toBe('user-1');
    now = new Date('2026-03-01T10:05:00Z');
    expect(challenges.verify(challenge)).toBeUndefined();
  });

  it('refuses a changed payload, another key, and garbage', () => {
    now = new Date('2026-03-01T10:00:00Z');
    const [, mac] = challenges.issue('user-1').split('.');
    const forged = `${Buffer.from(JSON.stringify({ sub: 'user-2', exp: 2e9 })).toString('base64url')}.${mac}`;
    expect(challenges.verify(forged)).toBeUndefined();
    const other = new TwoFactorChallenges('another-secret-of-enough-length-0123', 300, () => now);
    expect(challenges.verify(other.issue('user-1'))).toBeUndefined();
    expect(challenges.verify('not-a-challenge')).toBeUndefined();
    expect(challenges.verify('a.b.c')).toBeUndefined();
  });
});
