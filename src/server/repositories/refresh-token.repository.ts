import type { Kysely } from 'kysely';
import type { DB, RefreshTokenRow } from '../db/schema.js';

/** Hashed, rotating refresh tokens grouped in families (one family per sign-in). */
export class RefreshTokenRepository {
  constructor(private readonly db: Kysely<DB>) {}

  async insert(token: Omit<RefreshTokenRow, 'revoked_at' | 'replaced_by'>): Promise<void> {
    await this.db.insertInto('refresh_tokens').values(token).execute();
  }

  findByHash(tokenHash: string): Promise<RefreshTokenRow | undefined> {
    return this.db
      .selectFrom('refresh_tokens')
      .selectAll()
      .where('token_hash', '=', tokenHash)
      .executeTakeFirst();
  }

  /**
   * Mark a live token as rotated. Returns false when it was not live any more, which means another
   * request used it first: the caller treats that as reuse.
   */
  async markRotated(id: string, replacedBy: string, at: string): Promise<boolean> {
    const result = await this.db
      .updateTable('refresh_tokens')
      .set({ revoked_at: at, replaced_by: replacedBy })
      .where('id', '=', id)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    return result.numUpdatedRows === 1n;
  }

  async revokeFamily(familyId: string, at: string): Promise<void> {
    await this.db
      .updateTable('refresh_tokens')
      .set({ revoked_at: at })
      .where('family_id', '=', familyId)
      .where('revoked_at', 'is', null)
      .execute();
  }

  /** Revoke every live token of the user; returns the families (sessions) that ended. */
  async revokeAllForUser(userId: string, at: string): Promise<string[]> {
    const rows = await this.db
      .updateTable('refresh_tokens')
      .set({ revoked_at: at })
      .where('user_id', '=', userId)
      .where('revoked_at', 'is', null)
      .returning('family_id')
      .execute();
    return [...new Set(rows.map((row) => row.family_id))];
  }

  /**
   * Whether the family (one sign-in) still holds a live token: false once it was signed out, revoked
   * for reuse or by a password change, or left to expire. Access tokens name their family as `sid`.
   */
  async isFamilyLive(familyId: string, at: string): Promise<boolean> {
    const row = await this.db
      .selectFrom('refresh_tokens')
      .select('id')
      .where('family_id', '=', familyId)
      .where('revoked_at', 'is', null)
      .where('expires_at', '>', at)
      .limit(1)
      .executeTakeFirst();
    return row !== undefined;
  }

  /** Housekeeping: forget tokens that expired before `before`. */
  async deleteExpired(before: string): Promise<number> {
    const result = await this.db
      .deleteFrom('refresh_tokens')
      .where('expires_at', '<', before)
      .executeTakeFirst();
    return Number(result.numDeletedRows);
  }
}
