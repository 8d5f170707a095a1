import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { type TelemetryEvent, telemetryBodySchema } from '#shared/telemetry.schema.js';
import { createEventBuffer, MAX_BATCH } from './event-buffer.js';

const vital = (value: number): TelemetryEvent => ({
  type: 'web-vital',
  name: 'LCP',
  value,
  rating: 'good',
  page: '/',
});

describe('createEventBuffer', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('sends after a quiet period, in bodies the API accepts', () => {
    const send = vi.fn();
    const buffer = createEventBuffer(send, 1000);
    buffer.add(vital(1));
    buffer.add(vital(2));
    expect(send).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1000);
    expect(send).toHaveBeenCalledTimes(1);
    expect(telemetryBodySchema.parse(send.mock.calls[0]?.[0]).events).toHaveLength(2);
  });

  it('sends a full batch at once and never more than the API allows per request', () => {
    const send = vi.fn();
    const buffer = createEventBuffer(send, 1000);
    for (let i = 0; i < MAX_BATCH + 3; i++) buffer.add(vital(i));
    expect(send).toHaveBeenCalledTimes(1);
    buffer.flush(true);
    expect(send).toHaveBeenCalledTimes(2);
    expect(send.mock.calls[1]).toEqual([{ events: expect.any(Array) }, { unloading: true }]);
    for (const [body] of send.mock.calls) expect(body.events.length).toBeLessThanOrEqual(MAX_BATCH);
  });

  it('does nothing when there is nothing to send', () => {
    const send = vi.fn();
    createEventBuffer(send).flush(true);
    expect(send).not.toHaveBeenCalled();
  });
});
