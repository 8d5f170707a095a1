import type { Kysely } from 'kysely';
import type { DB, SignUpRequestRow } from '../db/schema.js';

/** Sign-ups waiting for their address to be confirmed through an emailed link. */
export class SignUpRequestRepository {
  constructor(private readonly db: Kysely<DB>) {}

  async insert(request: Omit<SignUpRequestRow, 'used_at' | 'token_hash'>): Promise<void> {
    await this.db.insertInto('sign_up_requests').values(request).execute();
  }

  findById(id: string): Promise<SignUpRequestRow | undefined> {
    return this.db.selectFrom('sign_up_requests').selectAll().where('id', '=', id).executeTakeFirst();
  }

  async setTokenHash(id: string, tokenHash: string): Promise<void> {
    await this.db
      .updateTable('sign_up_requests')
      .set({ token_hash: tokenHash })
      .where('id', '=', id)
      .execute();
  }

  findLive(tokenHash: string, at: string): Promise<SignUpRequestRow | undefined> {
    return this.db
      .selectFrom('sign_up_requests')
      .selectAll()
      .where('token_hash', '=', tokenHash)
      .where('used_at', 'is', null)
      .where('expires_at', '>', at)
      .executeTakeFirst();
  }

  /** Spend a live token (one conditional UPDATE): the request, or undefined if unknown, used or expired. */
  async consume(tokenHash: string, at: string): Promise<SignUpRequestRow | undefined> {
    return this.db
      .updateTable('sign_up_requests')
      .set({ used_at: at })
      .where('token_hash', '=', tokenHash)
      .where('used_at', 'is', null)
      .where('expires_at', '>', at)
      .returningAll()
      .executeTakeFirst();
  }

  async deleteExpired(before: string): Promise<number> {
    const result = await this.db
      .deleteFrom('sign_up_requests')
      .where('expires_at', '<', before)
      .executeTakeFirst();
    return Number(result.numDeletedRows);
  }
}
