import type { Kysely } from 'kysely';
import type { AuditLogRow, DB } from '../db/schema.js';

/** Who did what to a workspace's membership, roles and keys. Append-only. */
export class AuditLogRepository {
  constructor(private readonly db: Kysely<DB>) {}

  async insert(entry: AuditLogRow): Promise<void> {
    await this.db.insertInto('audit_log').values(entry).execute();
  }

  /**
   * Newest first. `before` is the id of the last entry of the previous page: UUIDv7 ids are time-ordered,
   * so the id alone is a stable cursor.
   */
  page(businessId: string, options: { limit: number; before?: string }): Promise<AuditLogRow[]> {
    let query = this.db.selectFrom('audit_log').selectAll().where('business_id', '=', businessId);
    if (options.before) query = query.where('id', '<', options.before);
    return query.orderBy('id', 'desc').limit(options.limit).execute();
  }
}
