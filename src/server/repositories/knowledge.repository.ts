import type { Kysely } from 'kysely';
import type { DB, KnowledgeEntryRow } from '../db/schema.js';

/** A workspace's knowledge-base entries. Every method but `businessIdOf` is scoped by the workspace id. */
export class KnowledgeRepository {
  constructor(private readonly db: Kysely<DB>) {}

  /** The workspace of an entry reached by id alone, for the access check. */
  async businessIdOf(id: string): Promise<string | undefined> {
    const row = await this.db
      .selectFrom('knowledge_entries')
      .select('business_id')
      .where('id', '=', id)
      .executeTakeFirst();
    return row?.business_id;
  }

  list(businessId: string): Promise<KnowledgeEntryRow[]> {
    return this.db
      .selectFrom('knowledge_entries')
      .selectAll()
      .where('business_id', '=', businessId)
      .orderBy('title')
      .orderBy('id')
      .execute();
  }

  find(businessId: string, id: string): Promise<KnowledgeEntryRow | undefined> {
    return this.db
      .selectFrom('knowledge_entries')
      .selectAll()
      .where('business_id', '=', businessId)
      .where('id', '=', id)
      .executeTakeFirst();
  }

  /** Enabled entries, for grounding AI replies (a workspace keeps tens, not thousands). */
  listEnabled(businessId: string): Promise<KnowledgeEntryRow[]> {
    return this.db
      .selectFrom('knowledge_entries')
      .selectAll()
      .where('business_id', '=', businessId)
      .where('enabled', '=', 1)
      .orderBy('id')
      .execute();
  }

  async insert(row: KnowledgeEntryRow): Promise<void> {
    await this.db.insertInto('knowledge_entries').values(row).execute();
  }

  async update(
    businessId: string,
    id: string,
    changes: Partial<Pick<KnowledgeEntryRow, 'kind' | 'title' | 'body' | 'enabled' | 'updated_at'>>,
  ): Promise<boolean> {
    const result = await this.db
      .updateTable('knowledge_entries')
      .set(changes)
      .where('business_id', '=', businessId)
      .where('id', '=', id)
      .executeTakeFirst();
    return result.numUpdatedRows === 1n;
  }

  async delete(businessId: string, id: string): Promise<boolean> {
    const result = await this.db
      .deleteFrom('knowledge_entries')
      .where('business_id', '=', businessId)
      .where('id', '=', id)
      .executeTakeFirst();
    return result.numDeletedRows === 1n;
  }
}
