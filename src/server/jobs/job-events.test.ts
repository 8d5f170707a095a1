import { describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import type { NewLiveEvent } from '#shared/events.schema.js';
import { withLiveEvents } from './job-events.js';
import type { JobContext } from './job-types.js';
import { UnrecoverableJobError } from './run-job.js';

const definitions = {
  'demo.work': { scope: 'workspace', payload: z.strictObject({}), maxAttempts: 2, description: 'x' },
} as const;

/** A job's context whose queue "stores the outcome" when the test calls `settle()`. */
function context(attempt = 1): JobContext<string> & { settle(): void } {
  const settled: (() => void)[] = [];
  return {
    jobId: 'job-1',
    businessId: 'biz-1',
    attempt,
    signal: new AbortController().signal,
    reportProgress: vi.fn(async () => {}),
    afterSettled: (callback) => settled.push(callback),
    settle: () => {
      for (const callback of settled.splice(0)) callback();
    },
  };
}

describe('withLiveEvents', () => {
  it('announces progress at once, and completion once the queue has stored it', async () => {
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
    // Handed back to the queue, not yet stored: a page fetching the job now would still read "running".
    expect(events.emit.mock.calls.map(([event]) => event.type)).toEqual(['job.progress']);
    ctx.settle();
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
    const [first, second] = [context(1), context(2)];
    await expect(entry?.handler({}, first)).rejects.toThrow('boom');
    await expect(entry?.handler({}, second)).rejects.toThrow('boom');
    first.settle();
    second.settle();
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
    const ctx = context(1);
    await expect(entry?.handler({}, ctx)).rejects.toThrow('410');
    ctx.settle();
    expect(events.emit.mock.calls[0]?.[0].data).toMatchObject({ will_retry: false });
  });

  it('stores webhook deliveries before handing a job back, and tells of it once the queue stored it', async () => {
    let release = () => {};
    const stored = new Promise<void>((resolve) => {
      release = resolve;
    });
    const told: string[] = [];
    const events = {
      emit: vi.fn(),
      stageForLater: vi.fn(async (event: NewLiveEvent) => {
        await stored;
        return () => told.push(event.type);
      }),
    };
    const [entry] = withLiveEvents(definitions, [{ name: 'demo.work', handler: async () => 'ok' }], events);
    let finished = false;
    const ctx = context();
    const run = entry?.handler({}, ctx).then((result) => {
      finished = true;
      return result;
    });
    await vi.waitFor(() => expect(events.stageForLater).toHaveBeenCalledTimes(1));
    expect(finished).toBe(false);
    release();
    expect(await run).toBe('ok');
    expect(told).toEqual([]);
    ctx.settle();
    expect(told).toEqual(['job.completed']);
    expect(events.emit).not.toHaveBeenCalled();

    // Deliveries that could not be stored do not fail the job, which is still told of live.
    events.stageForLater.mockRejectedValueOnce(new Error('database away'));
    const next = context();
    expect(await entry?.handler({}, next)).toBe('ok');
    next.settle();
    expect(events.emit.mock.calls.map(([event]) => event.type)).toEqual(['job.completed']);
  });

  it('keeps system jobs quiet', async () => {
    const events = { emit: vi.fn() };
    const [entry] = withLiveEvents(definitions, [{ name: 'demo.work', handler: async () => 'ok' }], events);
    await entry?.handler({}, { ...context(), businessId: null } as unknown as JobContext<string>);
    expect(events.emit).not.toHaveBeenCalled();
  });
});
