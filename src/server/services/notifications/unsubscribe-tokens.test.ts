import { describe, expect, it } from 'vitest';
import { UnsubscribeTokens } from './unsubscribe-tokens.js';

const claim = {
  userId: '01900000-0000-7000-8000-000000000001',
  businessId: '01900000-0000-7000-8000-000000000002',
  kind: 'review_requested' as const,
};

describe('unsubscribe tokens', () => {
  const tokens = new UnsubscribeTokens('a-secret-long-enough-for-the-tests-0123456789');

  it('round-trips the person, the workspace and the kind', () => {
    const token = tokens.issue(claim);
    expect(token).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);
    expect(tokens.verify(token)).toEqual(claim);
  });

  it('refuses a token changed in any part, or signed under another secret', () => {
    const token = tokens.issue(claim);
    const [payload, mac] = token.split('.') as [string, string];
    const forged = Buffer.from(
      JSON.stringify({ u: claim.userId, b: claim.businessId, k: 'weekly_digest' }),
    ).toString('base64url');
    expect(tokens.verify(`${forged}.${mac}`)).toBeUndefined();
    expect(tokens.verify(`${payload}.${mac.slice(1)}x`)).toBeUndefined();
    expect(tokens.verify(`${payload}.${mac}.extra`)).toBeUndefined();
    expect(tokens.verify('not-a-token')).toBeUndefined();
    expect(new UnsubscribeTokens('another-secret-long-enough-0123456789').verify(token)).toBeUndefined();
  });

  it('refuses a genuine MAC over a kind that does not exist', () => {
    const other = new UnsubscribeTokens('a-secret-long-enough-for-the-tests-0123456789');
    const token = other.issue({ ...claim, kind: 'no_such_kind' as never });
    expect(other.verify(token)).toBeUndefined();
  });
});
