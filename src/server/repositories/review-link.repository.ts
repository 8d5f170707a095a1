import type { Kysely } from 'kysely';
import type { DB, ReviewLinkRow } from '../db/schema.js';

/** The public fields of a review link; the token hash never leaves this module. */
export type ReviewLinkView = Omit<ReviewLinkRow, 'token_hash' | 'business_id'>;

const PUBLIC_COLUMNS = ['id', 'label', 'created_by', 'created_at', 'expires_at', 'revoked_at'] as const;

/** Read-only review links of a workspace. */
export class ReviewLinkRepository {
  constructor(private readonly db: Kysely<DB>) {}

  list(businessId: string): Promise<ReviewLinkView[]> {
    return this.db
      .selectFrom('review_links')
      .select(PUBLIC_COLUMNS)
      .where('business_id', '=', businessId)
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .execute();
  }

  async insert(link: Omit<ReviewLinkRow, 'revoked_at'>): Promise<void> {
    await this.db
      .insertInto('review_links')
      .values({ ...link, revoked_at: null })
      .execute();
  }

  /** False when the link does not exist in this workspace or was already revoked. */
  async revoke(businessId: string, linkId: string, at: string): Promise<boolean> {
    const result = await this.db
      .updateTable('review_links')
      .set({ revoked_at: at })
      .where('business_id', '=', businessId)
      .where('id', '=', linkId)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    return result.numUpdatedRows === 1n;
  }

  /** The public lookup: not scoped by a workspace, because the token is how its workspace is found. */
  findActiveByHash(
    tokenHash: string,
    now: string,
  ): Promise<Pick<ReviewLinkRow, 'business_id' | 'label' | 'expires_at'> | undefined> {
    return this.db
      .selectFrom('review_links')
      .select(['business_id', 'label', 'expires_at'])
      .where('token_hash', '=', tokenHash)
      .where('revoked_at', 'is', null)
      .where('expires_at', '>', now)
      .executeTakeFirst();
  }
}
