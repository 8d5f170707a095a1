import { describe, expect, it } from 'vitest';
import { FixedWindowLimiter, resetEpochSeconds, secondsUntil } from '../support/networks/rate-limit.js';
import { FakeSlackServer } from '../support/networks/slack/fake-slack-server.js';

// The contract fakes' rate limit (test/support/networks/rate-limit.ts), which the publishing bench trusts
// to count requests made past a limit.

describe('the fakes’ fixed-window rate limit', () => {
  it('refuses past the limit, counts a request after a 429 and before the reset as a violation, and reopens', () => {
    let now = 1_000_000;
    const limiter = new FixedWindowLimiter({ limit: 2, windowMs: 10_000 }, () => now);
    expect(limiter.take('a')).toMatchObject({ ok: true, remaining: 1, resetAtMs: 1_010_000 });
    now += 1_000;
    expect(limiter.take('a')).toMatchObject({ ok: true, remaining: 0, resetAfterMs: 9_000 });
    const refused = limiter.take('a');
    expect(refused).toMatchObject({ ok: false, remaining: 0 });
    expect(secondsUntil(refused)).toBe(9);
    expect(resetEpochSeconds(refused)).toBe(1_010);
    expect(limiter.take('b').ok).toBe(true);
    expect(limiter.violations).toBe(0);
    now += 5_000;
    expect(limiter.take('a').ok).toBe(false);
    expect(limiter.violations).toBe(1);
    now = 1_010_000;
    expect(limiter.take('a')).toMatchObject({ ok: true, remaining: 1 });
    expect({ accepted: limiter.accepted, refused: limiter.refused, violations: limiter.violations }).toEqual({
      accepted: 4,
      refused: 2,
      violations: 1,
    });
  });

  it('is answered in the network’s words by a fake (Slack: 429 rate_limited with Retry-After)', async () => {
    const slack = await FakeSlackServer.start();
    try {
      slack.limiter = new FixedWindowLimiter({ limit: 1, windowMs: 60_000 });
      const hook = slack.addWebhook('#news');
      const post = () =>
        fetch(`${slack.url}/services/${hook.team}/${hook.hook}/${hook.secret}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ text: 'Fresh bread' }),
        });
      expect((await post()).status).toBe(200);
      const limited = await post();
      expect(limited.status).toBe(429);
      expect(await limited.text()).toBe('rate_limited');
      expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(slack.messages).toHaveLength(1);
    } finally {
      await slack.close();
    }
  });
});
