import { createJobHandlers, type JobHandlerDeps } from './handlers.js';
import {
  scheduleMediaSweep,
  scheduleNetworkReadings,
  scheduleNotifications,
  scheduleSessionPurge,
} from './housekeeping.js';
import { type AppJobDefinitions, JOB_DEFINITIONS } from './job-definitions.js';
import { type JobEventPublisher, withLiveEvents } from './job-events.js';
import type { JobQueue, WorkerLogger } from './job-types.js';
import { buildJobRegistry } from './registry.js';

/** The jobs side of a running process, stopped by graceful shutdown. */
export interface JobRuntime {
  /** Drain the worker (if any) within `timeoutMs`, then close the queue's connections. */
  stop(timeoutMs: number): Promise<void>;
}

/** What a process needs to run jobs. */
export interface JobRuntimeOptions {
  queue: JobQueue<AppJobDefinitions>;
  handlerDeps: Omit<JobHandlerDeps, 'queue' | 'now'>;
  /** `mcc serve` runs a worker unless JOBS_RUN_IN_WEB=0; `mcc worker` always does. */
  runWorker: boolean;
  concurrency: number;
  logger: WorkerLogger;
  now?: () => Date;
  /** Where workspace jobs announce progress, completion and failure (live updates). */
  events?: JobEventPublisher;
  /**
   * The webhook outbox, swept at start and every `outboxSweepMs`: deliveries a crash left between their
   * commit and their relay get their send jobs queued here.
   */
  outbox?: { sweep(): Promise<number> };
  outboxSweepMs?: number;
}

/** How often each process sweeps the webhook outbox. */
export const OUTBOX_SWEEP_MS = 10_000;

/**
 * Check the registry (start-up fails on a job name without exactly one handler), start a worker when
 * asked, and make sure the recurring housekeeping is scheduled.
 *
 * @example
 * const jobs = await startJobRuntime({ queue: services.jobQueue, handlerDeps: services, runWorker: true, … });
 */
export async function startJobRuntime(options: JobRuntimeOptions): Promise<JobRuntime> {
  const { queue, logger } = options;
  const now = options.now ?? (() => new Date());
  const entries = createJobHandlers({ ...options.handlerDeps, queue, now });
  const handlers = buildJobRegistry(
    JOB_DEFINITIONS,
    options.events ? withLiveEvents(JOB_DEFINITIONS, entries, options.events) : entries,
  );
  const { notifications } = options.handlerDeps;
  const worker = options.runWorker
    ? queue.createWorker(handlers, {
        concurrency: options.concurrency,
        logger,
        // A workspace job that gave up tells the workspace's owners and admins.
        onDead: (job) =>
          job.businessId
            ? notifications.jobDied({
                businessId: job.businessId,
                jobId: job.id,
                name: job.name,
                error: job.error,
              })
            : undefined,
      })
    : undefined;
  worker?.start();
  const stopSweeping = options.outbox
    ? sweepPeriodically(options.outbox, options.outboxSweepMs ?? OUTBOX_SWEEP_MS, logger)
    : async () => {};
  // Scheduling needs the queue's store; if it is briefly away, the next start or purge schedules it.
  await scheduleSessionPurge(queue, now()).catch((error: unknown) =>
    logger.warn({ err: error }, 'could not schedule the session purge'),
  );
  await scheduleMediaSweep(queue, now()).catch((error: unknown) =>
    logger.warn({ err: error }, 'could not schedule the media sweep'),
  );
  await scheduleNetworkReadings(queue, now()).catch((error: unknown) =>
    logger.warn({ err: error }, 'could not schedule the reading of network accounts'),
  );
  await scheduleNotifications(queue, now()).catch((error: unknown) =>
    logger.warn({ err: error }, 'could not schedule the notifications (weekly digests)'),
  );
  return {
    async stop(timeoutMs) {
      try {
        await stopSweeping();
        await worker?.drain(timeoutMs);
      } finally {
        await queue.close();
      }
    },
  };
}

/** Sweep now and every `everyMs` (never two at once); the returned function stops and waits for the last. */
function sweepPeriodically(
  outbox: { sweep(): Promise<number> },
  everyMs: number,
  logger: WorkerLogger,
): () => Promise<void> {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  const run = () => {
    running = outbox
      .sweep()
      .then(
        () => undefined,
        (error: unknown) => logger.warn({ err: error }, 'could not sweep the webhook outbox'),
      )
      .finally(() => {
        if (stopped) return;
        timer = setTimeout(run, everyMs);
        timer.unref();
      });
  };
  run();
  return async () => {
    stopped = true;
    clearTimeout(timer);
    await running;
  };
}
