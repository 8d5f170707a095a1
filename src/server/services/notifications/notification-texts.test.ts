import { describe, expect, it } from 'vitest';
import { describeEvent } from './notification-texts.js';

const item = {
  id: '0190a1b2-0000-7000-8000-000000000001',
  business_id: '0190a1b2-0000-7000-8000-000000000002',
  title: 'Spring sale',
  body: 'Half price on Saturday.',
  channel: 'facebook' as const,
  created_by: null,
};

describe('describeEvent', () => {
  it('ends a failure reason as a sentence before the advice that follows it', () => {
    // The shared reasons have no full stop of their own: they are quoted inside other sentences too.
    const failed = describeEvent(
      { kind: 'publish_failed', item, reason: '“Blog” refused the item: title missing' },
      {},
    );
    expect(failed.body).toBe(
      '“Blog” refused the item: title missing. Schedule it again, or restore it to a draft.',
    );
    const died = describeEvent(
      {
        kind: 'job_died',
        businessId: item.business_id,
        jobId: 'job-1',
        jobName: 'publish.item',
        error: 'Timed out after 30 s.',
      },
      {},
    );
    expect(died.body).toBe('Timed out after 30 s. Retry it from the jobs page once the cause is fixed.');
  });
});
