import type { z } from 'zod';
import type { Job, JobState } from '#shared/jobs.schema.js';

/** Workspace jobs belong to one workspace; system jobs (housekeeping) to none. */
export type JobScope = 'workspace' | 'system';

/** What a job name means: its payload schema, its scope and its retry budget. */
export interface JobDefinition<Payload extends z.ZodType = z.ZodType, Scope extends JobScope = JobScope> {
  payload: Payload;
  scope: Scope;
  /** Attempts before the job is dead, unless the enqueuer says otherwise. Default 3. */
  maxAttempts?: number;
  /** One line for operators (docs, logs). */
  description: string;
}

/** Every job name a queue accepts, mapped to its definition. */
export type JobDefinitions = Record<string, JobDefinition>;

/** `null` for system jobs, a workspace id otherwise. */
export type BusinessIdOf<D extends JobDefinition> = [D['scope']] extends ['workspace']
  ? string
  : [D['scope']] extends ['system']
    ? null
    : string | null;

/** What a handler gets besides its payload. */
export interface JobContext<BusinessId extends string | null = string | null> {
  jobId: string;
  /** The workspace the job works for (`null` for system jobs); scope every query by it. */
  businessId: BusinessId;
  /** 1 on the first try. */
  attempt: number;
  /** Aborted on cancel and on shutdown: stop soon and throw (or return). */
  signal: AbortSignal;
  /** `pct` from 0 to 100; shown by `GET /api/jobs/{id}`. */
  reportProgress(pct: number, message?: string): Promise<void>;
  /**
   * Run `callback` once the queue has stored how this attempt ended (succeeded, failed, cancelled), so
   * whoever it tells reads the job's new state from `GET /api/jobs/{id}`. Dropped for a run that is
   * handed back (shutdown) or postponed, which changed nothing to tell.
   */
  afterSettled(callback: () => void): void;
}

/** Runs one job; its return value (JSON) becomes the job's result. */
export type JobHandler<D extends JobDefinition = JobDefinition> = (
  payload: z.infer<D['payload']>,
  ctx: JobContext<BusinessIdOf<D>>,
) => Promise<unknown>;

/** What to enqueue; `businessId` is required for workspace jobs and `null` for system jobs. */
export type EnqueueRequest<Defs extends JobDefinitions, N extends keyof Defs & string> = {
  name: N;
  businessId: BusinessIdOf<Defs[N]>;
  payload: z.input<Defs[N]['payload']>;
  /** Not before this time (a delayed job). */
  runAt?: Date;
  /** The same key in the same workspace returns the first job's id instead of adding a job. */
  idempotencyKey?: string;
  maxAttempts?: number;
};

/** A job as people see it; the API's `Job`. */
export type JobRecord = Job;

/** One page of recent jobs, newest first. */
export interface JobRecordPage {
  items: JobRecord[];
  nextCursor: string | null;
}

/**
 * The producer and admin side of a queue; both implementations (in-process on the jobs table, BullMQ on
 * Redis) pass test/integration/job-queue.contract.ts. Reads take the workspace id: another workspace's
 * job answers `undefined`, exactly like a missing one.
 */
export interface JobQueue<Defs extends JobDefinitions = JobDefinitions> {
  readonly kind: 'in-process' | 'bullmq';
  /** Validate the payload and store the job; returns its id (the existing one for a repeated idempotency key). */
  enqueue<N extends keyof Defs & string>(request: EnqueueRequest<Defs, N>): Promise<string>;
  get(businessId: string, id: string): Promise<JobRecord | undefined>;
  /** The workspace a job belongs to (for access checks); undefined for unknown and system jobs. */
  workspaceOf(id: string): Promise<string | undefined>;
  list(
    businessId: string,
    options: { state?: JobState; limit: number; cursor?: string },
  ): Promise<JobRecordPage>;
  /** A failed or dead job queued again with fresh attempts; `undefined` if unknown, `false` if not retryable. */
  retry(businessId: string, id: string): Promise<JobRecord | false | undefined>;
  /** Stop a job that has not finished; `undefined` if unknown, `false` if already finished. */
  cancel(businessId: string, id: string): Promise<JobRecord | false | undefined>;
  /** Delete finished jobs past their retention (retention.ts); how many went. BullMQ expires its own: 0. */
  purgeFinished(now: Date): Promise<number>;
  /** Jobs per state, all workspaces together (for the queue-depth gauge). */
  counts(): Promise<Partial<Record<JobState, number>>>;
  /** Resolves when the backing store answers (readiness). */
  ping(): Promise<void>;
  /** A worker for this queue; call `start()` on it. */
  createWorker(handlers: JobHandlers, options?: WorkerOptions): JobWorker;
  close(): Promise<void>;
}

/** The handlers a worker runs, by job name (see registry.ts). */
export type JobHandlers = ReadonlyMap<string, { definition: JobDefinition; handler: JobHandler }>;

/** Where the worker reports trouble it cannot hand to anyone (pino-compatible). */
export interface WorkerLogger {
  warn(details: object, message: string): void;
  error(details: object, message: string): void;
}

/** A job that will not run again: its last attempt failed, or its failure could not be retried. */
export interface DeadJob {
  id: string;
  name: string;
  /** Null for system jobs. */
  businessId: string | null;
  error: string;
}

/** How a worker runs. */
export interface WorkerOptions {
  concurrency?: number;
  logger?: WorkerLogger;
  /**
   * Told of each job that dies (dead-lettered), after its state is written; a failure here is logged,
   * never the job's. Jobs cancelled or handed back at shutdown are not dead.
   */
  onDead?: (job: DeadJob) => Promise<void> | void;
}

/** Runs jobs until drained. */
export interface JobWorker {
  start(): void;
  /**
   * Stop taking jobs, wait up to `timeoutMs` for the running ones, then abort those still running and
   * hand them back to the queue (they run again, on this or another worker).
   */
  drain(timeoutMs: number): Promise<void>;
}
