import type { Kysely } from 'kysely';
import type { ContentStatus } from '#shared/content.schema.js';
import type { CalendarFeedRow, ContentItemRow, DB } from '../db/schema.js';

/** The public fields of a feed; the token hash never leaves this module. */
export type CalendarFeedView = Omit<CalendarFeedRow, 'token_hash' | 'business_id'>;

const PUBLIC_COLUMNS = ['id', 'created_by', 'created_at', 'revoked_at'] as const;

/** What an export reads: a range over scheduled_at (from inclusive, to exclusive), or everything. */
export interface ExportRange {
  from?: string;
  to?: string;
  statuses?: readonly ContentStatus[];
  limit: number;
}

/** Secret calendar feeds of a workspace, and the content reads behind the feed and the CSV export. */
export class CalendarFeedRepository {
  constructor(private readonly db: Kysely<DB>) {}

  list(businessId: string): Promise<CalendarFeedView[]> {
    return this.db
      .selectFrom('calendar_feeds')
      .select(PUBLIC_COLUMNS)
      .where('business_id', '=', businessId)
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .execute();
  }

  async insert(feed: Omit<CalendarFeedRow, 'revoked_at'>): Promise<void> {
    await this.db
      .insertInto('calendar_feeds')
      .values({ ...feed, revoked_at: null })
      .execute();
  }

  /** False when the feed does not exist in this workspace or was already revoked. */
  async revoke(businessId: string, feedId: string, at: string): Promise<boolean> {
    const result = await this.db
      .updateTable('calendar_feeds')
      .set({ revoked_at: at })
      .where('business_id', '=', businessId)
      .where('id', '=', feedId)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    return result.numUpdatedRows === 1n;
  }

  /** The feed lookup: not scoped by a workspace, because the token is how its workspace is found. */
  findActiveByHash(tokenHash: string): Promise<Pick<CalendarFeedRow, 'id' | 'business_id'> | undefined> {
    return this.db
      .selectFrom('calendar_feeds')
      .select(['id', 'business_id'])
      .where('token_hash', '=', tokenHash)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
  }

  /**
   * Items of the workspace for an export: with a range, in time order on the calendar index; without,
   * the whole library in creation order (UUIDv7 ids).
   */
  contentForExport(businessId: string, range: ExportRange): Promise<ContentItemRow[]> {
    let query = this.db
      .selectFrom('content_items')
      .selectAll()
      .where('business_id', '=', businessId)
      .where('deleted_at', 'is', null);
    if (range.statuses) query = query.where('status', 'in', range.statuses);
    if (range.from === undefined && range.to === undefined) {
      return query.orderBy('id').limit(range.limit).execute();
    }
    if (range.from) query = query.where('scheduled_at', '>=', range.from);
    if (range.to) query = query.where('scheduled_at', '<', range.to);
    return query.orderBy('scheduled_at').orderBy('id').limit(range.limit).execute();
  }
}
