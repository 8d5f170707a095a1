import type { Kysely } from 'kysely';
import type { NetworkId } from '#shared/network.schema.js';
import type { DB, NetworkOAuthAppRow, OAuthFlowRow } from '../db/schema.js';

/** A workspace's own OAuth apps, one per network. Every method is scoped by the workspace id. */
export class NetworkOAuthAppRepository {
  constructor(private readonly db: Kysely<DB>) {}

  list(businessId: string): Promise<NetworkOAuthAppRow[]> {
    return this.db
      .selectFrom('network_oauth_apps')
      .selectAll()
      .where('business_id', '=', businessId)
      .orderBy('network')
      .execute();
  }

  find(businessId: string, network: NetworkId): Promise<NetworkOAuthAppRow | undefined> {
    return this.db
      .selectFrom('network_oauth_apps')
      .selectAll()
      .where('business_id', '=', businessId)
      .where('network', '=', network)
      .executeTakeFirst();
  }

  async upsert(row: NetworkOAuthAppRow): Promise<void> {
    const { business_id: _business, network: _network, created_at: _created, ...changes } = row;
    await this.db
      .insertInto('network_oauth_apps')
      .values(row)
      .onConflict((oc) => oc.columns(['business_id', 'network']).doUpdateSet(changes))
      .execute();
  }

  async delete(businessId: string, network: NetworkId): Promise<boolean> {
    const result = await this.db
      .deleteFrom('network_oauth_apps')
      .where('business_id', '=', businessId)
      .where('network', '=', network)
      .executeTakeFirst();
    return result.numDeletedRows > 0n;
  }
}

/**
 * OAuth connect flows under way. `findByState` and `businessIdOf` are the reads not scoped by workspace:
 * the network's redirect names only the state (whose hash is unguessable), and the flow names its workspace.
 */
export class OAuthFlowRepository {
  constructor(private readonly db: Kysely<DB>) {}

  async insert(row: OAuthFlowRow): Promise<void> {
    await this.db.insertInto('oauth_flows').values(row).execute();
  }

  findByState(stateHash: string): Promise<OAuthFlowRow | undefined> {
    return this.db
      .selectFrom('oauth_flows')
      .selectAll()
      .where('state_hash', '=', stateHash)
      .where('phase', '=', 'authorizing')
      .executeTakeFirst();
  }

  async businessIdOf(flowId: string): Promise<string | undefined> {
    const row = await this.db
      .selectFrom('oauth_flows')
      .select('business_id')
      .where('id', '=', flowId)
      .executeTakeFirst();
    return row?.business_id;
  }

  find(businessId: string, flowId: string): Promise<OAuthFlowRow | undefined> {
    return this.db
      .selectFrom('oauth_flows')
      .selectAll()
      .where('business_id', '=', businessId)
      .where('id', '=', flowId)
      .executeTakeFirst();
  }

  /** Take the flow for this one use: true for exactly one caller, however many come at once. */
  async claim(businessId: string, flowId: string): Promise<boolean> {
    const result = await this.db
      .deleteFrom('oauth_flows')
      .where('business_id', '=', businessId)
      .where('id', '=', flowId)
      .executeTakeFirst();
    return result.numDeletedRows > 0n;
  }

  /** Flows nobody finished: their verifiers and tokens go when they expire. */
  async deleteExpired(now: string): Promise<void> {
    await this.db.deleteFrom('oauth_flows').where('expires_at', '<=', now).execute();
  }
}
