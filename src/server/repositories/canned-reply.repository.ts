import type { Kysely } from 'kysely';
import type { CannedReplyRow, DB } from '../db/schema.js';

/** A workspace's canned replies. Every method but `businessIdOf` is scoped by the workspace id. */
export class CannedReplyRepository {
  constructor(private readonly db: Kysely<DB>) {}

  /** The workspace of a canned reply reached by id alone, for the access check. */
  async businessIdOf(id: string): Promise<string | undefined> {
    const row = await this.db
      .selectFrom('canned_replies')
      .select('business_id')
      .where('id', '=', id)
      .executeTakeFirst();
    return row?.business_id;
  }

  list(businessId: string): Promise<CannedReplyRow[]> {
    return this.db
      .selectFrom('canned_replies')
      .selectAll()
      .where('business_id', '=', businessId)
      .orderBy('title')
      .orderBy('id')
      .execute();
  }

  find(businessId: string, id: string): Promise<CannedReplyRow | undefined> {
    return this.db
      .selectFrom('canned_replies')
      .selectAll()
      .where('business_id', '=', businessId)
      .where('id', '=', id)
      .executeTakeFirst();
  }

  async insert(row: CannedReplyRow): Promise<void> {
    await this.db.insertInto('canned_replies').values(row).execute();
  }

  async update(
    businessId: string,
    id: string,
    changes: Partial<Pick<CannedReplyRow, 'title' | 'body' | 'updated_at'>>,
  ): Promise<boolean> {
    const result = await this.db
      .updateTable('canned_replies')
      .set(changes)
      .where('business_id', '=', businessId)
      .where('id', '=', id)
      .executeTakeFirst();
    return result.numUpdatedRows === 1n;
  }

  async delete(businessId: string, id: string): Promise<boolean> {
    const result = await this.db
      .deleteFrom('canned_replies')
      .where('business_id', '=', businessId)
      .where('id', '=', id)
      .executeTakeFirst();
    return result.numDeletedRows === 1n;
  }
}
