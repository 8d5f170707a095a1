import type { Kysely } from 'kysely';
import type { ApiKeyRow, DB } from '../db/schema.js';

/** The public fields of a key; the hash never leaves this module. */
export type ApiKeyView = Omit<ApiKeyRow, 'key_hash' | 'business_id' | 'created_by'>;

const PUBLIC_COLUMNS = ['id', 'name', 'prefix', 'role', 'created_at', 'last_used_at', 'revoked_at'] as const;

/** Workspace API keys, stored as SHA-256 hashes of high-entropy secrets. */
export class ApiKeyRepository {
  constructor(private readonly db: Kysely<DB>) {}

  list(businessId: string): Promise<ApiKeyView[]> {
    return this.db
      .selectFrom('api_keys')
      .select(PUBLIC_COLUMNS)
      .where('business_id', '=', businessId)
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .execute();
  }

  find(businessId: string, keyId: string): Promise<ApiKeyView | undefined> {
    return this.db
      .selectFrom('api_keys')
      .select(PUBLIC_COLUMNS)
      .where('business_id', '=', businessId)
      .where('id', '=', keyId)
      .executeTakeFirst();
  }

  async insert(key: Omit<ApiKeyRow, 'last_used_at' | 'revoked_at'>): Promise<void> {
    await this.db
      .insertInto('api_keys')
      .values({ ...key, last_used_at: null, revoked_at: null })
      .execute();
  }

  /** Returns false when the key does not exist in this workspace or was already revoked. */
  async revoke(businessId: string, keyId: string, at: string): Promise<boolean> {
    const result = await this.db
      .updateTable('api_keys')
      .set({ revoked_at: at })
      .where('business_id', '=', businessId)
      .where('id', '=', keyId)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    return result.numUpdatedRows === 1n;
  }

  /**
   * The authentication lookup: the one query that is not scoped by a workspace, because it is how the
   * workspace of an API-key request is found.
   */
  findActiveByHash(
    keyHash: string,
  ): Promise<Pick<ApiKeyRow, 'id' | 'business_id' | 'role' | 'last_used_at'> | undefined> {
    return this.db
      .selectFrom('api_keys')
      .select(['id', 'business_id', 'role', 'last_used_at'])
      .where('key_hash', '=', keyHash)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
  }

  async touchLastUsed(businessId: string, keyId: string, at: string): Promise<void> {
    await this.db
      .updateTable('api_keys')
      .set({ last_used_at: at })
      .where('business_id', '=', businessId)
      .where('id', '=', keyId)
      .execute();
  }
}
