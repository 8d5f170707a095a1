import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { newId } from '#server/db/ids.js';
import type { JobState } from '#shared/jobs.schema.js';
import { type BackoffPolicy, DEFAULT_BACKOFF } from '../backoff.js';
import { type CheckedEnqueue, checkEnqueue } from '../enqueue-checks.js';
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
import { JOB_RETENTION } from '../retention.js';
import { type BullJobData, CAPPED_BACKOFF, QUEUE_NAME, toRecord } from './bullmq-record.js';
import { BullmqJobWorker } from './bullmq-worker.js';
import { IdempotencyClaims } from './idempotency-claims.js';
import {
  connectedSoon,
  createFailFastConnection,
  isCommandTimeout,
  whileConnected,
} from './redis-availability.js';
import { WorkspaceJobIndex } from './workspace-index.js';

/** What the BullMQ queue is built from. */
export interface BullmqQueueOptions<Defs extends JobDefinitions> {
  /** `redis://…` or `rediss://…`. */
  url: string;
  /** Every key this queue writes starts with it; one prefix per installation (and per test run). */
  prefix: string;
  definitions: Defs;
  leaseMs?: number;
  backoff?: BackoffPolicy;
  metrics?: JobMetrics;
  logger?: WorkerLogger;
}

/** How long finished jobs (and idempotency keys) stay readable, in BullMQ's seconds. */
const KEEP_SUCCEEDED_S = JOB_RETENTION.succeededMs / 1000;
const KEEP_FAILED_S = JOB_RETENTION.failedMs / 1000;

/**
 * The scale-out queue: BullMQ on Redis, shared by every `mcc serve` and `mcc worker` process. BullMQ
 * knows nothing of workspaces, so each job's data carries its workspace, reads check it, and a sorted
 * set per workspace lists its recent jobs.
 */
export class BullmqJobQueue<Defs extends JobDefinitions> implements JobQueue<Defs> {
  readonly kind = 'bullmq' as const;
  private readonly queue: Queue<BullJobData>;
  private readonly redis: Redis;
  private readonly index: WorkspaceJobIndex;
  private readonly claims: IdempotencyClaims;

  constructor(private readonly options: BullmqQueueOptions<Defs>) {
    // One fail-fast connection for submissions and reads (redis-availability.ts): while Redis is away
    // they answer 503 at once instead of waiting, and nothing refused is queued to run later. BullMQ
    // must neither wait for it nor ask the version first, or a Redis down at start-up would stall adds.
    this.redis = createFailFastConnection(options.url, 'mcc-jobs');
    this.queue = new Queue<BullJobData>(QUEUE_NAME, {
      connection: this.redis,
      prefix: options.prefix,
      skipWaitingForReady: true,
      skipVersionCheck: true,
    });
    this.queue.on('error', (error) => options.logger?.error({ err: error }, 'BullMQ queue error'));
    this.index = new WorkspaceJobIndex(this.redis, options.prefix, KEEP_FAILED_S * 1000);
    this.claims = new IdempotencyClaims(this.redis, options.prefix, KEEP_FAILED_S);
  }

  /**
   * Store the job, or nothing: the workspace index entry goes first (an entry without a job is dropped
   * when met), the job is the last write, and a failed submission takes its traces back. While Redis
   * is unreachable this throws `service_unavailable` (503, Retry-After) without waiting.
   */
  async enqueue<N extends keyof Defs & string>(request: EnqueueRequest<Defs, N>): Promise<string> {
    const now = new Date();
    const checked = checkEnqueue(this.options.definitions, request, now);
    const { businessId } = checked;
    const key = request.idempotencyKey;
    return whileConnected(this.redis, async () => {
      const id = newId();
      if (key) {
        const earlier = await this.claims.claim(businessId, key, id, async (other) =>
          Boolean(await this.queue.getJob(other)),
        );
        if (earlier) return earlier;
      }
      try {
        if (businessId) await this.index.add(businessId, id, now.getTime());
        await this.add(request.name, checked, id, now);
      } catch (error) {
        this.takeBack(id, businessId, key, error);
        throw error;
      }
      // The job exists, so this request succeeded; a lost confirmation only shortens the key's life.
      if (key) await this.claims.confirm(businessId, key, id).catch(() => undefined);
      return id;
    });
  }

  async get(businessId: string, id: string): Promise<JobRecord | undefined> {
    return whileConnected(this.redis, async () => {
      const found = await this.findWithState(businessId, id);
      return found && toRecord(found.job, found.state);
    });
  }

  async workspaceOf(id: string): Promise<string | undefined> {
    return whileConnected(
      this.redis,
      async () => (await this.queue.getJob(id))?.data.businessId ?? undefined,
    );
  }

  list(
    businessId: string,
    options: { state?: JobState; limit: number; cursor?: string },
  ): Promise<JobRecordPage> {
    return whileConnected(this.redis, () => this.readPage(businessId, options));
  }

  async retry(businessId: string, id: string): Promise<JobRecord | false | undefined> {
    return whileConnected(this.redis, () => this.retryNow(businessId, id));
  }

  async cancel(businessId: string, id: string): Promise<JobRecord | false | undefined> {
    return whileConnected(this.redis, () => this.cancelNow(businessId, id));
  }

