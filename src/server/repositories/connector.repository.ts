import type { Kysely } from 'kysely';
import type { ConnectorRow, ConnectorUpdate, DB } from '../db/schema.js';

/** A workspace's publishing connectors. Every method but `businessIdOf` is scoped by the workspace id. */
export class ConnectorRepository {
  constructor(private readonly db: Kysely<DB>) {}

  /** The workspace a connector belongs to, so `/api/connectors/{id}` can check the caller's role first. */
  async businessIdOf(connectorId: string): Promise<string | undefined> {
    const row = await this.db
      .selectFrom('publishing_connectors')
      .select('business_id')
      .where('id', '=', connectorId)
      .executeTakeFirst();
    return row?.business_id;
  }

  /** Oldest first (UUIDv7 ids): the order the publisher prefers them in. */
  list(businessId: string): Promise<ConnectorRow[]> {
    return this.db
      .selectFrom('publishing_connectors')
      .selectAll()
      .where('business_id', '=', businessId)
      .orderBy('id')
      .execute();
  }

  /** The enabled ones, oldest first; the channel filter is applied by the caller (channels are JSON). */
  listEnabled(businessId: string): Promise<ConnectorRow[]> {
    return this.db
      .selectFrom('publishing_connectors')
      .selectAll()
      .where('business_id', '=', businessId)
      .where('enabled', '=', 1)
      .orderBy('id')
      .execute();
  }

  find(businessId: string, connectorId: string): Promise<ConnectorRow | undefined> {
    return this.db
      .selectFrom('publishing_connectors')
      .selectAll()
      .where('business_id', '=', businessId)
      .where('id', '=', connectorId)
      .executeTakeFirst();
  }

  async insert(connector: ConnectorRow): Promise<void> {
    await this.db.insertInto('publishing_connectors').values(connector).execute();
  }

  /** The connector after the change; undefined when it does not exist in this workspace. */
  update(businessId: string, connectorId: string, patch: ConnectorUpdate): Promise<ConnectorRow | undefined> {
    return this.db
      .updateTable('publishing_connectors')
      .set(patch)
      .where('business_id', '=', businessId)
      .where('id', '=', connectorId)
      .returningAll()
      .executeTakeFirst();
  }

  /** False when it does not exist in this workspace. Its attempts stay, pointing nowhere. */
  async delete(businessId: string, connectorId: string): Promise<boolean> {
    const result = await this.db
      .deleteFrom('publishing_connectors')
      .where('business_id', '=', businessId)
      .where('id', '=', connectorId)
      .executeTakeFirst();
    return result.numDeletedRows === 1n;
  }
}
