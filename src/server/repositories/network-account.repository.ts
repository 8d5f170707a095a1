import type { Kysely } from 'kysely';
import type { NetworkId } from '#shared/network.schema.js';
import type { DB, NetworkAccountAvatarRow, NetworkAccountRow, NetworkAccountUpdate } from '../db/schema.js';

/** A workspace's connected network accounts. Every method but `businessIdOf` is scoped by the workspace id. */
export class NetworkAccountRepository {
  constructor(private readonly db: Kysely<DB>) {}

  /** The workspace an account belongs to, so `/api/network-accounts/{id}` can check the caller's role first. */
  async businessIdOf(accountId: string): Promise<string | undefined> {
    const row = await this.db
      .selectFrom('network_accounts')
      .select('business_id')
      .where('id', '=', accountId)
      .executeTakeFirst();
    return row?.business_id;
  }

  /**
   * Every workspace's connected accounts (ids only), for the hourly job that queues each one's reading
   * of results and mentions: the one read across workspaces, and it names the workspace of each.
   */
  listConnectedEverywhere(): Promise<Array<{ id: string; business_id: string; network: NetworkId }>> {
    return this.db
      .selectFrom('network_accounts')
      .select(['id', 'business_id', 'network'])
      .where('status', '=', 'connected')
      .orderBy('id')
      .execute();
  }

  /** Oldest first (UUIDv7 ids): the order the publisher prefers them in. */
  list(businessId: string): Promise<NetworkAccountRow[]> {
    return this.db
      .selectFrom('network_accounts')
      .selectAll()
      .where('business_id', '=', businessId)
      .orderBy('id')
      .execute();
  }

  /** The workspace's accounts on one network, oldest first. */
  listForNetwork(businessId: string, network: NetworkId): Promise<NetworkAccountRow[]> {
    return this.db
      .selectFrom('network_accounts')
      .selectAll()
      .where('business_id', '=', businessId)
      .where('network', '=', network)
      .orderBy('id')
      .execute();
  }

  find(businessId: string, accountId: string): Promise<NetworkAccountRow | undefined> {
    return this.db
      .selectFrom('network_accounts')
      .selectAll()
      .where('business_id', '=', businessId)
      .where('id', '=', accountId)
      .executeTakeFirst();
  }

  /** The row of one remote account in the workspace, if it was connected before. */
  findRemote(
    businessId: string,
    network: NetworkId,
    baseUrl: string,
    remoteAccountId: string,
  ): Promise<NetworkAccountRow | undefined> {
    return this.db
      .selectFrom('network_accounts')
      .selectAll()
      .where('business_id', '=', businessId)
      .where('network', '=', network)
      .where('base_url', '=', baseUrl)
      .where('remote_account_id', '=', remoteAccountId)
      .executeTakeFirst();
  }

  async insert(row: NetworkAccountRow): Promise<void> {
    await this.db.insertInto('network_accounts').values(row).execute();
  }

  /** The account after the change; undefined when it does not exist in this workspace. */
  update(
    businessId: string,
    accountId: string,
    patch: NetworkAccountUpdate,
  ): Promise<NetworkAccountRow | undefined> {
    return this.db
      .updateTable('network_accounts')
      .set(patch)
      .where('business_id', '=', businessId)
      .where('id', '=', accountId)
      .returningAll()
      .executeTakeFirst();
  }

  /** False when it does not exist in this workspace. Its published posts are forgotten with it. */
  async delete(businessId: string, accountId: string): Promise<boolean> {
    const result = await this.db
      .deleteFrom('network_accounts')
      .where('business_id', '=', businessId)
      .where('id', '=', accountId)
      .executeTakeFirst();
    return result.numDeletedRows === 1n;
  }

  /** The stored avatar of an account, with its image. */
  findAvatar(businessId: string, accountId: string): Promise<NetworkAccountAvatarRow | undefined> {
    return this.db
      .selectFrom('network_account_avatars')
      .selectAll()
      .where('business_id', '=', businessId)
      .where('account_id', '=', accountId)
      .executeTakeFirst();
  }

  /** What the avatars of the workspace's accounts are (never their bytes): the list names their addresses. */
  listAvatarStamps(
    businessId: string,
  ): Promise<Array<{ account_id: string; etag: string; source_url: string; checked_at: string }>> {
    return this.db
      .selectFrom('network_account_avatars')
      .select(['account_id', 'etag', 'source_url', 'checked_at'])
      .where('business_id', '=', businessId)
      .execute();
  }

  /** Store (or replace) an account's avatar. */
  async saveAvatar(row: NetworkAccountAvatarRow): Promise<void> {
    await this.db
      .insertInto('network_account_avatars')
      .values(row)
      .onConflict((oc) =>
        oc.column('account_id').doUpdateSet({
          image: row.image,
          etag: row.etag,
          source_url: row.source_url,
          checked_at: row.checked_at,
        }),
      )
      .execute();
  }

  /** The avatar was read again and is unchanged (or could not be read): its next reading waits a day. */
  async touchAvatar(businessId: string, accountId: string, checkedAt: string): Promise<void> {
    await this.db
      .updateTable('network_account_avatars')
      .set({ checked_at: checkedAt })
      .where('business_id', '=', businessId)
      .where('account_id', '=', accountId)
      .execute();
  }

  /** Forget an account's avatar (the network no longer shows one). */
  async deleteAvatar(businessId: string, accountId: string): Promise<void> {
    await this.db
      .deleteFrom('network_account_avatars')
      .where('business_id', '=', businessId)
      .where('account_id', '=', accountId)
      .execute();
  }
}
