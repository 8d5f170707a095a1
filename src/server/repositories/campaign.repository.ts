import type { CompiledQuery, Kysely } from 'kysely';
import type { CampaignSortKey, CampaignStatus } from '#shared/campaign.schema.js';
import { compileOnce } from '../db/compile-once.js';
import type { CampaignRow, CampaignsTable, CampaignUpdate, DB } from '../db/schema.js';

/** Where the previous page ended: the sort column's value and the id that breaks ties. */
export interface KeysetPosition {
  value: string;
  id: string;
}

/** Filters, order and page of a campaign list. */
export interface CampaignPageOptions {
  status?: CampaignStatus;
  /** Keep campaigns overlapping [from, to] (dates, inclusive). */
  from?: string;
  to?: string;
  sort: CampaignSortKey;
  order: 'asc' | 'desc';
  limit: number;
  after?: KeysetPosition;
}

/**
 * Every column, named rather than `*`, in the reads compiled once: PostgreSQL prepares those, and a
 * prepared `select *` stops working when a migration adds a column (db/prepared-statements.ts).
 */
const CAMPAIGN_COLUMNS = [
  'id',
  'business_id',
  'name',
  'objective',
  'channels',
  'budget_minor',
  'currency',
  'start_date',
  'end_date',
  'kpis',
  'status',
  'created_by',
  'created_at',
  'updated_at',
] as const;

/** A column missing from the list above fails `npm run typecheck` here, naming it. */
type ColumnsNotListed = Exclude<keyof CampaignsTable, (typeof CAMPAIGN_COLUMNS)[number]>;
export const EVERY_CAMPAIGN_COLUMN_IS_LISTED: [ColumnsNotListed] extends [never] ? true : ColumnsNotListed =
  true;

/** A workspace's campaigns. Every method but `businessIdOf` is scoped by the workspace id. */
export class CampaignRepository {
  // The two reads behind `GET /api/campaign/{id}`, compiled once (see compileOnce).
  private readonly businessIdOfQuery = compileOnce(1, (campaignId: string) =>
    this.db.selectFrom('campaigns').select('business_id').where('id', '=', campaignId),
  );
  private readonly findQuery = compileOnce(2, (businessId: string, campaignId: string) =>
    this.db
      .selectFrom('campaigns')
      .select(CAMPAIGN_COLUMNS)
      .where('business_id', '=', businessId)
      .where('id', '=', campaignId),
  );

  /** The first page with no filter, per sort and order: what the campaign list asks nearly every time. */
  private readonly firstPageQueries = new Map<
    string,
    (businessId: string, limit: number) => CompiledQuery<CampaignRow>
  >();

  constructor(private readonly db: Kysely<DB>) {}

  /**
   * The workspace a campaign belongs to, so `/api/campaign/{id}` can check the caller's role there before
   * reading the row through the scoped `find`.
   */
  async businessIdOf(campaignId: string): Promise<string | undefined> {
    const [row] = (await this.db.executeQuery(this.businessIdOfQuery(campaignId))).rows;
    return row?.business_id;
  }

  async find(businessId: string, campaignId: string): Promise<CampaignRow | undefined> {
    return (await this.db.executeQuery(this.findQuery(businessId, campaignId))).rows[0];
  }

  /** One page in (sort column, id) order; the id makes the order total so pages never overlap. */
  page(businessId: string, options: CampaignPageOptions): Promise<CampaignRow[]> {
    const { sort, order, after } = options;
    if (!options.status && !options.to && !options.from && !after) {
      const key = `${sort}.${order}`;
      let firstPage = this.firstPageQueries.get(key);
      if (!firstPage) {
        // The very statement built below for these options, compiled once (see compileOnce).
        firstPage = compileOnce(2, (id: string, rows: number) =>
          this.db
            .selectFrom('campaigns')
            .select(CAMPAIGN_COLUMNS)
            .where('business_id', '=', id)
            .orderBy(sort, order)
            .orderBy('id', order)
            .limit(rows),
        );
        this.firstPageQueries.set(key, firstPage);
      }
      return this.db.executeQuery(firstPage(businessId, options.limit)).then((result) => result.rows);
    }
    const direction = order === 'asc' ? '>' : '<';
    let query = this.db
      .selectFrom('campaigns')
      .select(CAMPAIGN_COLUMNS)
      .where('business_id', '=', businessId);
    if (options.status) query = query.where('status', '=', options.status);
    if (options.to) query = query.where('start_date', '<=', options.to);
    if (options.from) query = query.where('end_date', '>=', options.from);
    if (after) {
      query = query.where((eb) => eb(eb.refTuple(sort, 'id'), direction, eb.tuple(after.value, after.id)));
    }
    return query.orderBy(sort, order).orderBy('id', order).limit(options.limit).execute();
  }

  async insert(campaign: CampaignRow): Promise<void> {
    await this.db.insertInto('campaigns').values(campaign).execute();
  }

  /**
   * Apply `patch`; with `fromStatus`, only while the campaign still has that status, so two concurrent
   * status moves cannot chain into a transition the rules forbid (draft → active → archived).
   */
  update(
    businessId: string,
    campaignId: string,
    patch: CampaignUpdate,
    fromStatus?: CampaignStatus,
  ): Promise<CampaignRow | undefined> {
    let query = this.db
      .updateTable('campaigns')
      .set(patch)
      .where('business_id', '=', businessId)
      .where('id', '=', campaignId);
    if (fromStatus) query = query.where('status', '=', fromStatus);
    return query.returningAll().executeTakeFirst();
  }

  /** Deletes the campaign; the caller unlinks its content items first (see ContentItemRepository). */
  async delete(businessId: string, campaignId: string): Promise<boolean> {
    const result = await this.db
      .deleteFrom('campaigns')
      .where('business_id', '=', businessId)
      .where('id', '=', campaignId)
      .executeTakeFirst();
    return result.numDeletedRows > 0n;
  }
}
