import type { Kysely } from 'kysely';
import type { Role } from '#shared/roles.js';
import { compileOnce } from '../db/compile-once.js';
import type { Dialect } from '../db/database.js';
import type { BusinessesTable, BusinessRow, BusinessUpdate, DB, NewBusiness } from '../db/schema.js';

/** A workspace together with the role of the member who asked for it. */
export type BusinessWithRole = BusinessRow & { role: Role };

/**
 * Every column, named rather than `businesses.*`: these reads are compiled once, which PostgreSQL prepares,
 * and a prepared `*` stops working when a migration adds a column (db/prepared-statements.ts).
 */
const BUSINESS_COLUMNS = [
  'businesses.id',
  'businesses.name',
  'businesses.industry',
  'businesses.description',
  'businesses.website',
  'businesses.time_zone',
  'businesses.locale',
  'businesses.brand_profile',
  'businesses.require_two_factor',
  'businesses.created_at',
  'businesses.updated_at',
] as const;

/** A column missing from the list above fails `npm run typecheck` here, naming it. */
type ColumnsNotListed = Exclude<`businesses.${keyof BusinessesTable}`, (typeof BUSINESS_COLUMNS)[number]>;
export const EVERY_BUSINESS_COLUMN_IS_LISTED: [ColumnsNotListed] extends [never] ? true : ColumnsNotListed =
  true;

/** Businesses the user belongs to, with their role: the membership join *is* the tenant scope. */
function businessesOfUser(db: Kysely<DB>, userId: string) {
  return db
    .selectFrom('businesses')
    .innerJoin('memberships', 'memberships.business_id', 'businesses.id')
    .select(BUSINESS_COLUMNS)
    .select('memberships.role')
    .where('memberships.user_id', '=', userId);
}

/** Workspaces. Every read goes through a membership (or an API key's own workspace). */
export class BusinessRepository {
  // The two reads behind every workspace page, compiled once (see compileOnce).
  private readonly listForUserQuery = compileOnce(1, (userId: string) =>
    businessesOfUser(this.db, userId).orderBy('businesses.name').orderBy('businesses.id'),
  );
  private readonly findForMemberQuery = compileOnce(2, (businessId: string, userId: string) =>
    businessesOfUser(this.db, userId).where('businesses.id', '=', businessId),
  );

  constructor(
    private readonly db: Kysely<DB>,
    private readonly dialect: Dialect,
  ) {}

  /**
   * Serialise one workspace's read-then-write rules inside the current transaction (PostgreSQL only: SQLite
   * runs one writer at a time), so two requests cannot both read "another owner is left", "the quota has
   * room" or "this queue slot is free" and both act on it.
   */
  async lockForWrites(businessId: string): Promise<void> {
    if (this.dialect !== 'postgres') return;
    await this.db.selectFrom('businesses').select('id').where('id', '=', businessId).forUpdate().execute();
  }

  async listForUser(userId: string): Promise<BusinessWithRole[]> {
    return (await this.db.executeQuery(this.listForUserQuery(userId))).rows;
  }

  /** The business if `userId` is a member of it, else undefined (callers answer 404). */
  async findForMember(businessId: string, userId: string): Promise<BusinessWithRole | undefined> {
    return (await this.db.executeQuery(this.findForMemberQuery(businessId, userId))).rows[0];
  }

  /** For API-key principals, whose scope is the key's own business id. */
  findById(businessId: string): Promise<BusinessRow | undefined> {
    return this.db.selectFrom('businesses').selectAll().where('id', '=', businessId).executeTakeFirst();
  }

  async insert(business: NewBusiness): Promise<void> {
    await this.db.insertInto('businesses').values(business).execute();
  }

  async update(businessId: string, patch: BusinessUpdate): Promise<void> {
    await this.db.updateTable('businesses').set(patch).where('id', '=', businessId).execute();
  }

  /**
   * Every workspace's id and time zone, a page at a time after `afterId` (system work that visits each
   * workspace: the weekly digests).
   */
  timeZones(options: { limit: number; afterId?: string }): Promise<{ id: string; time_zone: string }[]> {
    let query = this.db.selectFrom('businesses').select(['id', 'time_zone']);
    if (options.afterId) query = query.where('id', '>', options.afterId);
    return query.orderBy('id').limit(options.limit).execute();
  }

  /** Deletes the business; memberships, keys and audit entries go with it (ON DELETE CASCADE). */
  async delete(businessId: string): Promise<void> {
    await this.db.deleteFrom('businesses').where('id', '=', businessId).execute();
  }
}
