import { afterEach, describe, expect, it, vi } from 'vitest';
import type { JobRepository } from '#server/repositories/job.repository.js';
import { InProcessWorker } from './in-process-worker.js';

/** A jobs table that never has work, and whose claims take as long as the test says. */
function slowEmptyTable() {
  const claims: number[] = [];
  let release: (() => void) | undefined;
  const jobs = {
    claimDue: vi.fn(async () => {
      claims.push(Date.now());
      await new Promise<void>((resolve) => {
        release = resolve;
      });
      return [];
    }),
  } as unknown as JobRepository;
  return { jobs, claims, finishClaim: () => release?.() };
}

const HOUR = 3_600_000;

describe('InProcessWorker wake-ups', () => {
  let worker: InProcessWorker | undefined;
  afterEach(async () => {
    vi.useRealTimers();
    await worker?.drain(100);
  });

  it('claims again at once when woken while a claim is in flight (the job may have missed that claim)', async () => {
    const table = slowEmptyTable();
    worker = new InProcessWorker(table.jobs, new Map(), {
      concurrency: 1,
      leaseMs: 30_000,
      pollIntervalMs: HOUR,
      backoff: { baseMs: 1_000, maxMs: 60_000 },
    });
    worker.start();
    await vi.waitFor(() => expect(table.claims).toHaveLength(1));

    worker.wake(); // an enqueue commits while the first claim's query is running
    table.finishClaim();

    // Without the remembered wake the worker would sleep for the whole (one hour) poll interval.
    await vi.waitFor(() => expect(table.claims).toHaveLength(2), { timeout: 1_000 });
    table.finishClaim();
  });

  it('sleeps for the poll interval when nothing woke it', async () => {
    const table = slowEmptyTable();
    worker = new InProcessWorker(table.jobs, new Map(), {
      concurrency: 1,
      leaseMs: 30_000,
      pollIntervalMs: HOUR,
      backoff: { baseMs: 1_000, maxMs: 60_000 },
    });
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    worker.start();
    await vi.waitFor(() => expect(table.claims).toHaveLength(1));
    table.finishClaim();
    // Asleep: its only timer is the poll interval's.
    await vi.waitFor(() => expect(vi.getTimerCount()).toBe(1));

    await vi.advanceTimersByTimeAsync(HOUR - 1_000);
    expect(table.claims).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1_000);
    await vi.waitFor(() => expect(table.claims).toHaveLength(2));
    table.finishClaim();
  });
});
