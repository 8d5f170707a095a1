import { type Insertable, type Kysely, sql } from 'kysely';
import type { JobState } from '#shared/jobs.schema.js';
import type { Dialect } from '../db/database.js';
import type { DB, JobRow, JobsTable } from '../db/schema.js';

/** States a worker may claim once `run_at` has passed; `running` joins them when its lease expired. */
const CLAIMABLE: JobState[] = ['queued', 'failed'];
/** States a job can be cancelled from. */
const CANCELLABLE: JobState[] = ['queued', 'failed', 'running'];
const RETRYABLE: JobState[] = ['failed', 'dead'];

/**
 * The in-process queue's `jobs` table.
 *
 * Reads and changes made for a person take the workspace id (`null` means system jobs). The worker's
 * own operations (claim, heartbeat, finish) go by job id and lease owner instead: a worker serves every
 * workspace, and holding the lease is what entitles it to touch the row.
 */
export class JobRepository {
  constructor(
    private readonly db: Kysely<DB>,
    private readonly dialect: Dialect,
  ) {}

  async insert(job: Insertable<JobsTable>): Promise<void> {
    await this.db.insertInto('jobs').values(job).execute();
  }

  find(businessId: string | null, id: string): Promise<JobRow | undefined> {
    return this.db
      .selectFrom('jobs')
      .selectAll()
      .where('id', '=', id)
      .where(sql.ref('business_id'), businessId === null ? 'is' : '=', businessId)
      .executeTakeFirst();
  }

  /**
   * Which workspace a job belongs to, so `GET /api/jobs/{id}` can check membership before reading it.
   * Answers nothing else; system jobs answer as absent.
   */
  async findBusinessId(id: string): Promise<string | undefined> {
    const row = await this.db
      .selectFrom('jobs')
      .select('business_id')
      .where('id', '=', id)
      .executeTakeFirst();
    return row?.business_id ?? undefined;
  }

  async findIdByIdempotencyKey(businessId: string | null, key: string): Promise<string | undefined> {
    const row = await this.db
      .selectFrom('jobs')
      .select('id')
      .where(sql.ref('business_id'), businessId === null ? 'is' : '=', businessId)
      .where('idempotency_key', '=', key)
      .executeTakeFirst();
    return row?.id;
  }

  /** Newest first; `before` is the last id of the previous page (UUIDv7 ids are time-ordered). */
  page(businessId: string, options: { limit: number; before?: string; state?: JobState }): Promise<JobRow[]> {
    let query = this.db.selectFrom('jobs').selectAll().where('business_id', '=', businessId);
    if (options.before) query = query.where('id', '<', options.before);
    if (options.state) query = query.where('state', '=', options.state);
    return query.orderBy('id', 'desc').limit(options.limit).execute();
  }

  /**
   * Take up to `limit` due jobs atomically, oldest due first: mark them running under `owner` until
   * `leaseExpiresAt` and count the attempt. One statement for the batch, so a worker with free slots
   * pays one round trip, not one per slot. PostgreSQL lets concurrent claimers skip each other's locked
   * rows; SQLite runs one writer at a time, so the single UPDATE … WHERE id IN (SELECT …) is atomic there.
   */
  async claimDue(owner: string, now: string, leaseExpiresAt: string, limit: number): Promise<JobRow[]> {
    const due = this.db
      .selectFrom('jobs')
      .select('id')
      .where((eb) =>
        eb.or([
          eb.and([eb('state', 'in', CLAIMABLE), eb('run_at', '<=', now)]),
          eb.and([eb('state', '=', 'running'), eb('lease_expires_at', '<', now)]),
        ]),
      )
      .orderBy('run_at')
      .orderBy('id')
      .limit(limit)
      .$if(this.dialect === 'postgres', (query) => query.forUpdate().skipLocked());
    const rows = await this.db
      .updateTable('jobs')
      .set((eb) => ({
        state: 'running',
        lease_owner: owner,
        lease_expires_at: leaseExpiresAt,
        attempts: eb('attempts', '+', 1),
        updated_at: now,
      }))
      .where('id', 'in', due)
      .returningAll()
      .execute();
    // RETURNING has no defined order; start the longest-waiting first.
    return rows.sort((a, b) => a.run_at.localeCompare(b.run_at) || a.id.localeCompare(b.id));
  }

  /** Extend the lease; false when `owner` lost it (expired and re-claimed, cancelled, released). */
  async heartbeat(id: string, owner: string, leaseExpiresAt: string, now: string): Promise<boolean> {
    const result = await whileLeased(this.db, id, owner)
      .set({ lease_expires_at: leaseExpiresAt, updated_at: now })
      .executeTakeFirst();
    return result.numUpdatedRows === 1n;
  }

