import { describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import type { LiveEvent, NewLiveEvent } from '#shared/events.schema.js';
import { withLiveEvents } from './job-events.js';
import type { JobContext } from './job-types.js';
import { UnrecoverableJobError } from './run-job.js';

const definitions = {
  'demo.work': { scope: 'workspace', payload: z.strictObject({}), maxAttempts: 2, description: 'x' },
} as const;

function context(attempt = 1): JobContext<string> {
  return {
    jobId: 'job-1',
    businessId: 'biz-1',
    attempt,
    signal: new AbortController().signal,
    reportProgress: vi.fn(async () => {}),
  };
}

describe('withLiveEvents', () => {
  it('announces progress and completion of workspace jobs', async () => {
    const events = { emit: vi.fn() };
    const [entry] = withLiveEvents(
      definitions,
      [
        {
          name: 'demo.work',
          handler: async (_p, ctx) => {
            await ctx.reportProgress(50, 'half');
            return 'ok';
          },
        },
      ],
      events,
    );
    const ctx = context();
    expect(await entry?.handler({}, ctx)).toBe('ok');
    expect(ctx.reportProgress).toHaveBeenCalledWith(50, 'half');
    expect(events.emit.mock.calls.map(([event]) => [event.type, event.business_id])).toEqual([
      ['job.progress', 'biz-1'],
      ['job.completed', 'biz-1'],
    ]);
  });

  it('announces failures with whether another attempt follows', async () => {
    const events = { emit: vi.fn() };
    const [entry] = withLiveEvents(
      definitions,
      [
        {
          name: 'demo.work',
          handler: async () => {
            throw new Error('boom');
          },
        },
      ],
      events,
    );
    await expect(entry?.handler({}, context(1))).rejects.toThrow('boom');
    await expect(entry?.handler({}, context(2))).rejects.toThrow('boom');
    expect(events.emit.mock.calls.map(([event]) => event.data.will_retry)).toEqual([true, false]);
  });

  it('says no attempt follows an unrecoverable failure, even with attempts left', async () => {
    const events = { emit: vi.fn() };
    const [entry] = withLiveEvents(
      definitions,
      [
        {
          name: 'demo.work',
          handler: async () => {
            throw new UnrecoverableJobError('The receiver answered 410');
          },
        },
      ],
      events,
    );
    await expect(entry?.handler({}, context(1))).rejects.toThrow('410');
    expect(events.emit.mock.calls[0]?.[0].data).toMatchObject({ will_retry: false });
  });

  it('hands a job back only once its completion or failure is published (webhook deliveries stored)', async () => {
    let release = () => {};
    const stored = new Promise<void>((resolve) => {
      release = resolve;
    });
    const published: string[] = [];
    const events = {
      emit: vi.fn(),
      publish: vi.fn(async (event: NewLiveEvent) => {
        await stored;
        published.push(event.type);
        return { ...event, id: '1', at: '' } as LiveEvent;
      }),
    };
    const [entry] = withLiveEvents(definitions, [{ name: 'demo.work', handler: async () => 'ok' }], events);
    let finished = false;
    const run = entry?.handler({}, context()).then((result) => {
      finished = true;
      return result;
    });
    await vi.waitFor(() => expect(events.publish).toHaveBeenCalledTimes(1));
    expect(finished).toBe(false);
    release();
    expect(await run).toBe('ok');
    expect(published).toEqual(['job.completed']);
    expect(events.emit).not.toHaveBeenCalled();

    // A publish that fails (the live bus is down) does not fail the job.
    events.publish.mockRejectedValueOnce(new Error('bus down'));
    expect(await entry?.handler({}, context())).toBe('ok');
  });

  it('keeps system jobs quiet', async () => {
    const events = { emit: vi.fn() };
    const [entry] = withLiveEvents(definitions, [{ name: 'demo.work', handler: async () => 'ok' }], events);
    await entry?.handler({}, { ...context(), businessId: null } as unknown as JobContext<string>);
    expect(events.emit).not.toHaveBeenCalled();
  });
});
