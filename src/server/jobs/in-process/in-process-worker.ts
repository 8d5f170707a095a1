import { randomUUID } from 'node:crypto';
import { setTimeout as delay } from 'node:timers/promises';
import type { JobRow } from '#server/db/schema.js';
import type { JobRepository } from '#server/repositories/job.repository.js';
import { type BackoffPolicy, backoffDelay } from '../backoff.js';
import { type JobMetrics, type RunOutcomeLabel, recordRun } from '../job-metrics.js';
import type { JobHandlers, JobWorker, WorkerLogger, WorkerOptions } from '../job-types.js';
import { type RunOutcome, runJob, SettledCallbacks } from '../run-job.js';

/** Tuning of the in-process worker. */
export interface InProcessWorkerOptions {
  concurrency: number;
  /** How long a claim lasts without a heartbeat; a crashed worker's jobs run again after this. */
  leaseMs: number;
  /** How often an idle worker looks for due jobs (an enqueue in this process wakes it at once). */
  pollIntervalMs: number;
  backoff: BackoffPolicy;
  metrics?: JobMetrics;
  logger?: WorkerLogger;
  now?: () => Date;
  onDead?: WorkerOptions['onDead'];
}

/** Why a worker aborts a running job. */
const SHUTDOWN = 'shutdown';
const LEASE_LOST = 'lease_lost';

interface Running {
  controller: AbortController;
  done: Promise<void>;
}

/**
 * The embedded worker: claims due jobs from the jobs table under a lease, keeps the lease alive with
 * heartbeats while the handler runs, and records the outcome. Losing the lease (the job was cancelled,
 * or this process stalled long enough for another worker to take it over) aborts the handler.
 */
export class InProcessWorker implements JobWorker {
  /** Identifies this worker's leases; unique per process and worker. */
  readonly owner = `worker-${process.pid}-${randomUUID().slice(0, 8)}`;
  private readonly running = new Map<string, Running>();
  private readonly now: () => Date;
  private stopping = false;
  private loop: Promise<void> | undefined;
  private wakeUp: (() => void) | undefined;
  /** Set by `wake()` and cleared before each claim, so a wake that arrives mid-claim is not lost. */
  private wakeRequested = false;

  constructor(
    private readonly jobs: JobRepository,
    private readonly handlers: JobHandlers,
    private readonly options: InProcessWorkerOptions,
  ) {
    this.now = options.now ?? (() => new Date());
  }

  start(): void {
    this.loop ??= this.claimLoop();
  }

  /** Look for work now (a job was just enqueued, or a slot freed up). */
  wake(): void {
    this.wakeRequested = true;
    this.wakeUp?.();
  }

  async drain(timeoutMs: number): Promise<void> {
    this.stopping = true;
    this.wake();
    await this.loop;
    const finished = Promise.allSettled([...this.running.values()].map((job) => job.done));
    const inTime = await Promise.race([finished.then(() => true), delay(timeoutMs, false, { ref: false })]);
    if (!inTime) {
      for (const job of this.running.values()) job.controller.abort(SHUTDOWN);
      await finished;
    }
  }

  private async claimLoop(): Promise<void> {
    while (!this.stopping) {
      // Each pass starts by consuming any wake: a full worker waits for a slot (its finishing job wakes it).
      this.wakeRequested = false;
      if (this.running.size >= this.options.concurrency) {
        await this.idle();
        continue;
      }
      const jobs = await this.claim(this.options.concurrency - this.running.size);
      for (const job of jobs) this.execute(job);
      if (jobs.length === 0) await this.idle();
    }
  }

  /** As many due jobs as there are free slots (none when the table cannot be read). */
  private async claim(slots: number): Promise<JobRow[]> {
    const now = this.now();
    try {
      return await this.jobs.claimDue(this.owner, now.toISOString(), this.leaseFrom(now), slots);
    } catch (error) {
      this.options.logger?.error({ err: error }, 'could not claim jobs; retrying after the poll interval');
      return [];
    }
  }

