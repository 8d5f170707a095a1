import { setTimeout as delay } from 'node:timers/promises';
import { type Job as BullJob, DelayedError, type Queue, UnrecoverableError, Worker } from 'bullmq';
import { type BackoffPolicy, backoffDelay } from '../backoff.js';
import { type JobMetrics, type RunOutcomeLabel, recordRun } from '../job-metrics.js';
import type { JobHandlers, JobWorker, WorkerLogger, WorkerOptions } from '../job-types.js';
import { RetryLaterError, type RunOutcome, runJob, SettledCallbacks } from '../run-job.js';
import { type BullJobData, CAPPED_BACKOFF, QUEUE_NAME } from './bullmq-record.js';

/** How the BullMQ worker connects and behaves. */
export interface BullmqWorkerOptions {
  url: string;
  prefix: string;
  /** For reading the cancel flag of running jobs. */
  queue: Queue<BullJobData>;
  handlers: JobHandlers;
  concurrency: number;
  /** BullMQ's lock duration: a job whose worker died runs again after about this long. */
  leaseMs: number;
  /** Retry delays (capped exponential) for jobs enqueued with the `CAPPED_BACKOFF` type. */
  backoff: BackoffPolicy;
  metrics?: JobMetrics;
  logger?: WorkerLogger;
  onDead?: WorkerOptions['onDead'];
}

/**
 * BullMQ's hook for custom backoff types: the same capped exponential delays as the embedded queue,
 * or exactly the time the handler named to come back (RetryLaterError).
 *
 * @example
 * cappedBackoffStrategy({ baseMs: 1_000, maxMs: 60_000 })(3, CAPPED_BACKOFF); // 4000
 */
export function cappedBackoffStrategy(policy: BackoffPolicy) {
  return (attemptsMade: number, type?: string, error?: Error): number => {
    if (type !== CAPPED_BACKOFF) throw new Error(`Unknown backoff type ${type}`);
    return error instanceof RetryLaterError ? error.delayMs : backoffDelay(attemptsMade, policy);
  };
}

const SHUTDOWN = 'shutdown';
const CANCELLED = 'cancelled';

/**
 * A BullMQ worker running the registry's handlers. BullMQ renews each job's lock while it runs and hands
 * the jobs of a vanished worker to another (stalled-job check); this class adds cancellation (BullMQ
 * has none across processes, so running jobs poll their cancel flag) and a drain that hands unfinished
 * jobs back instead of failing them.
 */
export class BullmqJobWorker implements JobWorker {
  private worker: Worker<BullJobData> | undefined;
  /** Each running attempt's after-settle callbacks, run when BullMQ reports the job completed or failed. */
  private readonly settling = new Map<string, SettledCallbacks>();

  constructor(private readonly options: BullmqWorkerOptions) {}

  start(): void {
    const { options } = this;
    this.worker ??= new Worker<BullJobData>(
      QUEUE_NAME,
      // Three parameters: BullMQ passes an abort signal only to processors that declare one.
      (job, token, signal) => this.process(job, token, signal),
      {
        connection: { url: options.url, maxRetriesPerRequest: null },
        prefix: options.prefix,
        concurrency: options.concurrency,
        lockDuration: options.leaseMs,
        stalledInterval: Math.max(500, Math.round(options.leaseMs / 2)),
        // A job that keeps killing its worker is failed after its second stall.
        maxStalledCount: 2,
        settings: { backoffStrategy: cappedBackoffStrategy(options.backoff) },
      },
    );
    this.worker.on('error', (error) => options.logger?.error({ err: error }, 'BullMQ worker error'));
    // BullMQ emits these once it has stored the outcome, which is when listeners may hear of it.
    this.worker.on('completed', (job) => this.runSettled(job.id));
    this.worker.on('failed', (job) => this.runSettled(job?.id));
  }

  private runSettled(jobId: string | undefined): void {
    if (jobId === undefined) return;
    const settled = this.settling.get(jobId);
    this.settling.delete(jobId);
    settled?.run((error) =>
      this.options.logger?.error({ err: error, jobId }, 'a job’s after-settle callback failed'),
    );
  }

  async drain(timeoutMs: number): Promise<void> {
    const worker = this.worker;
    if (!worker) return;
    const closing = worker.close();
    const inTime = await Promise.race([closing.then(() => true), delay(timeoutMs, false, { ref: false })]);
    if (!inTime) {
      worker.cancelAllJobs(SHUTDOWN);
      await closing;
    }
  }

