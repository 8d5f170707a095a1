import { newId } from '#server/db/ids.js';
import { AppError } from '#server/errors/app-error.js';
import type { CommentWithAuthor } from '#server/repositories/content-comment.repository.js';
import type { Repositories } from '#server/repositories/index.js';
import type {
  CommentPerson,
  ContentComment,
  CreateCommentBody,
  UpdateCommentBody,
} from '#shared/comments.schema.js';
import type { FieldError } from '#shared/problem.schema.js';
import { ruleFieldMessage } from '#shared/rule-field-messages.js';
import type { Principal } from '../access/principal.js';
import type { ChangeEvents } from '../common/change-events.js';
import type { NotifiedItem, Notifier } from '../notifications/notifier.js';
import { loadItem } from './content.service.js';

/**
 * Review comments on a content item: any member may read and write them (people only: an API key is not
 * someone to answer), each edits and deletes their own. Mentioning members notifies them, once per
 * comment: an edit notifies only the people it adds.
 */
export class ContentCommentService {
  constructor(
    private readonly repos: Repositories,
    private readonly now: () => Date,
    private readonly notifier: Notifier,
    private readonly events: ChangeEvents,
  ) {}

  async list(principal: Principal, itemId: string): Promise<ContentComment[]> {
    const { businessId } = await loadItem(this.repos, principal, itemId, 'content.read');
    personOf(principal);
    const [rows, names] = await Promise.all([
      this.repos.contentComments.listForItem(businessId, itemId),
      this.memberNames(businessId),
    ]);
    return rows.map((row) => toComment(row, names));
  }

  async create(principal: Principal, itemId: string, body: CreateCommentBody): Promise<ContentComment> {
    const { row: item, businessId } = await loadItem(this.repos, principal, itemId, 'content.read');
    const userId = personOf(principal);
    const names = await this.memberNames(businessId);
    const mentions = checkMentions(body.mentions, names);
    const id = newId();
    const at = this.now().toISOString();
    await this.repos.transaction(async (trx) => {
      let parentId: string | null = null;
      if (body.parent_id) {
        const parent = await trx.contentComments.find(businessId, itemId, body.parent_id);
        if (!parent || parent.deleted_at) {
          const message = ruleFieldMessage('commentNotFound');
          throw new AppError('not_found', message, {
            errors: [{ path: 'body.parent_id', message, code: 'not_found' }],
          });
        }
        // Threads are one level deep: answering a reply answers its thread.
        parentId = parent.parent_id ?? parent.id;
      }
      await trx.contentComments.insert({
        id,
        business_id: businessId,
        content_item_id: itemId,
        parent_id: parentId,
        author_id: userId,
        body: body.body,
        mentions: JSON.stringify(mentions),
        created_at: at,
        updated_at: at,
        deleted_at: null,
      });
      await this.notifyMentions(trx, item, id, body.body, mentions, userId);
      await this.announce(trx, businessId, itemId, 'created');
    });
    return this.one(businessId, itemId, id, names);
  }

  async update(
    principal: Principal,
    itemId: string,
    commentId: string,
    body: UpdateCommentBody,
  ): Promise<ContentComment> {
    const { row: item, businessId } = await loadItem(this.repos, principal, itemId, 'content.read');
    const userId = personOf(principal);
    const names = await this.memberNames(businessId);
    const mentions = checkMentions(body.mentions, names);
    await this.repos.transaction(async (trx) => {
      const existing = await this.ownComment(trx, businessId, itemId, commentId, userId);
      const before = new Set(JSON.parse(existing.mentions) as string[]);
      await trx.contentComments.update(businessId, commentId, {
        body: body.body,
        mentions: JSON.stringify(mentions),
        updated_at: this.now().toISOString(),
      });
      const added = mentions.filter((id) => !before.has(id));
      await this.notifyMentions(trx, item, commentId, body.body, added, userId);
      await this.announce(trx, businessId, itemId, 'updated');
    });
    return this.one(businessId, itemId, commentId, names);
  }

