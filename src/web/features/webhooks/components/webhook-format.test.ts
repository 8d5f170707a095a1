import { describe, expect, it } from 'vitest';
import { WEBHOOK_EVENT_TYPES } from '#shared/webhook.schema.js';
import { describeStatusCode, EVENT_OPTIONS, eventLabel, formatDuration } from './webhook-format.js';

describe('webhook wording', () => {
  it('names every event a webhook can subscribe to, and the test event', () => {
    expect(Object.keys(EVENT_OPTIONS).sort()).toEqual([...WEBHOOK_EVENT_TYPES].sort());
    expect(eventLabel('webhook.test')).toBe('Test');
    expect(eventLabel('content.failed')).toBe('Publishing failed');
  });

  it('shows short durations in milliseconds and long ones in seconds', () => {
    expect(formatDuration(87)).toBe('87 ms');
    expect(formatDuration(2350)).toBe('2.4 s');
    expect(formatDuration(null)).toBe('—');
  });

  it('tells a delivery not sent yet from one that got no answer', () => {
    expect(describeStatusCode(204, 1)).toBe('204');
    expect(describeStatusCode(null, 0)).toBe('Not sent yet');
    expect(describeStatusCode(null, 3)).toBe('No answer');
  });
});
