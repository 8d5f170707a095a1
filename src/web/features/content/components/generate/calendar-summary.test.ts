import { describe, expect, it } from 'vitest';
import { jobFailureReason } from '#web/lib/job-failure.js';
import { newRequestKey, sharePercent, summariseCalendarJob } from './calendar-summary.js';

const ID = '01890f5e-7c1a-7cc2-a000-000000000001';
const strategy = {
  pillars: [
    { name: 'Behind the scenes', share: 0.5, description: 'The bakers at work' },
    { name: 'Offers', share: 0.5, description: '' },
  ],
  cadence: [{ channel: 'instagram', per_week: 3 }],
  reasoning: 'Mornings sell.',
};

describe('summariseCalendarJob', () => {
  it('reads the item count, the offline flag and the strategy of a finished job', () => {
    const summary = summariseCalendarJob({
      strategy,
      content_item_ids: [ID],
      ai_call_ids: [],
      offline: true,
    });
    expect(summary).toEqual({ itemCount: 1, offline: true, strategy, failed: [], notes: [] });
  });

  it('keeps the count when the strategy cannot be read, and rejects what is not a calendar result', () => {
    const summary = summariseCalendarJob({
      strategy: 'x',
      content_item_ids: [],
      ai_call_ids: [],
      offline: false,
    });
    expect(summary).toEqual({
      itemCount: 0,
      offline: false,
      strategy: undefined,
      failed: [],
      notes: [],
    });
    expect(summariseCalendarJob(null)).toBeUndefined();
    expect(summariseCalendarJob({ content_item_ids: 'nope' })).toBeUndefined();
  });
});

describe('sharePercent', () => {
  it('rounds to a whole percentage', () => {
    expect(sharePercent(1 / 3)).toBe(33);
    expect(sharePercent(0.5)).toBe(50);
  });
});

describe('newRequestKey', () => {
  it('makes a different key each time, within the schema’s 100 characters', () => {
    const keys = new Set(Array.from({ length: 20 }, newRequestKey));
    expect(keys.size).toBe(20);
    for (const key of keys) expect(key.length).toBeLessThanOrEqual(100);
  });
});

describe('failureReason', () => {
  it('drops the error class the worker records, and keeps a plain sentence as it is', () => {
    expect(jobFailureReason('AppError: This workspace has spent its monthly AI budget.')).toBe(
      'This workspace has spent its monthly AI budget.',
    );
    expect(jobFailureReason('The provider timed out.')).toBe('The provider timed out.');
  });
});
