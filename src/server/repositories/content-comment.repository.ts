import type { Kysely } from 'kysely';
import type { ContentCommentRow, DB } from '../db/schema.js';

/** A comment with its author's name (null when the account is gone). */
export type CommentWithAuthor = ContentCommentRow & { author_name: string | null };

/** Review comments on content items; every query is scoped by the workspace. */
export class ContentCommentRepository {
  constructor(private readonly db: Kysely<DB>) {}

  /** An item's comments, oldest first (threads are assembled by the reader from `parent_id`). */
  listForItem(businessId: string, itemId: string): Promise<CommentWithAuthor[]> {
    return this.db
      .selectFrom('content_comments as c')
      .leftJoin('users as u', 'u.id', 'c.author_id')
      .selectAll('c')
      .select('u.name as author_name')
      .where('c.business_id', '=', businessId)
      .where('c.content_item_id', '=', itemId)
      .orderBy('c.created_at')
      .orderBy('c.id')
      .execute();
  }

  find(businessId: string, itemId: string, commentId: string): Promise<CommentWithAuthor | undefined> {
    return this.db
      .selectFrom('content_comments as c')
      .leftJoin('users as u', 'u.id', 'c.author_id')
      .selectAll('c')
      .select('u.name as author_name')
      .where('c.business_id', '=', businessId)
      .where('c.content_item_id', '=', itemId)
      .where('c.id', '=', commentId)
      .executeTakeFirst();
  }

  async insert(row: ContentCommentRow): Promise<void> {
    await this.db.insertInto('content_comments').values(row).execute();
  }

  async update(
    businessId: string,
    commentId: string,
    changes: Pick<ContentCommentRow, 'body' | 'mentions' | 'updated_at'>,
  ): Promise<void> {
    await this.db
      .updateTable('content_comments')
      .set(changes)
      .where('business_id', '=', businessId)
      .where('id', '=', commentId)
      .execute();
  }

  async hasReplies(businessId: string, commentId: string): Promise<boolean> {
    const row = await this.db
      .selectFrom('content_comments')
      .select('id')
      .where('business_id', '=', businessId)
      .where('parent_id', '=', commentId)
      .limit(1)
      .executeTakeFirst();
    return row !== undefined;
  }

  /** Keep the comment's place in its thread without its words. */
  async markDeleted(businessId: string, commentId: string, at: string): Promise<void> {
    await this.db
      .updateTable('content_comments')
      .set({ body: '', mentions: '[]', deleted_at: at, updated_at: at })
      .where('business_id', '=', businessId)
      .where('id', '=', commentId)
      .execute();
  }

  async delete(businessId: string, commentId: string): Promise<void> {
    await this.db
      .deleteFrom('content_comments')
      .where('business_id', '=', businessId)
      .where('id', '=', commentId)
      .execute();
  }
}
