import type { Kysely } from 'kysely';
import type { DB, PasswordResetRow } from '../db/schema.js';

/** Emailed password-reset tokens (hashed), single use. */
export class PasswordResetRepository {
  constructor(private readonly db: Kysely<DB>) {}

  async insert(reset: Omit<PasswordResetRow, 'used_at'>): Promise<void> {
    await this.db.insertInto('password_resets').values(reset).execute();
  }

  /**
   * Spend a live token: returns its user id, or undefined when it is unknown, used or expired. One
   * conditional UPDATE, so two requests with the same link cannot both succeed.
   */
  async consume(tokenHash: string, at: string): Promise<string | undefined> {
    const row = await this.db
      .updateTable('password_resets')
      .set({ used_at: at })
      .where('token_hash', '=', tokenHash)
      .where('used_at', 'is', null)
      .where('expires_at', '>', at)
      .returning('user_id')
      .executeTakeFirst();
    return row?.user_id;
  }

  /** The user of a live token, without spending it (the reset page checks before asking for a password). */
  async findLiveUserId(tokenHash: string, at: string): Promise<string | undefined> {
    const row = await this.db
      .selectFrom('password_resets')
      .select('user_id')
      .where('token_hash', '=', tokenHash)
      .where('used_at', 'is', null)
      .where('expires_at', '>', at)
      .executeTakeFirst();
    return row?.user_id;
  }

  /** After a reset, the user's other links stop working too. */
  async spendAllForUser(userId: string, at: string): Promise<void> {
    await this.db
      .updateTable('password_resets')
      .set({ used_at: at })
      .where('user_id', '=', userId)
      .where('used_at', 'is', null)
      .execute();
  }

  async deleteExpired(before: string): Promise<number> {
    const result = await this.db
      .deleteFrom('password_resets')
      .where('expires_at', '<', before)
      .executeTakeFirst();
    return Number(result.numDeletedRows);
  }
}
