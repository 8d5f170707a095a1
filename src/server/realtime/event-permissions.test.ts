import { describe, expect, it } from 'vitest';
import type { LiveEvent } from '#shared/events.schema.js';
import { mayReceive } from './event-permissions.js';

const base = {
  id: 'e-1',
  business_id: '0190a000-0000-7000-8000-00000000000a',
  at: '2025-01-01T00:00:00.000Z',
};
const usage: LiveEvent = {
  ...base,
  type: 'usage.changed',
  data: { call_id: 'c', task: 't', outcome: 'ok', cost_micro_usd: 12 },
};
const job: LiveEvent = { ...base, type: 'job.completed', data: { job_id: 'j', name: 'n' } };

describe('mayReceive', () => {
  it('keeps AI costs from viewers, as the usage API does', () => {
    expect(mayReceive('editor', usage)).toBe(true);
    expect(mayReceive('viewer', usage)).toBe(false);
  });

  it('lets every role hear what every role may read', () => {
    for (const role of ['owner', 'admin', 'editor', 'viewer'] as const)
      expect(mayReceive(role, job)).toBe(true);
  });

  it('hands a notification change only to the person it belongs to, whatever their role', () => {
    const mine: LiveEvent = {
      ...base,
      type: 'notification.changed',
      data: { user_id: 'user-a', change: 'created' },
    };
    expect(mayReceive('viewer', mine, 'user-a')).toBe(true);
    expect(mayReceive('owner', mine, 'user-b')).toBe(false);
    expect(mayReceive('owner', mine)).toBe(false);
  });
});
