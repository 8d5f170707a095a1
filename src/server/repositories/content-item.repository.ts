import { type Kysely, sql } from 'kysely';
import type { ChannelId } from '#shared/channel-ids.js';
import type { ContentStatus } from '#shared/content.schema.js';
import type { Dialect } from '../db/database.js';
import type { ContentItemRow, ContentItemUpdate, DB, NewContentItem } from '../db/schema.js';
import type { KeysetPosition } from './campaign.repository.js';
import { searchCandidates } from './search-candidates.js';

/**
 * A search whose phrase may be in more items than this walks the page's order instead of reading them all
 * (searchCandidates): about where reading the candidates one by one and sorting them costs what walking
 * the order until a page of matches does, for a phrase spread over a million items (√(50 × 10⁶) ≈ 7,000).
 */
const SEARCH_CANDIDATES_MAX = 5_000;

/** Filters and page of a content list; see `page` for the two orders. */
export interface ContentPageOptions {
  /** Calendar range over scheduled_at: from inclusive, to exclusive (ISO UTC). */
  from?: string;
  to?: string;
  channel?: ChannelId;
  status?: ContentStatus;
  campaignId?: string;
  pillar?: string;
  /** The items of one composer post. */
  postGroup?: string;
  /** Words the title or the text contains, case-insensitively (the whole phrase, as typed). */
  search?: string;
  limit: number;
  /** Calendar mode: the last (scheduled_at, id) seen. Library mode: `value` is unused, the last id. */
  after?: KeysetPosition;
}

/** Whether a page query is a calendar range (by scheduled_at) or the whole library (newest first). */
export function isCalendarRange(options: Pick<ContentPageOptions, 'from' | 'to'>): boolean {
  return options.from !== undefined || options.to !== undefined;
}

