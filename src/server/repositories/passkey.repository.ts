import type { Kysely } from 'kysely';
import type { DB, PasskeyChallengesTable, PasskeyCredentialRow } from '../db/schema.js';

/** Accounts' passkeys (WebAuthn credentials) and their single-use challenges. Every method takes the user id first. */
export class PasskeyRepository {
  constructor(private readonly db: Kysely<DB>) {}

  listForUser(userId: string): Promise<PasskeyCredentialRow[]> {
    return this.db
      .selectFrom('passkey_credentials')
      .selectAll()
      .where('user_id', '=', userId)
      .orderBy('created_at')
      .orderBy('id')
      .execute();
  }

  async hasAny(userId: string): Promise<boolean> {
    const row = await this.db
      .selectFrom('passkey_credentials')
      .select('id')
      .where('user_id', '=', userId)
      .limit(1)
      .executeTakeFirst();
    return row !== undefined;
  }

  /** One of the account's passkeys by its id; undefined for another account's. */
  findForUser(userId: string, id: string): Promise<PasskeyCredentialRow | undefined> {
    return this.db
      .selectFrom('passkey_credentials')
      .selectAll()
      .where('user_id', '=', userId)
      .where('id', '=', id)
      .executeTakeFirst();
  }

  /** The account's passkey with the authenticator's credential id; undefined for another account's. */
  findByCredentialId(userId: string, credentialId: string): Promise<PasskeyCredentialRow | undefined> {
    return this.db
      .selectFrom('passkey_credentials')
      .selectAll()
      .where('user_id', '=', userId)
      .where('credential_id', '=', credentialId)
      .executeTakeFirst();
  }

  async insert(row: PasskeyCredentialRow): Promise<void> {
    await this.db.insertInto('passkey_credentials').values(row).execute();
  }

  /** False when the account has no passkey with that id. */
  async delete(userId: string, id: string): Promise<boolean> {
    const result = await this.db
      .deleteFrom('passkey_credentials')
      .where('user_id', '=', userId)
      .where('id', '=', id)
      .executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  }

  /**
   * Record a sign-in: the new signature counter and the time. Conditional on the counter read before
   * the check, so two assertions verified against one stored counter cannot both be recorded.
   */
  async recordUse(userId: string, id: string, fromCounter: number, toCounter: number, at: string) {
    const result = await this.db
      .updateTable('passkey_credentials')
      .set({ counter: toCounter, last_used_at: at })
      .where('user_id', '=', userId)
      .where('id', '=', id)
      .where('counter', '=', fromCounter)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  async saveChallenge(challenge: PasskeyChallengesTable): Promise<void> {
    await this.db.insertInto('passkey_challenges').values(challenge).execute();
  }

  /**
   * Spend a live challenge issued to `userId` for `purpose`: false when it is unknown, another account's,
   * for the other purpose, expired or already spent. One DELETE, so it works once even under a race.
   */
  async consumeChallenge(
    userId: string,
    challengeHash: string,
    purpose: PasskeyChallengesTable['purpose'],
    at: string,
  ): Promise<boolean> {
    const result = await this.db
      .deleteFrom('passkey_challenges')
      .where('challenge_hash', '=', challengeHash)
      .where('user_id', '=', userId)
      .where('purpose', '=', purpose)
      .where('expires_at', '>', at)
      .executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  }

  async deleteExpiredChallenges(before: string): Promise<number> {
    const result = await this.db
      .deleteFrom('passkey_challenges')
      .where('expires_at', '<=', before)
      .executeTakeFirst();
    return Number(result.numDeletedRows);
  }
}
