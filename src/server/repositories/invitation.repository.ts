import type { Kysely } from 'kysely';
import type { DB, InvitationRow } from '../db/schema.js';

/** Invitations to a workspace for addresses without an account. Every query names the workspace. */
export class InvitationRepository {
  constructor(private readonly db: Kysely<DB>) {}

  /** Invitations neither accepted nor revoked (expired ones included). */
  private pending() {
    return this.db
      .selectFrom('invitations')
      .selectAll()
      .where('accepted_at', 'is', null)
      .where('revoked_at', 'is', null);
  }

  async insert(invitation: Omit<InvitationRow, 'accepted_at' | 'revoked_at' | 'token_hash'>): Promise<void> {
    await this.db.insertInto('invitations').values(invitation).execute();
  }

  /** Pending (neither accepted nor revoked) invitations, expired ones included, newest first. */
  listPending(businessId: string): Promise<InvitationRow[]> {
    return this.pending()
      .where('business_id', '=', businessId)
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .execute();
  }

  findPending(businessId: string, id: string): Promise<InvitationRow | undefined> {
    return this.pending().where('business_id', '=', businessId).where('id', '=', id).executeTakeFirst();
  }

  findPendingByEmail(businessId: string, email: string): Promise<InvitationRow | undefined> {
    return this.pending().where('business_id', '=', businessId).where('email', '=', email).executeTakeFirst();
  }

  /** A pending, unexpired invitation by its token's hash (the accept link), in any workspace. */
  findLiveByTokenHash(tokenHash: string, at: string): Promise<InvitationRow | undefined> {
    return this.pending().where('token_hash', '=', tokenHash).where('expires_at', '>', at).executeTakeFirst();
  }

  /** Change a pending invitation (role, expiry, token); false when it is no longer pending. */
  async update(
    businessId: string,
    id: string,
    patch: Partial<Pick<InvitationRow, 'role' | 'expires_at' | 'token_hash'>> & { updated_at: string },
  ): Promise<boolean> {
    const result = await this.db
      .updateTable('invitations')
      .set(patch)
      .where('business_id', '=', businessId)
      .where('id', '=', id)
      .where('accepted_at', 'is', null)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    return result.numUpdatedRows === 1n;
  }

  async revoke(businessId: string, id: string, at: string): Promise<boolean> {
    const result = await this.db
      .updateTable('invitations')
      .set({ revoked_at: at, updated_at: at })
      .where('business_id', '=', businessId)
      .where('id', '=', id)
      .where('accepted_at', 'is', null)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    return result.numUpdatedRows === 1n;
  }

  /** Spend a live accept link (one conditional UPDATE, so it works once). */
  async accept(id: string, tokenHash: string, at: string): Promise<boolean> {
    const result = await this.db
      .updateTable('invitations')
      .set({ accepted_at: at, updated_at: at })
      .where('id', '=', id)
      .where('token_hash', '=', tokenHash)
      .where('accepted_at', 'is', null)
      .where('revoked_at', 'is', null)
      .where('expires_at', '>', at)
      .executeTakeFirst();
    return result.numUpdatedRows === 1n;
  }
}