  async updateProgress(
    id: string,
    owner: string,
    progress: number,
    message: string | null,
    now: string,
  ): Promise<boolean> {
    const result = await whileLeased(this.db, id, owner)
      .set({ progress, progress_message: message, updated_at: now })
      .executeTakeFirst();
    return result.numUpdatedRows === 1n;
  }

  async complete(id: string, owner: string, result: string | null, now: string): Promise<boolean> {
    const outcome = await whileLeased(this.db, id, owner)
      .set({ ...unleased, state: 'succeeded', progress: 100, result, finished_at: now, updated_at: now })
      .executeTakeFirst();
    return outcome.numUpdatedRows === 1n;
  }

  /** Record a failed attempt: `failed` with the next try at `runAt`, or `dead` when none is left. */
  async fail(
    id: string,
    owner: string,
    failure: { state: 'failed' | 'dead'; error: string; runAt: string; now: string },
  ): Promise<boolean> {
    const result = await whileLeased(this.db, id, owner)
      .set({
        ...unleased,
        state: failure.state,
        last_error: failure.error,
        run_at: failure.runAt,
        finished_at: failure.state === 'dead' ? failure.now : null,
        updated_at: failure.now,
      })
      .executeTakeFirst();
    return result.numUpdatedRows === 1n;
  }

  /** Hand a job back unfinished (shutdown): queued again at once, and the interrupted attempt not counted. */
  async release(id: string, owner: string, now: string): Promise<boolean> {
    const result = await whileLeased(this.db, id, owner)
      .set((eb) => ({
        ...unleased,
        state: 'queued',
        attempts: eb('attempts', '-', 1),
        run_at: now,
        updated_at: now,
      }))
      .executeTakeFirst();
    return result.numUpdatedRows === 1n;
  }

  /** Run a job again at `runAt` without counting this run as an attempt (the handler postponed it). */
  async postpone(id: string, owner: string, runAt: string, now: string): Promise<boolean> {
    const result = await whileLeased(this.db, id, owner)
      .set((eb) => ({
        ...unleased,
        state: 'queued',
        attempts: eb('attempts', '-', 1),
        run_at: runAt,
        updated_at: now,
      }))
      .executeTakeFirst();
    return result.numUpdatedRows === 1n;
  }

  /** A failed or dead job back to `queued` with a fresh set of attempts; false when not retryable. */
  async retry(businessId: string, id: string, now: string): Promise<boolean> {
    const result = await this.db
      .updateTable('jobs')
      .set({ ...unleased, state: 'queued', attempts: 0, run_at: now, finished_at: null, updated_at: now })
      .where('business_id', '=', businessId)
      .where('id', '=', id)
      .where('state', 'in', RETRYABLE)
      .executeTakeFirst();
    return result.numUpdatedRows === 1n;
  }

  /** Cancel an unfinished job; a running one loses its lease, which tells its worker to stop. */
  /** Delete finished jobs: succeeded and cancelled ones before `succeededBefore`, dead ones before `failedBefore`. */
  async deleteFinished(cutoffs: { succeededBefore: string; failedBefore: string }): Promise<number> {
    const result = await this.db
      .deleteFrom('jobs')
      .where((eb) =>
        eb.or([
          eb.and([
            eb('state', 'in', ['succeeded', 'cancelled']),
            eb('finished_at', '<', cutoffs.succeededBefore),
          ]),
          eb.and([eb('state', '=', 'dead'), eb('finished_at', '<', cutoffs.failedBefore)]),
        ]),
      )
      .executeTakeFirst();
    return Number(result.numDeletedRows);
  }

  async cancel(businessId: string, id: string, now: string): Promise<boolean> {
    const result = await this.db
      .updateTable('jobs')
      .set({ ...unleased, state: 'cancelled', finished_at: now, updated_at: now })
      .where('business_id', '=', businessId)
      .where('id', '=', id)
      .where('state', 'in', CANCELLABLE)
      .executeTakeFirst();
    return result.numUpdatedRows === 1n;
  }

  /** How many jobs are in each state, all workspaces together (the queue-depth metric). */
  async countByState(): Promise<Array<{ state: JobState; count: number }>> {
    const rows = await this.db
      .selectFrom('jobs')
      .select(['state', (eb) => eb.fn.countAll<number>().as('count')])
      .groupBy('state')
      .execute();
    return rows.map((row) => ({ state: row.state, count: Number(row.count) }));
  }
}

const unleased = { lease_owner: null, lease_expires_at: null } as const;

/** Rows a worker may change: still running under its lease. */
function whileLeased(db: Kysely<DB>, id: string, owner: string) {
  return db
    .updateTable('jobs')
    .where('id', '=', id)
    .where('lease_owner', '=', owner)
    .where('state', '=', 'running');
}
