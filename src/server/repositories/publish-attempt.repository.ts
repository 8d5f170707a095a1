import type { Kysely } from 'kysely';
import type { ContentStatus } from '#shared/content.schema.js';
import type { ContentItemRow, DB, PublishAttemptRow } from '../db/schema.js';

/** Attempts kept per item in a listing; far more than retries and reschedules produce. */
const MAX_ATTEMPTS_LISTED = 500;

/** How a publication ended, as written onto the item. */
export interface PublicationSettlement {
  status: Extract<ContentStatus, 'published' | 'failed'>;
  published_at: string | null;
  publish_error: string | null;
  updated_at: string;
}

/**
 * Publish attempts, and the publication state of content items (their publish job, when they went out,
 * why they failed). Every write to an item here is conditional on the item still being scheduled for the
 * same time, so a publisher acting on an item someone just moved changes nothing. Scoped by workspace id.
 */
export class PublishAttemptRepository {
  constructor(private readonly db: Kysely<DB>) {}

  async insert(attempt: PublishAttemptRow): Promise<void> {
    await this.db.insertInto('publish_attempts').values(attempt).execute();
  }

  /**
   * Which items were published at `urls` (a connector's answer or a network post, any part of a thread):
   * a URL may name an item in a results CSV. Distinct (url, item) pairs; a URL reused by two items yields
   * both, for the caller to call ambiguous.
   */
  async itemsPublishedAt(
    businessId: string,
    urls: readonly string[],
  ): Promise<{ url: string; content_item_id: string }[]> {
    if (urls.length === 0) return [];
    const rows = await this.db
      .selectFrom('publish_attempts')
      .select(['external_url as url', 'content_item_id'])
      .where('business_id', '=', businessId)
      .where('outcome', '=', 'succeeded')
      .where('external_url', 'in', urls)
      .union(
        this.db
          .selectFrom('network_posts')
          .select(['url', 'content_item_id'])
          .where('business_id', '=', businessId)
          .where('url', 'in', urls),
      )
      .execute();
    return rows.flatMap((row) =>
      row.url === null ? [] : [{ url: row.url, content_item_id: row.content_item_id }],
    );
  }

  /** Oldest first. */
  listForItem(businessId: string, itemId: string): Promise<PublishAttemptRow[]> {
    return this.db
      .selectFrom('publish_attempts')
      .selectAll()
      .where('business_id', '=', businessId)
      .where('content_item_id', '=', itemId)
      .orderBy('id')
      .limit(MAX_ATTEMPTS_LISTED)
      .execute();
  }

  /**
   * Record the job enqueued for the item's schedule. The version stays: this is the system's
   * bookkeeping, and the person who just scheduled the item must not get a 409 on their next edit.
   */
  async setJob(businessId: string, itemId: string, scheduledAt: string, jobId: string): Promise<boolean> {
    const result = await this.db
      .updateTable('content_items')
      .set({ publish_job_id: jobId })
      .where('business_id', '=', businessId)
      .where('id', '=', itemId)
      .where('status', '=', 'scheduled')
      .where('scheduled_at', '=', scheduledAt)
      .executeTakeFirst();
    return result.numUpdatedRows === 1n;
  }

  /** Forget the item's job if it is still `jobId` (the item left its schedule and the job was cancelled). */
  async releaseJob(businessId: string, itemId: string, jobId: string): Promise<void> {
    await this.db
      .updateTable('content_items')
      .set({ publish_job_id: null })
      .where('business_id', '=', businessId)
      .where('id', '=', itemId)
      .where('publish_job_id', '=', jobId)
      .execute();
  }

  /**
   * Make `jobId` the item's publisher, unless another job already is: of two jobs for one schedule (a
   * cancel that came too late), only one ever sends. True when `jobId` holds the item.
   */
  async claim(businessId: string, itemId: string, scheduledAt: string, jobId: string): Promise<boolean> {
    const result = await this.db
      .updateTable('content_items')
      .set({ publish_job_id: jobId })
      .where('business_id', '=', businessId)
      .where('id', '=', itemId)
      .where('status', '=', 'scheduled')
      .where('scheduled_at', '=', scheduledAt)
      // A deleted item is never sent, even by a job whose cancellation came too late.
      .where('deleted_at', 'is', null)
      .where((eb) => eb.or([eb('publish_job_id', 'is', null), eb('publish_job_id', '=', jobId)]))
      .executeTakeFirst();
    return result.numUpdatedRows === 1n;
  }

  /**
   * Write how the publication ended (bumping the version: the status changed), if the item is still
   * scheduled for `scheduledAt` and held by `jobId` (null: by no job). The job lets go of the item, so a
   * later schedule starts clean. Undefined when the item moved on.
   */
  settle(
    businessId: string,
    itemId: string,
    scheduledAt: string,
    jobId: string | null,
    settlement: PublicationSettlement,
  ): Promise<ContentItemRow | undefined> {
    const query = this.db
      .updateTable('content_items')
      .set((eb) => ({ ...settlement, publish_job_id: null, version: eb('version', '+', 1) }))
      .where('business_id', '=', businessId)
      .where('id', '=', itemId)
      .where('status', '=', 'scheduled')
      .where('scheduled_at', '=', scheduledAt);
    return (
      jobId === null ? query.where('publish_job_id', 'is', null) : query.where('publish_job_id', '=', jobId)
    )
      .returningAll()
      .executeTakeFirst();
  }
}
