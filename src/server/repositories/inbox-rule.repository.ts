import type { Kysely } from 'kysely';
import type { DB, InboxRuleRow } from '../db/schema.js';

/** A workspace's inbox rules. Every method but `businessIdOf` is scoped by the workspace id. */
export class InboxRuleRepository {
  constructor(private readonly db: Kysely<DB>) {}

  /** The workspace of a rule reached by id alone, for the access check. */
  async businessIdOf(id: string): Promise<string | undefined> {
    const row = await this.db
      .selectFrom('inbox_rules')
      .select('business_id')
      .where('id', '=', id)
      .executeTakeFirst();
    return row?.business_id;
  }

  list(businessId: string): Promise<InboxRuleRow[]> {
    return this.db
      .selectFrom('inbox_rules')
      .selectAll()
      .where('business_id', '=', businessId)
      .orderBy('position')
      .orderBy('id')
      .execute();
  }

  find(businessId: string, id: string): Promise<InboxRuleRow | undefined> {
    return this.db
      .selectFrom('inbox_rules')
      .selectAll()
      .where('business_id', '=', businessId)
      .where('id', '=', id)
      .executeTakeFirst();
  }

  /** Enabled rules in the order they apply. */
  listEnabled(businessId: string): Promise<InboxRuleRow[]> {
    return this.db
      .selectFrom('inbox_rules')
      .selectAll()
      .where('business_id', '=', businessId)
      .where('enabled', '=', 1)
      .orderBy('position')
      .orderBy('id')
      .execute();
  }

  async insert(row: InboxRuleRow): Promise<void> {
    await this.db.insertInto('inbox_rules').values(row).execute();
  }

  async update(
    businessId: string,
    id: string,
    changes: Partial<Omit<InboxRuleRow, 'id' | 'business_id' | 'created_at'>>,
  ): Promise<boolean> {
    const result = await this.db
      .updateTable('inbox_rules')
      .set(changes)
      .where('business_id', '=', businessId)
      .where('id', '=', id)
      .executeTakeFirst();
    return result.numUpdatedRows === 1n;
  }

  async delete(businessId: string, id: string): Promise<boolean> {
    const result = await this.db
      .deleteFrom('inbox_rules')
      .where('business_id', '=', businessId)
      .where('id', '=', id)
      .executeTakeFirst();
    return result.numDeletedRows === 1n;
  }
}