  async remove(principal: Principal, itemId: string, commentId: string): Promise<void> {
    const { businessId } = await loadItem(this.repos, principal, itemId, 'content.read');
    const userId = personOf(principal);
    await this.repos.transaction(async (trx) => {
      await this.ownComment(trx, businessId, itemId, commentId, userId);
      if (await trx.contentComments.hasReplies(businessId, commentId)) {
        await trx.contentComments.markDeleted(businessId, commentId, this.now().toISOString());
      } else {
        await trx.contentComments.delete(businessId, commentId);
      }
      await this.announce(trx, businessId, itemId, 'deleted');
    });
  }

  /** The comment, if it is the caller's and not deleted: 404 when missing, 403 when someone else's. */
  private async ownComment(
    trx: Repositories,
    businessId: string,
    itemId: string,
    commentId: string,
    userId: string,
  ): Promise<CommentWithAuthor> {
    const comment = await trx.contentComments.find(businessId, itemId, commentId);
    if (!comment || comment.deleted_at) throw new AppError('not_found', 'No such comment on this item');
    if (comment.author_id !== userId) {
      throw new AppError('forbidden', 'Only its author can change or delete a comment', {
        facts: { reason: 'comment_author_only' },
      });
    }
    return comment;
  }

  /** Open item pages refetch the thread (the event carries the item's id, never the text). */
  private announce(
    trx: Repositories,
    businessId: string,
    itemId: string,
    change: 'created' | 'updated' | 'deleted',
  ): Promise<void> {
    return this.events.emitWithin(trx, {
      type: 'comment.changed',
      business_id: businessId,
      data: { content_item_id: itemId, change },
    });
  }

  private async notifyMentions(
    trx: Repositories,
    item: NotifiedItem,
    commentId: string,
    text: string,
    mentioned: readonly string[],
    actorUserId: string,
  ): Promise<void> {
    if (mentioned.length === 0) return;
    await this.notifier.notify(trx, {
      kind: 'comment_mention',
      item,
      commentId,
      excerpt: text,
      mentionedUserIds: mentioned,
      actorUserId,
    });
  }

  private async one(
    businessId: string,
    itemId: string,
    commentId: string,
    names: Map<string, string>,
  ): Promise<ContentComment> {
    const row = await this.repos.contentComments.find(businessId, itemId, commentId);
    if (!row) throw new AppError('not_found', 'No such comment on this item');
    return toComment(row, names);
  }

  private async memberNames(businessId: string): Promise<Map<string, string>> {
    const members = await this.repos.memberships.list(businessId);
    return new Map(members.map((member) => [member.user_id, member.name]));
  }
}

/**
 * Comments are a conversation between people: an API key (checked after the item, so another workspace's
 * item is still a 404) may not take part.
 */
function personOf(principal: Principal): string {
  if (principal.kind !== 'user')
    throw new AppError('forbidden', 'Comments are for members; API keys cannot comment', {
      facts: { reason: 'api_key_not_a_person', scope: 'comments' },
    });
  return principal.userId;
}

/** Mentions name current members, each once; anyone else is a field error on `body.mentions.{i}`. */
function checkMentions(ids: readonly string[], members: Map<string, string>): string[] {
  const errors: FieldError[] = [];
  ids.forEach((id, index) => {
    if (!members.has(id)) {
      errors.push({
        path: `body.mentions.${index}`,
        message: ruleFieldMessage('notAMember'),
        code: 'not_found',
      });
    }
  });
  if (errors.length > 0)
    throw new AppError('validation_failed', 'A mention names someone outside the workspace', { errors });
  return [...new Set(ids)];
}

function toComment(row: CommentWithAuthor, names: Map<string, string>): ContentComment {
  const mentions: CommentPerson[] = (JSON.parse(row.mentions) as string[]).flatMap((id) => {
    const name = names.get(id);
    return name === undefined ? [] : [{ id, name }];
  });
  return {
    id: row.id,
    content_item_id: row.content_item_id,
    parent_id: row.parent_id,
    author: row.author_id ? { id: row.author_id, name: row.author_name ?? '' } : null,
    body: row.body,
    mentions,
    created_at: row.created_at,
    updated_at: row.updated_at,
    deleted: row.deleted_at !== null,
  };
}
