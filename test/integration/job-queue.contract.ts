import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { JobQueue, JobRecord, JobWorker } from '#server/jobs/job-types.js';
import type { JobState } from '#shared/jobs.schema.js';
import { JobProbe, type TestJobDefinitions, testJobRegistry } from '../support/jobs/test-jobs.js';

/** A queue implementation prepared for the contract: fast leases, fast backoff. */
export interface QueueUnderTest {
  queue: JobQueue<TestJobDefinitions>;
  /** Claim the next due job as a worker that then vanishes: no heartbeat, no result. Returns its id. */
  claimAsDeadWorker(): Promise<string | undefined>;
  /** A workspace jobs may belong to. */
  newBusinessId(): Promise<string>;
  close(): Promise<void>;
}

const WAIT = { timeout: 15_000, interval: 25 };

/**
 * The behaviour every `JobQueue` promises, run against each implementation by its own test file
 * (job-queue.in-process.test.ts, job-queue.bullmq.test.ts). No assertion depends on how long anything
 * takes: tests poll with generous timeouts.
 */
export function describeJobQueueContract(name: string, create: () => Promise<QueueUnderTest>): void {
  describe(`${name}: JobQueue contract`, () => {
    let t: QueueUnderTest;
    let probe: JobProbe;
    let workers: JobWorker[];
    let business: string;

    beforeEach(async () => {
      t = await create();
      probe = new JobProbe();
      workers = [];
      business = await t.newBusinessId();
    });
    afterEach(async () => {
      for (const worker of workers) await worker.drain(100);
      await t.close();
    });

    function startWorker(concurrency = 2): JobWorker {
      const worker = t.queue.createWorker(testJobRegistry(probe), { concurrency });
      workers.push(worker);
      worker.start();
      return worker;
    }
    const get = async (id: string) => (await t.queue.get(business, id)) as JobRecord;
    const waitForState = (id: string, state: JobState) =>
      vi.waitFor(async () => {
        const job = await get(id);
        expect(job?.state).toBe(state);
        return job;
      }, WAIT);
    /**
     * A job enqueued now and run to its end: the workers have claimed and finished work since, so what
     * should not happen again (a second run, a late overwrite) would have happened by then.
     */
    const sentinelRuns = async () =>
      waitForState(
        await t.queue.enqueue({ name: 'test.slow', businessId: business, payload: { ms: 0 } }),
        'succeeded',
      );

    it('runs an enqueued job once and keeps its result', async () => {
      const id = await t.queue.enqueue({
        name: 'test.echo',
        businessId: business,
        payload: { message: 'hi' },
      });
      expect((await get(id)).state).toBe('queued');
      startWorker();
      const job = await waitForState(id, 'succeeded');
      expect(job).toMatchObject({
        id,
        business_id: business,
        name: 'test.echo',
        result: { echoed: 'hi', attempt: 1 },
        attempts: 1,
        progress: 100,
      });
      expect(job.finished_at).not.toBeNull();
      await sentinelRuns();
      expect(probe.count('test.echo')).toBe(1);
      expect(probe.calls[0]?.businessId).toBe(business);
    });

    it('runs jobs side by side up to its concurrency, and two competing workers run each job once', async () => {
      const gated = await Promise.all(
        ['a', 'b', 'c'].map((key) =>
          t.queue.enqueue({ name: 'test.gate', businessId: business, payload: { key } }),
        ),
      );
      const echoes = await Promise.all(
        Array.from({ length: 12 }, (_, i) =>
          t.queue.enqueue({ name: 'test.echo', businessId: business, payload: { message: `m${i}` } }),
        ),
      );
      startWorker(3);
      startWorker(3);
      // Three gated jobs hold three of the six slots at once; the others run every echo meanwhile.
      await vi.waitFor(() => expect(probe.count('test.gate')).toBe(3), WAIT);
      for (const id of echoes) await waitForState(id, 'succeeded');
      for (const key of ['a', 'b', 'c']) probe.open(key);
      for (const id of gated) await waitForState(id, 'succeeded');
      await sentinelRuns();
      expect(probe.count('test.echo')).toBe(12);
      expect(probe.count('test.gate')).toBe(3);
      for (const id of [...gated, ...echoes]) expect((await get(id)).attempts).toBe(1);
    });

    it('retries a failing job with backoff and marks it dead after the last attempt', async () => {
      const id = await t.queue.enqueue({
        name: 'test.flaky',
        businessId: business,
        payload: { key: 'always', failTimes: 99 },
        maxAttempts: 3,
      });
      startWorker();
      const job = await waitForState(id, 'dead');
      expect(job).toMatchObject({ attempts: 3, max_attempts: 3 });
      expect(job.last_error).toContain('boom #3');
      expect(probe.calls.map((call) => call.attempt)).toEqual([1, 2, 3]);
    });

    it('succeeds on a retry after a failure', async () => {
      const id = await t.queue.enqueue({
        name: 'test.flaky',
        businessId: business,
        payload: { key: 'once', failTimes: 1 },
      });
      startWorker();
      const job = await waitForState(id, 'succeeded');
      expect(job).toMatchObject({ attempts: 2, result: { ok: true, runs: 2 } });
    });

    it('runs a postponed job again after its delay without spending an attempt', async () => {
      const id = await t.queue.enqueue({
        name: 'test.postpone',
        businessId: business,
        payload: { key: 'held', times: 3, delayMs: 300 },
      });
      startWorker();
      const job = await waitForState(id, 'succeeded');
      // Three postponements and a run on a budget of two attempts: had they counted, it would be dead.
      // (The record's `attempts` shows runs started on BullMQ.)
      expect(job).toMatchObject({ state: 'succeeded', max_attempts: 2, result: { runs: 4 } });
      const runs = probe.calls.filter((call) => call.name === 'test.postpone');
      // The handler sees each run as the first attempt: none of them was one.
      expect(runs.map((call) => call.attempt)).toEqual([1, 1, 1, 1]);
      for (let n = 1; n < runs.length; n++) {
        // Never before its time (slack for the two clocks involved), not a duration assertion.
        expect(runs[n]?.at ?? 0).toBeGreaterThanOrEqual((runs[n - 1]?.at ?? 0) + 300 - 50);
      }
    });

    it('does not start a delayed job before its run_at', async () => {
      const runAt = new Date(Date.now() + 1_200);
      const id = await t.queue.enqueue({
        name: 'test.echo',
        businessId: business,
        payload: { message: 'later' },
        runAt,
      });
      startWorker();
      expect((await get(id)).run_at).toBe(runAt.toISOString());
      await waitForState(id, 'succeeded');
      // A little slack for the two clocks involved (Node's and Redis'), never a duration assertion.
      expect(probe.calls[0]?.at).toBeGreaterThanOrEqual(runAt.getTime() - 50);
    });

    it('adds one job per idempotency key and workspace', async () => {
      const request = {
        name: 'test.echo' as const,
        businessId: business,
        payload: { message: 'once' },
        idempotencyKey: 'calendar:2026-05',
      };
      const first = await t.queue.enqueue(request);
      expect(await t.queue.enqueue(request)).toBe(first);
      const elsewhere = await t.queue.enqueue({ ...request, businessId: await t.newBusinessId() });
      expect(elsewhere).not.toBe(first);
      expect((await t.queue.list(business, { limit: 10 })).items.map((job) => job.id)).toEqual([first]);
      startWorker();
      await waitForState(first, 'succeeded');
      expect(await t.queue.enqueue(request)).toBe(first);
    });

    it('runs again a job whose worker died (its lease expired)', async () => {
      const id = await t.queue.enqueue({
        name: 'test.echo',
        businessId: business,
        payload: { message: 'x' },
      });
      expect(await t.claimAsDeadWorker()).toBe(id);
      expect((await get(id)).state).toBe('running');
      startWorker();
      const job = await waitForState(id, 'succeeded');
      expect(job.attempts).toBeGreaterThanOrEqual(2);
      expect(probe.count('test.echo')).toBe(1);
    });

    it('drains: waits for a running job before stopping', async () => {
      const id = await t.queue.enqueue({
        name: 'test.gate',
        businessId: business,
        payload: { key: 'drain' },
      });
      const worker = startWorker();
      await waitForState(id, 'running');
      await vi.waitFor(() => expect(probe.count('test.gate')).toBe(1), WAIT);
      let drained = false;
      const draining = worker.drain(15_000).then(async () => {
        drained = true;
        return (await get(id)).state;
      });
      // A second worker runs a job enqueued after the drain began: a drain that did not wait would have
      // stopped its worker by then.
      startWorker(1);
      await sentinelRuns();
      expect(drained).toBe(false);
      probe.open('drain');
      expect(await draining).toBe('succeeded');
      expect(probe.aborted.has('drain')).toBe(false);
    });

    it('drains: hands back a job still running at the deadline, and it runs again later', async () => {
      const id = await t.queue.enqueue({
        name: 'test.gate',
        businessId: business,
        payload: { key: 'stubborn', ignoreAbort: true },
      });
      const worker = startWorker();
      await vi.waitFor(() => expect(probe.count('test.gate')).toBe(1), WAIT);
      await worker.drain(100);
      expect(probe.aborted.has('stubborn')).toBe(true);
      expect((await get(id)).state).toBe('queued');
      probe.open('stubborn');
      startWorker();
      await waitForState(id, 'succeeded');
      expect(probe.count('test.gate')).toBe(2);
    });

    it('cancels a queued job, which then never runs', async () => {
      const id = await t.queue.enqueue({
        name: 'test.echo',
        businessId: business,
        payload: { message: 'never' },
        runAt: new Date(Date.now() + 3_600_000),
      });
      expect(await t.queue.cancel(business, id)).toMatchObject({ id, state: 'cancelled' });
      expect((await get(id)).state).toBe('cancelled');
      expect(await t.queue.cancel(business, id)).toBe(false);
      expect(await t.queue.retry(business, id)).toBe(false);
    });

    it('cancels a running job: its handler is aborted', async () => {
      const id = await t.queue.enqueue({
        name: 'test.gate',
        businessId: business,
        payload: { key: 'cancel' },
      });
      // One slot: the sentinel runs only once the aborted handler's slot is free, its outcome recorded.
      startWorker(1);
      await vi.waitFor(() => expect(probe.count('test.gate')).toBe(1), WAIT);
      expect(await t.queue.cancel(business, id)).toMatchObject({ state: 'cancelled' });
      await vi.waitFor(() => expect(probe.aborted.has('cancel')).toBe(true), WAIT);
      await sentinelRuns();
      expect((await get(id)).state).toBe('cancelled');
    });

    it('shows the progress a handler reports', async () => {
      const id = await t.queue.enqueue({
        name: 'test.gate',
        businessId: business,
        payload: { key: 'progress' },
      });
      startWorker();
      await vi.waitFor(async () => {
        expect(await get(id)).toMatchObject({ state: 'running', progress: 50, progress_message: 'halfway' });
      }, WAIT);
      probe.open('progress');
      expect(await waitForState(id, 'succeeded')).toMatchObject({ progress: 100 });
    });

    it('retries a dead job with fresh attempts; a succeeded job is not retryable', async () => {
      const id = await t.queue.enqueue({
        name: 'test.flaky',
        businessId: business,
        payload: { key: 'retry', failTimes: 1 },
        maxAttempts: 1,
      });
      startWorker();
      await waitForState(id, 'dead');
      const retried = await t.queue.retry(business, id);
      // The worker may pick it up at once; the point is that it is no longer dead.
      expect(retried && ['queued', 'running', 'succeeded'].includes(retried.state)).toBe(true);
      const job = await waitForState(id, 'succeeded');
      expect(job.result).toEqual({ ok: true, runs: 2 });
      expect(await t.queue.retry(business, id)).toBe(false);
    });

    it('lists recent jobs of a workspace, newest first, by state, page by page', async () => {
      const ids: string[] = [];
      for (const message of ['a', 'b', 'c']) {
        ids.push(await t.queue.enqueue({ name: 'test.echo', businessId: business, payload: { message } }));
      }
      const first = await t.queue.list(business, { limit: 2 });
      expect(first.items.map((job) => job.id)).toEqual([ids[2], ids[1]]);
      expect(first.nextCursor).not.toBeNull();
      const second = await t.queue.list(business, { limit: 2, cursor: first.nextCursor ?? undefined });
      expect(second).toEqual({ items: [expect.objectContaining({ id: ids[0] })], nextCursor: null });
      expect((await t.queue.list(business, { limit: 10, state: 'queued' })).items).toHaveLength(3);
      expect((await t.queue.list(business, { limit: 10, state: 'succeeded' })).items).toHaveLength(0);
    });

    it("keeps workspaces apart: another workspace's job id is not found", async () => {
      const id = await t.queue.enqueue({
        name: 'test.echo',
        businessId: business,
        payload: { message: 'mine' },
      });
      const other = await t.newBusinessId();
      expect(await t.queue.workspaceOf(id)).toBe(business);
      expect(await t.queue.get(other, id)).toBeUndefined();
      expect((await t.queue.list(other, { limit: 10 })).items).toEqual([]);
      expect(await t.queue.retry(other, id)).toBeUndefined();
      expect(await t.queue.cancel(other, id)).toBeUndefined();
      expect(await t.queue.get(business, 'no-such-job')).toBeUndefined();
    });

    it('runs system jobs, which no workspace sees, and refuses malformed requests', async () => {
      const id = await t.queue.enqueue({ name: 'test.system', businessId: null, payload: {} });
      expect(await t.queue.workspaceOf(id)).toBeUndefined();
      startWorker();
      await vi.waitFor(() => expect(probe.count('test.system')).toBe(1), WAIT);
      expect(probe.calls[0]?.businessId).toBeNull();
      const loose = t.queue as unknown as JobQueue;
      await expect(loose.enqueue({ name: 'test.nope', businessId: business, payload: {} })).rejects.toThrow(
        /Unknown job/,
      );
      await expect(
        loose.enqueue({ name: 'test.echo', businessId: null, payload: { message: 'x' } }),
      ).rejects.toThrow(/businessId is required/);
      await expect(
        loose.enqueue({ name: 'test.echo', businessId: business, payload: { nope: 1 } }),
      ).rejects.toThrow();
    });
  });
}
