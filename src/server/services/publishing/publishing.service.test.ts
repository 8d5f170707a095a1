import { describe, expect, it } from 'vitest';
import type { ConnectorRow, ContentItemRow } from '#server/db/schema.js';
import { pickConnector, skipReason } from './publishing.service.js';

const AT = '2026-03-02T09:00:00.000Z';
const item = (fields: Partial<ContentItemRow> = {}) =>
  ({ status: 'scheduled', scheduled_at: AT, publish_job_id: null, ...fields }) as ContentItemRow;
const connector = (id: string, channels: string[] | null): ConnectorRow => ({
  id,
  business_id: 'b1',
  kind: 'webhook',
  name: id,
  settings: '{"url":"https://hooks.example.com"}',
  secret_encrypted: 'v1.a.b.c',
  channels: channels === null ? null : JSON.stringify(channels),
  enabled: 1,
  created_by: null,
  created_at: AT,
  updated_at: AT,
});

describe('the publisher', () => {
  it('publishes only an item still scheduled for the job’s time and not held by another job', () => {
    expect(skipReason(item(), AT, 'job-1')).toBeUndefined();
    expect(skipReason(item({ publish_job_id: 'job-1' }), AT, 'job-1')).toBeUndefined();
    expect(skipReason(undefined, AT, 'job-1')).toEqual({ reason: 'item_deleted' });
    expect(skipReason(item({ status: 'published' }), AT, 'job-1')).toEqual({ reason: 'already_published' });
    expect(skipReason(item({ status: 'approved' }), AT, 'job-1')).toEqual({
      reason: 'not_scheduled',
      status: 'approved',
    });
    expect(skipReason(item({ scheduled_at: '2026-03-02T10:00:00.000Z' }), AT, 'job-1')).toEqual({
      reason: 'moved',
      scheduled_at: '2026-03-02T10:00:00.000Z',
    });
    expect(skipReason(item({ publish_job_id: 'job-2' }), AT, 'job-1')).toEqual({
      reason: 'held_by_other_job',
      other_job_id: 'job-2',
    });
  });

  it('picks the connector that names the channel over a catch-all, the oldest among equals', () => {
    const all = connector('all', null);
    const social = connector('social', ['instagram', 'x']);
    const mail = connector('mail', ['email']);
    expect(pickConnector([all, social, mail], 'instagram')?.id).toBe('social');
    expect(pickConnector([all, social, mail], 'email')?.id).toBe('mail');
    expect(pickConnector([all, social, mail], 'sms')?.id).toBe('all');
    expect(pickConnector([connector('first', null), connector('second', null)], 'x')?.id).toBe('first');
    expect(pickConnector([social, mail], 'sms')).toBeUndefined();
  });
});
