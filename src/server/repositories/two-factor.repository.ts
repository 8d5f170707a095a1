import { type Kysely, sql } from 'kysely';
import { newId } from '../db/ids.js';
import type { DB, TwoFactorCredentialRow } from '../db/schema.js';

/** Accounts' TOTP credentials and recovery codes. Every method takes the user id first. */
export class TwoFactorRepository {
  constructor(private readonly db: Kysely<DB>) {}

  findCredential(userId: string): Promise<TwoFactorCredentialRow | undefined> {
    return this.db
      .selectFrom('two_factor_credentials')
      .selectAll()
      .where('user_id', '=', userId)
      .executeTakeFirst();
  }

  /**
   * Store a new secret waiting for its first code, replacing an earlier unconfirmed one; false when the
   * account already has two-factor sign-in enabled (that one is never replaced here).
   */
  async savePending(userId: string, secretSealed: string, at: string): Promise<boolean> {
    const result = await this.db
      .insertInto('two_factor_credentials')
      .values({
        user_id: userId,
        secret_sealed: secretSealed,
        enabled_at: null,
        last_used_step: null,
        created_at: at,
        updated_at: at,
      })
      .onConflict((oc) =>
        oc
          .column('user_id')
          .doUpdateSet({ secret_sealed: secretSealed, last_used_step: null, created_at: at, updated_at: at })
          .where('two_factor_credentials.enabled_at', 'is', null),
      )
      .executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows ?? 0n) > 0;
  }

  /** Confirm a pending credential with the step its first code was for; false if it is not pending. */
  async enable(userId: string, step: number, at: string): Promise<boolean> {
    const result = await this.db
      .updateTable('two_factor_credentials')
      .set({ enabled_at: at, last_used_step: step, updated_at: at })
      .where('user_id', '=', userId)
      .where('enabled_at', 'is', null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  /**
   * Record that a code for `step` was used: false when that step (or a later one) was already used, so
   * a code never works twice. One conditional UPDATE, so two requests with one code cannot both succeed.
   */
  async claimStep(userId: string, step: number, at: string): Promise<boolean> {
    const result = await this.db
      .updateTable('two_factor_credentials')
      .set({ last_used_step: step, updated_at: at })
      .where('user_id', '=', userId)
      .where('enabled_at', 'is not', null)
      .where((eb) => eb.or([eb('last_used_step', 'is', null), eb('last_used_step', '<', step)]))
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  /** Remove the authenticator app only (passkeys remain, and with them the recovery codes). */
  async deleteCredential(userId: string): Promise<void> {
    await this.db.deleteFrom('two_factor_credentials').where('user_id', '=', userId).execute();
  }

  /** Turn two-factor sign-in off: the credential and every recovery code go. */
  async deleteAll(userId: string): Promise<void> {
    await this.db.deleteFrom('two_factor_recovery_codes').where('user_id', '=', userId).execute();
    await this.db.deleteFrom('two_factor_credentials').where('user_id', '=', userId).execute();
  }

  /** Replace the account's recovery codes (digests) with a new set. */
  async replaceRecoveryCodes(userId: string, codeHashes: string[], at: string): Promise<void> {
    await this.db.deleteFrom('two_factor_recovery_codes').where('user_id', '=', userId).execute();
    await this.db
      .insertInto('two_factor_recovery_codes')
      .values(codeHashes.map((code_hash) => ({ id: newId(), user_id: userId, code_hash, created_at: at })))
      .execute();
  }

  /** Spend an unused recovery code; false when it is unknown or was used. */
  async spendRecoveryCode(userId: string, codeHash: string, at: string): Promise<boolean> {
    const result = await this.db
      .updateTable('two_factor_recovery_codes')
      .set({ used_at: at })
      .where('user_id', '=', userId)
      .where('code_hash', '=', codeHash)
      .where('used_at', 'is', null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  async countUnusedRecoveryCodes(userId: string): Promise<number> {
    const row = await this.db
      .selectFrom('two_factor_recovery_codes')
      .select(sql<number>`count(*)`.as('count'))
      .where('user_id', '=', userId)
      .where('used_at', 'is', null)
      .executeTakeFirstOrThrow();
    return Number(row.count);
  }
}
