import { describe, expect, it } from 'vitest';
import { BEST_TIMES_MIN_RESULTS } from '#shared/queues.schema.js';
import { bestTimes, type PublishedResult } from './best-times.js';

/** `count` posts published at `iso`, each with `impressions` and `engagements`. */
function posts(count: number, iso: string, impressions: number, engagements: number): PublishedResult[] {
  return Array.from({ length: count }, () => ({ published_at: iso, impressions, engagements }));
}

describe('bestTimes', () => {
  it('falls back to the network’s times below the threshold and says how many results it has', () => {
    const few = posts(BEST_TIMES_MIN_RESULTS - 1, '2026-03-03T08:00:00.000Z', 100, 10);
    const answer = bestTimes(
      'linkedin',
      [...few, ...posts(3, '2026-03-03T08:00:00.000Z', 0, 0)],
      'Europe/Paris',
    );
    expect(answer).toMatchObject({ basis: 'channel_rules', results: BEST_TIMES_MIN_RESULTS - 1 });
    expect(answer.slots[0]).toEqual({ weekday: 2, time: '10:00', posts: 0, engagement_rate: null });
  });

  it('ranks weekday and hour on the workspace’s clock by engagements per impression', () => {
    const results = [
      // Tuesday 3 March 2026 08:10 UTC is 09:10 in Paris: the 09:00 group, 5 % engagement.
      ...posts(6, '2026-03-03T08:10:00.000Z', 1000, 50),
      // Friday 6 March 16:45 UTC is 17:45 in Paris: 10 %, the best rate.
      ...posts(4, '2026-03-06T16:45:00.000Z', 5000, 500),
      // Saturday: seen but never engaged with.
      ...posts(2, '2026-03-07T10:00:00.000Z', 300, 0),
    ];
    const answer = bestTimes('x', results, 'Europe/Paris');
    expect(answer.basis).toBe('results');
    expect(answer.results).toBe(12);
    expect(answer.slots.map(({ weekday, time, posts: count }) => [weekday, time, count])).toEqual([
      [5, '17:00', 4],
      [2, '09:00', 6],
      [6, '11:00', 2],
    ]);
    expect(answer.slots[0]?.engagement_rate).toBeCloseTo(0.1);
  });
});