  private async readPage(
    businessId: string,
    options: { state?: JobState; limit: number; cursor?: string },
  ): Promise<JobRecordPage> {
    const items: JobRecord[] = [];
    let hasMore = false;
    // Read the index newest first in chunks until the page (plus one, to know of a next page) is full.
    for await (const ids of this.index.newestFirst(
      businessId,
      options.cursor,
      Math.max(options.limit + 1, 20),
    )) {
      const records = await Promise.all(ids.map((id) => this.get(businessId, id)));
      for (const [position, record] of records.entries()) {
        if (!record) {
          await this.index.remove(businessId, ids[position] ?? '');
          continue;
        }
        if (options.state && record.state !== options.state) continue;
        if (items.length === options.limit) hasMore = true;
        else items.push(record);
      }
      if (hasMore) break;
    }
    return { items, nextCursor: hasMore ? (items.at(-1)?.id ?? null) : null };
  }

  private async retryNow(businessId: string, id: string): Promise<JobRecord | false | undefined> {
    const found = await this.findWithState(businessId, id);
    if (!found) return undefined;
    const { job } = found;
    const state = toRecord(job, found.state).state;
    if (state === 'dead') await job.retry('failed', { resetAttemptsMade: true, resetAttemptsStarted: true });
    else if (state === 'failed') await job.promote();
    else return false;
    return this.get(businessId, id);
  }

  private async cancelNow(businessId: string, id: string): Promise<JobRecord | false | undefined> {
    const found = await this.findWithState(businessId, id);
    if (!found) return undefined;
    const { job } = found;
    const state = toRecord(job, found.state).state;
    if (state !== 'queued' && state !== 'failed' && state !== 'running') return false;
    // A waiting job stays where it is and is skipped when it comes up; a running one is told by its worker.
    await job.updateData({ ...job.data, cancelledAt: new Date().toISOString() });
    return this.get(businessId, id);
  }

  async purgeFinished(): Promise<number> {
    // BullMQ removes finished jobs itself (removeOnComplete / removeOnFail ages above).
    return 0;
  }

  async counts(): Promise<Partial<Record<JobState, number>>> {
    const counts = await this.queue.getJobCounts(
      'waiting',
      'prioritized',
      'delayed',
      'active',
      'completed',
      'failed',
    );
    const of = (key: string) => counts[key] ?? 0;
    return {
      queued: of('waiting') + of('prioritized') + of('delayed'),
      running: of('active'),
      succeeded: of('completed'),
      dead: of('failed'),
    };
  }

  async ping(): Promise<void> {
    // The connection queues nothing: while it reconnects, say so rather than ioredis's queue message.
    if (!(await connectedSoon(this.redis))) throw new Error(`not connected (${this.redis.status})`);
    await this.redis.ping();
  }

  createWorker(handlers: JobHandlers, options: WorkerOptions = {}): BullmqJobWorker {
    return new BullmqJobWorker({
      url: this.options.url,
      prefix: this.options.prefix,
      queue: this.queue,
      handlers,
      concurrency: options.concurrency ?? 4,
      leaseMs: this.options.leaseMs ?? 30_000,
      backoff: this.options.backoff ?? DEFAULT_BACKOFF,
      metrics: this.options.metrics,
      logger: options.logger ?? this.options.logger,
      ...(options.onDead ? { onDead: options.onDead } : {}),
    });
  }

  async close(): Promise<void> {
    await this.queue.close();
    this.redis.disconnect();
  }

  /**
   * The job and its BullMQ state, if it belongs to `businessId`. The state is read first: a state change
   * and the job's fields change in one Redis script, so fields read afterwards are at least as new as
   * the state (the other order can show a finished state with a running job's fields).
   */
  private async findWithState(businessId: string, id: string) {
    const state = await this.queue.getJobState(id);
    const job = await this.queue.getJob(id);
    return job?.data.businessId === businessId ? { job, state } : undefined;
  }

  private async add(name: string, checked: CheckedEnqueue, id: string, now: Date): Promise<void> {
    const backoff = this.options.backoff ?? DEFAULT_BACKOFF;
    await this.queue.add(
      name,
      { businessId: checked.businessId, payload: checked.payload },
      {
        jobId: id,
        timestamp: now.getTime(),
        delay: checked.runAt.getTime() - now.getTime(),
        attempts: checked.maxAttempts,
        // Our own strategy (bullmq-worker.ts), so retries wait base × 2^n capped at `maxMs`, as on
        // the embedded queue; BullMQ's built-in `exponential` has no cap.
        backoff: { type: CAPPED_BACKOFF, delay: backoff.baseMs },
        removeOnComplete: { age: KEEP_SUCCEEDED_S },
        removeOnFail: { age: KEEP_FAILED_S },
      },
    );
  }

  /**
   * Undo what a failed submission wrote, without making its request wait (Redis may be gone). After a
   * timeout Redis may still have added the job: it is removed (on one connection the removal runs
   * after the add), and the pending claim is left to expire rather than freed for a duplicate.
   */
  private takeBack(id: string, businessId: string | null, key: string | undefined, error: unknown): void {
    const ignore = () => undefined;
    if (businessId) void this.index.remove(businessId, id).catch(ignore);
    if (isCommandTimeout(error)) void this.queue.remove(id).catch(ignore);
    else if (key) void this.claims.release(businessId, key, id).catch(ignore);
  }
}
