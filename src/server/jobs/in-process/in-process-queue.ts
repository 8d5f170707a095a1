import { isUniqueViolation } from '#server/db/errors.js';
import { newId } from '#server/db/ids.js';
import type { JobRow } from '#server/db/schema.js';
import type { JobRepository } from '#server/repositories/job.repository.js';
import type { JobState } from '#shared/jobs.schema.js';
import { type BackoffPolicy, DEFAULT_BACKOFF } from '../backoff.js';
import { checkEnqueue } from '../enqueue-checks.js';
import type { JobMetrics } from '../job-metrics.js';
import type {
  EnqueueRequest,
  JobDefinitions,
  JobHandlers,
  JobQueue,
  JobRecord,
  JobRecordPage,
  WorkerLogger,
  WorkerOptions,
} from '../job-types.js';
import { retentionCutoffs } from '../retention.js';
import { InProcessWorker } from './in-process-worker.js';

/** What the in-process queue is built from. */
export interface InProcessQueueOptions<Defs extends JobDefinitions> {
  jobs: JobRepository;
  definitions: Defs;
  /** Lease length; default 30 s. */
  leaseMs?: number;
  /** Idle polling; default 1 s. */
  pollIntervalMs?: number;
  backoff?: BackoffPolicy;
  metrics?: JobMetrics;
  logger?: WorkerLogger;
  ping?: () => Promise<void>;
  now?: () => Date;
}

/**
 * The embedded queue: jobs live in the app's own database (SQLite or PostgreSQL), so one process with
 * no other services has durable jobs. Several processes on one PostgreSQL can share it too.
 */
export class InProcessJobQueue<Defs extends JobDefinitions> implements JobQueue<Defs> {
  readonly kind = 'in-process' as const;
  private readonly workers = new Set<InProcessWorker>();
  private readonly now: () => Date;

  constructor(private readonly options: InProcessQueueOptions<Defs>) {
    this.now = options.now ?? (() => new Date());
  }

  async enqueue<N extends keyof Defs & string>(request: EnqueueRequest<Defs, N>): Promise<string> {
    const now = this.now();
    const checked = checkEnqueue(this.options.definitions, request, now);
    const key = request.idempotencyKey ?? null;
    const { jobs } = this.options;
    if (key !== null) {
      const existing = await jobs.findIdByIdempotencyKey(checked.businessId, key);
      if (existing) return existing;
    }
    const id = newId();
    const at = now.toISOString();
    try {
      await jobs.insert({
        id,
        business_id: checked.businessId,
        name: request.name,
        payload: JSON.stringify(checked.payload),
        state: 'queued',
        max_attempts: checked.maxAttempts,
        run_at: checked.runAt.toISOString(),
        idempotency_key: key,
        created_at: at,
        updated_at: at,
      });
    } catch (error) {
      // Two enqueues with one key raced; the unique index let one in, and its id is the answer.
      const winner =
        key !== null && isUniqueViolation(error)
          ? await jobs.findIdByIdempotencyKey(checked.businessId, key)
          : undefined;
      if (winner) return winner;
      throw error;
    }
    if (checked.runAt <= now) for (const worker of this.workers) worker.wake();
    return id;
  }

  async get(businessId: string, id: string): Promise<JobRecord | undefined> {
    const row = await this.options.jobs.find(businessId, id);
    return row && toRecord(row);
  }

  workspaceOf(id: string): Promise<string | undefined> {
    return this.options.jobs.findBusinessId(id);
  }

  async list(
    businessId: string,
    options: { state?: JobState; limit: number; cursor?: string },
  ): Promise<JobRecordPage> {
    const rows = await this.options.jobs.page(businessId, {
      limit: options.limit + 1,
      before: options.cursor,
      state: options.state,
    });
    const items = rows.slice(0, options.limit).map(toRecord);
    return { items, nextCursor: rows.length > options.limit ? (items.at(-1)?.id ?? null) : null };
  }

  async retry(businessId: string, id: string): Promise<JobRecord | false | undefined> {
    if (!(await this.options.jobs.find(businessId, id))) return undefined;
    if (!(await this.options.jobs.retry(businessId, id, this.now().toISOString()))) return false;
    for (const worker of this.workers) worker.wake();
    return this.get(businessId, id);
  }

  async cancel(businessId: string, id: string): Promise<JobRecord | false | undefined> {
    if (!(await this.options.jobs.find(businessId, id))) return undefined;
    if (!(await this.options.jobs.cancel(businessId, id, this.now().toISOString()))) return false;
    return this.get(businessId, id);
  }

  purgeFinished(now: Date): Promise<number> {
    return this.options.jobs.deleteFinished(retentionCutoffs(now));
  }

  async counts(): Promise<Partial<Record<JobState, number>>> {
    const rows = await this.options.jobs.countByState();
    return Object.fromEntries(rows.map((row) => [row.state, row.count]));
  }

  async ping(): Promise<void> {
    await this.options.ping?.();
  }

  createWorker(handlers: JobHandlers, options: WorkerOptions = {}): InProcessWorker {
    const worker = new InProcessWorker(this.options.jobs, handlers, {
      concurrency: options.concurrency ?? 4,
      leaseMs: this.options.leaseMs ?? 30_000,
      pollIntervalMs: this.options.pollIntervalMs ?? 1_000,
      backoff: this.options.backoff ?? DEFAULT_BACKOFF,
      metrics: this.options.metrics,
      logger: options.logger ?? this.options.logger,
      now: this.options.now,
      ...(options.onDead ? { onDead: options.onDead } : {}),
    });
    this.workers.add(worker);
    return worker;
  }

  async close(): Promise<void> {
    this.workers.clear();
  }
}

/** A row as the API shows it. */
export function toRecord(row: JobRow): JobRecord {
  return {
    id: row.id,
    business_id: row.business_id ?? '',
    name: row.name,
    state: row.state,
    progress: row.progress,
    progress_message: row.progress_message,
    attempts: row.attempts,
    max_attempts: row.max_attempts,
    run_at: row.run_at,
    last_error: row.last_error,
    result: row.result === null ? null : (JSON.parse(row.result) as unknown),
    created_at: row.created_at,
    updated_at: row.updated_at,
    finished_at: row.finished_at,
  };
}
