import { isForeignKeyViolation } from '#server/db/errors.js';
import { AppError } from '#server/errors/app-error.js';
import type { Repositories } from '#server/repositories/index.js';
import type { ContentItem, SetContentMediaBody } from '#shared/content.schema.js';
import { statusAfterEdit } from '#shared/content-workflow.js';
import { actorOf, type Principal } from '../access/principal.js';
import type { ChangeEvents } from '../common/change-events.js';
import { NO_PUBLISHING, type PublishSchedule } from '../publishing/publish-schedule.service.js';
import { loadItem } from './content.service.js';
import { historyEntry, publishedItemLocked, versionConflict } from './content-changes.js';
import { announceContent, NO_EVENTS } from './content-events.js';
import { toContentItem } from './content-items.js';
import { checkMedia, mediaByItem, requireLibraryMedia } from './content-media.js';

/**
 * The media attached to a content item. Setting them is an edit like any other: it bumps the version,
 * enters the history, and sends approved or scheduled work back to draft (what was approved changed).
 */
export class ContentMediaService {
  constructor(
    private readonly repos: Repositories,
    private readonly now: () => Date,
    private readonly events: ChangeEvents = NO_EVENTS,
    private readonly publishing: PublishSchedule = NO_PUBLISHING,
  ) {}

  /**
   * Make `body.media_ids` the item's media, in that order. Every id must be a ready item of the same
   * workspace (another workspace's answers 404 like a missing one); the count must fit the channel.
   */
  async set(principal: Principal, itemId: string, body: SetContentMediaBody): Promise<ContentItem> {
    const { row, businessId } = await loadItem(this.repos, principal, itemId, 'content.write');
    if (row.status === 'published') {
      throw publishedItemLocked('edit');
    }
    if (body.version !== row.version) throw versionConflict(row.version);
    const current = (await mediaByItem(this.repos, businessId, [itemId])).get(itemId) ?? [];
    if (
      sameList(
        current.map((media) => media.id),
        body.media_ids,
      )
    ) {
      return toContentItem(row, current);
    }
    const media = await requireLibraryMedia(this.repos, businessId, body.media_ids);
    checkMedia(row.channel, media, 'save');

    const status = statusAfterEdit(row.status, ['media']);
    const at = this.now().toISOString();
    const actor = actorOf(principal).actor_user_id;
    const snapshot = {
      media_ids: body.media_ids,
      ...(status === row.status ? {} : { status: { from: row.status, to: status } }),
    };
    const saved = await this.repos.transaction(async (trx) => {
      const updated = await trx.contentItems.updateIfVersion(businessId, itemId, body.version, {
        status,
        updated_by: actor,
        updated_at: at,
      });
      if (!updated) throw versionConflict();
      try {
        await trx.contentMedia.replace(businessId, itemId, body.media_ids, at);
      } catch (error) {
        // A media item deleted since it was read: the schema's foreign key refused the attachment.
        if (isForeignKeyViolation(error)) throw new AppError('not_found', 'A media item was just deleted');
        throw error;
      }
      await trx.contentHistory.insert([historyEntry(updated, actor, 'edited', snapshot, at)]);
      await announceContent(this.events, trx, businessId, [itemId], 'updated');
      return updated;
    });
    await this.publishing.sync(businessId, [{ before: row, after: saved }]);
    return toContentItem(saved, media);
  }
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((id, index) => id === b[index]);
}