  /**
   * Sleep until the poll interval passes or `wake()` is called — or not at all if it was called since the
   * last claim began: the job it announced may have been committed just after that claim's query ran.
   */
  private idle(): Promise<void> {
    if (this.wakeRequested) return Promise.resolve();
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.wakeUp = undefined;
        resolve();
      };
      const timer = setTimeout(done, this.options.pollIntervalMs);
      this.wakeUp = done;
    });
  }

  private execute(job: JobRow): void {
    const controller = new AbortController();
    // A third of the lease leaves two missed beats of slack; capped so a cancel is noticed within 2 s.
    const beatMs = Math.min(this.options.leaseMs / 3, 2_000);
    const heartbeat = setInterval(() => void this.beat(job.id, controller), beatMs);
    const done = this.attempt(job, controller.signal)
      .catch((error: unknown) =>
        this.options.logger?.error({ err: error, jobId: job.id }, 'job bookkeeping failed'),
      )
      .finally(() => {
        clearInterval(heartbeat);
        this.running.delete(job.id);
        this.wake();
      });
    this.running.set(job.id, { controller, done });
  }

  private async beat(id: string, controller: AbortController): Promise<void> {
    const now = this.now();
    // A failed write is not a lost lease: keep going, the next beat may succeed before it expires.
    const held = await this.jobs
      .heartbeat(id, this.owner, this.leaseFrom(now), now.toISOString())
      .catch(() => true);
    if (!held && !controller.signal.aborted) controller.abort(LEASE_LOST);
  }

  private async attempt(job: JobRow, signal: AbortSignal): Promise<void> {
    const startedAt = Date.now();
    const entry = this.handlers.get(job.name);
    let outcome: RunOutcome;
    const settled = new SettledCallbacks();
    if (job.attempts > job.max_attempts) {
      // Every attempt started and none finished: its workers died (or it kills them). Stop here.
      outcome = {
        kind: 'failed',
        error: 'The last attempt never finished (its worker stopped)',
        unrecoverable: true,
      };
    } else if (!entry) {
      outcome = { kind: 'failed', error: `No handler for job ${job.name}`, unrecoverable: true };
    } else {
      outcome = await runJob(entry, {
        jobId: job.id,
        businessId: job.business_id,
        payload: JSON.parse(job.payload) as unknown,
        attempt: job.attempts,
        signal,
        reportProgress: async (pct, message) => {
          await this.jobs.updateProgress(job.id, this.owner, pct, message ?? null, this.now().toISOString());
        },
        afterSettled: settled.add,
      });
    }
    const label = await this.settle(job, outcome);
    recordRun(this.options.metrics, job.name, label, startedAt);
    if (label === 'released' || label === 'postponed') settled.drop();
    settled.run((error) =>
      this.options.logger?.error({ err: error, jobId: job.id }, 'a job’s after-settle callback failed'),
    );
  }

  /** Write the outcome, if this worker still holds the lease; returns the metric label. */
  private async settle(job: JobRow, outcome: RunOutcome): Promise<RunOutcomeLabel> {
    const now = this.now();
    const at = now.toISOString();
    switch (outcome.kind) {
      case 'succeeded':
        await this.jobs.complete(job.id, this.owner, JSON.stringify(outcome.result ?? null), at);
        return 'succeeded';
      case 'failed': {
        const dead = outcome.unrecoverable || job.attempts >= job.max_attempts;
        // A time the outside world named (a rate limit's reset) is kept to exactly; guessing is for the rest.
        const wait = outcome.retryAfterMs ?? backoffDelay(job.attempts, this.options.backoff);
        const retryAt = new Date(now.getTime() + wait);
        const settled = await this.jobs.fail(job.id, this.owner, {
          state: dead ? 'dead' : 'failed',
          error: outcome.error,
          runAt: dead ? job.run_at : retryAt.toISOString(),
          now: at,
        });
        // Only the worker that wrote the death announces it (a lost lease means another worker owns it).
        if (dead && settled) await this.announceDeath(job, outcome.error);
        return dead ? 'dead' : 'failed';
      }
      case 'postponed': {
        const runAt = new Date(now.getTime() + outcome.delayMs);
        await this.jobs.postpone(job.id, this.owner, runAt.toISOString(), at);
        // Claim it at its time, not up to a poll interval later: a rate limit's reset is exact.
        const timer = setTimeout(() => this.wake(), outcome.delayMs);
        timer.unref();
        return 'postponed';
      }
      case 'aborted':
        // Shutdown hands the job back; a lost lease means someone else owns the row now.
        if (outcome.reason === SHUTDOWN) {
          await this.jobs.release(job.id, this.owner, at);
          return 'released';
        }
        return 'cancelled';
    }
  }

  private async announceDeath(job: JobRow, error: string): Promise<void> {
    try {
      await this.options.onDead?.({ id: job.id, name: job.name, businessId: job.business_id, error });
    } catch (failure) {
      this.options.logger?.error({ err: failure, jobId: job.id }, 'could not announce a dead job');
    }
  }

  private leaseFrom(now: Date): string {
    return new Date(now.getTime() + this.options.leaseMs).toISOString();
  }
}