  private async process(job: BullJob<BullJobData>, token?: string, signal?: AbortSignal): Promise<unknown> {
    const startedAt = Date.now();
    const entry = this.options.handlers.get(job.name);
    if (job.data.cancelledAt) {
      recordRun(this.options.metrics, job.name, 'cancelled', startedAt);
      return null;
    }
    if (!entry) throw new UnrecoverableError(`No handler for job ${job.name}`);
    const controller = new AbortController();
    signal?.addEventListener('abort', () => controller.abort(signal.reason), { once: true });
    const checkMs = Math.min(this.options.leaseMs / 3, 2_000);
    const watch = setInterval(() => void this.abortIfCancelled(job.id ?? '', controller), checkMs);
    let outcome: RunOutcome;
    const settled = new SettledCallbacks();
    const jobId = job.id ?? '';
    this.settling.set(jobId, settled);
    try {
      outcome = await runJob(entry, {
        jobId: job.id ?? '',
        businessId: job.data.businessId,
        payload: job.data.payload,
        // Failed attempts so far, plus this one: runs handed back (shutdown) or postponed are not attempts,
        // as in the jobs table, so a handler's "last try" matches the queue's.
        attempt: job.attemptsMade + 1,
        signal: controller.signal,
        reportProgress: (pct, message) => job.updateProgress({ pct, message: message ?? null }),
        afterSettled: settled.add,
      });
    } finally {
      clearInterval(watch);
    }
    // A run handed back or postponed ends in neither event, and moved the job nowhere to tell of.
    const movesOn =
      outcome.kind === 'postponed' || (outcome.kind === 'aborted' && outcome.reason === SHUTDOWN);
    if (movesOn && token) this.settling.delete(jobId);
    return this.settle(job, outcome, token, startedAt);
  }

  /** Turn the outcome into what BullMQ expects: a result, or the right kind of error. */
  private async settle(
    job: BullJob<BullJobData>,
    outcome: RunOutcome,
    token: string | undefined,
    startedAt: number,
  ) {
    const record = (label: RunOutcomeLabel) => recordRun(this.options.metrics, job.name, label, startedAt);
    switch (outcome.kind) {
      case 'succeeded':
        record('succeeded');
        return outcome.result;
      case 'failed': {
        const last = outcome.unrecoverable || job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
        record(last ? 'dead' : 'failed');
        if (last) await this.announceDeath(job, outcome.error);
        if (outcome.unrecoverable) throw new UnrecoverableError(outcome.error);
        throw outcome.retryAfterMs === undefined
          ? new Error(outcome.error)
          : new RetryLaterError(outcome.error, outcome.retryAfterMs);
      }
      case 'postponed':
        if (token) {
          // BullMQ's manual-delay pattern: back at that time, no attempt spent.
          record('postponed');
          await job.moveToDelayed(Date.now() + outcome.delayMs, token);
          throw new DelayedError();
        }
        record('failed');
        throw new RetryLaterError(outcome.reason, outcome.delayMs);
      case 'aborted':
        if (outcome.reason === SHUTDOWN && token) {
          // Back to the queue at once, without spending an attempt (BullMQ's manual-delay pattern).
          record('released');
          await job.moveToDelayed(Date.now(), token);
          throw new DelayedError();
        }
        record('cancelled');
        throw new UnrecoverableError('Cancelled');
    }
  }

  /** BullMQ records the failure when this attempt's error reaches it; the announcement comes just before. */
  private async announceDeath(job: BullJob<BullJobData>, error: string): Promise<void> {
    try {
      await this.options.onDead?.({
        id: job.id ?? '',
        name: job.name,
        businessId: job.data.businessId,
        error,
      });
    } catch (failure) {
      this.options.logger?.error({ err: failure, jobId: job.id }, 'could not announce a dead job');
    }
  }

  private async abortIfCancelled(id: string, controller: AbortController): Promise<void> {
    try {
      const fresh = await this.options.queue.getJob(id);
      if (fresh?.data.cancelledAt && !controller.signal.aborted) controller.abort(CANCELLED);
    } catch (error) {
      this.options.logger?.warn({ err: error, jobId: id }, 'could not check whether a job was cancelled');
    }
  }
}