/** `LIKE` pattern for text containing `phrase`, its wildcards escaped (with `\`). */
export function containsPattern(phrase: string): string {
  return `%${phrase.toLowerCase().replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
}

/** Items not deleted: the start of every read. */
function liveItems(db: Kysely<DB>) {
  return db.selectFrom('content_items').where('content_items.deleted_at', 'is', null);
}

/**
 * A workspace's content items. Every method but `businessIdOf` and `purgeDeletedBefore` is scoped by the
 * workspace id. Deleted items (`deleted_at`, migration 0028) are invisible to every read and edit here but
 * `deletedAmong`, `restore` and the purge: a delete can be undone until the housekeeping purge.
 */
export class ContentItemRepository {
  constructor(
    private readonly db: Kysely<DB>,
    private readonly dialect: Dialect,
  ) {}

  /** The workspace an item belongs to, so `/api/content/{id}` can check the caller's role there first. */
  async businessIdOf(itemId: string): Promise<string | undefined> {
    const row = await liveItems(this.db).select('business_id').where('id', '=', itemId).executeTakeFirst();
    return row?.business_id;
  }

  find(businessId: string, itemId: string): Promise<ContentItemRow | undefined> {
    return liveItems(this.db)
      .selectAll()
      .where('business_id', '=', businessId)
      .where('id', '=', itemId)
      .executeTakeFirst();
  }

  /** The items among `itemIds` that belong to the workspace (others are simply absent). */
  findMany(businessId: string, itemIds: readonly string[]): Promise<ContentItemRow[]> {
    return liveItems(this.db)
      .selectAll()
      .where('business_id', '=', businessId)
      .where('id', 'in', itemIds)
      .execute();
  }

  /** The deleted items among `itemIds` that belong to the workspace: what a restore may bring back. */
  deletedAmong(businessId: string, itemIds: readonly string[]): Promise<ContentItemRow[]> {
    return this.db
      .selectFrom('content_items')
      .selectAll()
      .where('business_id', '=', businessId)
      .where('id', 'in', itemIds)
      .where('deleted_at', 'is not', null)
      .execute();
  }

  /**
   * One page. A calendar range (`from`/`to`) runs on the (business_id, scheduled_at, id) index in time
   * order; without a range, the library comes newest first by id (UUIDv7 ids are time-ordered).
   */
  async page(businessId: string, options: ContentPageOptions): Promise<ContentItemRow[]> {
    let query = liveItems(this.db).selectAll().where('business_id', '=', businessId);
    const library = !isCalendarRange(options);
    if (options.channel) query = query.where('channel', '=', options.channel);
    if (options.status && library) {
      // The library filtered by status is read from the (business_id, status, id) index, ordered by status
      // then id, and the status given as a range of one value: with `status = ?` PostgreSQL drops status
      // from the order, takes the primary key for `order by id` too, and expects a match every few rows
      // (`published` is two thirds of the items), so it walked the newest 192,000 items, planned ones that
      // are never published, before the first match (docs/benchmarks.md, "One large workspace").
      query = query.where('status', '>=', options.status).where('status', '<=', options.status);
    } else if (options.status) query = query.where('status', '=', options.status);
    if (options.campaignId) query = query.where('campaign_id', '=', options.campaignId);
    if (options.pillar) query = query.where('pillar', '=', options.pillar);
    if (options.postGroup) query = query.where('post_group', '=', options.postGroup);
    if (options.search) {
      // Lower() on both sides because PostgreSQL's LIKE is case-sensitive and SQLite's only for ASCII.
      // PostgreSQL answers a selective phrase from the trigram indexes on these expressions (migration
      // 0033) and walks the page's order for a common one, by its own estimate; SQLite is told which rows
      // can match by its FTS5 table when there are few (searchCandidates), and walks the order otherwise.
      const pattern = containsPattern(options.search);
      query = query.where((eb) =>
        eb.or([
          eb(sql`lower(title)`, 'like', sql`${pattern} escape '\\'`),
          eb(sql`lower(body)`, 'like', sql`${pattern} escape '\\'`),
        ]),
      );
      const candidates =
        this.dialect === 'sqlite'
          ? await searchCandidates(this.db, 'content_items_search', options.search, {
              many: SEARCH_CANDIDATES_MAX,
            })
          : undefined;
      if (candidates && candidates !== 'common') {
        query = query.where(sql.ref('content_items.rowid'), 'in', candidates);
      }
    }
    const { after } = options;
    if (library) {
      if (after) query = query.where('id', '<', after.id);
      if (options.status) query = query.orderBy('status', 'desc');
      return query.orderBy('id', 'desc').limit(options.limit).execute();
    }
    if (options.from) query = query.where('scheduled_at', '>=', options.from);
    if (options.to) query = query.where('scheduled_at', '<', options.to);
    if (after) {
      query = query.where((eb) =>
        eb(eb.refTuple('scheduled_at', 'id'), '>', eb.tuple(after.value, after.id)),
      );
    }
    return query.orderBy('scheduled_at').orderBy('id').limit(options.limit).execute();
  }

  /** How many items are in each status (statuses with none are absent); one pass over the status index. */
  async countByStatus(businessId: string): Promise<Partial<Record<ContentStatus, number>>> {
    const rows = await liveItems(this.db)
      .select(['status', (eb) => eb.fn.countAll<number | string>().as('count')])
      .where('business_id', '=', businessId)
      .groupBy('status')
      .execute();
    return Object.fromEntries(rows.map((row) => [row.status, Number(row.count)]));
  }

  /**
   * The first `limit` items in `status` by `order`: the latest failures (`updated_at` descending), or the
   * next to go out (`scheduled_at` from `from` on).
   */
  inStatus(
    businessId: string,
    status: ContentStatus,
    order: { by: 'updated_at' | 'scheduled_at'; direction: 'asc' | 'desc'; from?: string },
    limit: number,
  ): Promise<ContentItemRow[]> {
    let query = liveItems(this.db)
      .selectAll()
      .where('business_id', '=', businessId)
      .where('status', '=', status);
    if (order.from) query = query.where(order.by, '>=', order.from);
    return query.orderBy(order.by, order.direction).orderBy('id', order.direction).limit(limit).execute();
  }

  /**
   * Items in review, the longest waiting first, each with `waiting_since`: its latest submission (the
   * history's `submitted` entry), so an edit during the review does not reset the wait; its last change when
   * it has none. The history lookup is per item on its (business_id, content_item_id) index.
   */
  longestInReview(
    businessId: string,
    limit: number,
  ): Promise<(ContentItemRow & { waiting_since: string })[]> {
    return liveItems(this.db)
      .selectAll('content_items')
      .select((eb) =>
        eb.fn
          .coalesce(
            eb
              .selectFrom('content_item_history as history')
              .select((inner) => inner.fn.max('history.created_at').as('at'))
              .whereRef('history.business_id', '=', 'content_items.business_id')
              .whereRef('history.content_item_id', '=', 'content_items.id')
              .where('history.action', '=', 'submitted'),
            eb.ref('content_items.updated_at'),
          )
          .$castTo<string>()
          .as('waiting_since'),
      )
      .where('content_items.business_id', '=', businessId)
      .where('content_items.status', '=', 'in_review')
      .orderBy('waiting_since')
      .orderBy('content_items.id')
      .limit(limit)
      .execute();
  }

  /**
   * The items whose title is one of `titles` (exactly), with their title: a CSV names items this way, and
   * a title that two items share must be told apart by the caller.
   */
  withTitles(businessId: string, titles: readonly string[]): Promise<{ id: string; title: string }[]> {
    if (titles.length === 0) return Promise.resolve([]);
    return liveItems(this.db)
      .select(['id', 'title'])
      .where('business_id', '=', businessId)
      .where('title', 'in', titles)
      .execute();
  }

  async insert(item: NewContentItem): Promise<void> {
    await this.db.insertInto('content_items').values(item).execute();
  }

  /**
   * Apply `patch` only if the item is still at `version`, bumping the version in the same statement: the
   * one conditional UPDATE is the optimistic lock. Undefined when the item moved on (or does not exist).
   */
  updateIfVersion(
    businessId: string,
    itemId: string,
    version: number,
    patch: ContentItemUpdate,
  ): Promise<ContentItemRow | undefined> {
    return this.db
      .updateTable('content_items')
      .set((eb) => ({ ...patch, version: eb('version', '+', 1) }))
      .where('business_id', '=', businessId)
      .where('id', '=', itemId)
      .where('version', '=', version)
      .where('deleted_at', 'is', null)
      .returningAll()
      .executeTakeFirst();
  }

  /**
   * Delete items of the workspace, undoably: they keep everything attached to them until the purge. The
   * version is bumped so an editor's pending save of a deleted item conflicts rather than lands.
   */
  async delete(businessId: string, itemIds: readonly string[], at: string): Promise<number> {
    const result = await this.db
      .updateTable('content_items')
      .set((eb) => ({ deleted_at: at, version: eb('version', '+', 1) }))
      .where('business_id', '=', businessId)
      .where('id', 'in', itemIds)
      .where('deleted_at', 'is', null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows);
  }

  /** Bring deleted items of the workspace back as they were (the purge has not reached them). */
  restore(businessId: string, itemIds: readonly string[]): Promise<ContentItemRow[]> {
    return this.db
      .updateTable('content_items')
      .set((eb) => ({ deleted_at: null, version: eb('version', '+', 1) }))
      .where('business_id', '=', businessId)
      .where('id', 'in', itemIds)
      .where('deleted_at', 'is not', null)
      .returningAll()
      .execute();
  }

  /**
   * Delete for good, in every workspace, the items deleted before `cutoff` (housekeeping); their history,
   * media links, comments, attempts and results go with them (ON DELETE CASCADE). Returns how many.
   */
  async purgeDeletedBefore(cutoff: string): Promise<number> {
    const result = await this.db
      .deleteFrom('content_items')
      .where('deleted_at', 'is not', null)
      .where('deleted_at', '<', cutoff)
      .executeTakeFirst();
    return Number(result.numDeletedRows);
  }

  /**
   * Detach a campaign's items before the campaign is deleted: the content itself is kept. The version
   * stays: no one's text changes, so an editor's pending save should not conflict with this.
   */
  async unlinkCampaign(businessId: string, campaignId: string, at: string): Promise<void> {
    await this.db
      .updateTable('content_items')
      .set({ campaign_id: null, updated_at: at })
      .where('business_id', '=', businessId)
      .where('campaign_id', '=', campaignId)
      .execute();
  }
}
