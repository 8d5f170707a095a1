import { describe, expect, it } from 'vitest';
import { ACTIVE_JOB_POLL_MS, pollWhileAtWork } from './poll-active.js';

describe('pollWhileAtWork', () => {
  const now = Date.parse('2026-12-07T10:00:00Z');
  const past = '2026-12-07T09:59:00Z';
  const later = '2026-12-09T09:00:00Z';

  it('polls while a job runs or is due, and stops once none is', () => {
    expect(pollWhileAtWork([{ state: 'running', run_at: past }], now)).toBe(ACTIVE_JOB_POLL_MS);
    expect(pollWhileAtWork([{ state: 'queued', run_at: past }], now)).toBe(ACTIVE_JOB_POLL_MS);
    expect(pollWhileAtWork([{ state: 'succeeded', run_at: past }], now)).toBe(false);
    expect(pollWhileAtWork([], now)).toBe(false);
  });

  it('does not poll for a job queued for later (a post scheduled next week)', () => {
    expect(pollWhileAtWork([{ state: 'queued', run_at: later }], now)).toBe(false);
  });
});
