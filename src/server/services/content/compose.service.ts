import { isForeignKeyViolation } from '#server/db/errors.js';
import { newId } from '#server/db/ids.js';
import type { ContentHistoryRow, ContentItemRow } from '#server/db/schema.js';
import { AppError } from '#server/errors/app-error.js';
import type { Repositories } from '#server/repositories/index.js';
import { CHANNEL_IDS, type ChannelId } from '#shared/channel-ids.js';
import { type MediaCheckStage, mediaIssues } from '#shared/channel-media.js';
import { CHANNEL_RULES } from '#shared/channel-rules.js';
import type {
  ComposeIntent,
  ComposePostBody,
  ComposePostResult,
  ComposeVariant,
} from '#shared/compose.schema.js';
import type { ContentHistoryAction, ContentMedia, ContentStatus } from '#shared/content.schema.js';
import type { FieldError } from '#shared/problem.schema.js';
import { can } from '#shared/roles.js';
import { ruleFieldMessage } from '#shared/rule-field-messages.js';
import { actorOf, type Principal } from '../access/principal.js';
import { requireWorkspaceRole } from '../access/workspace-access.js';
import type { ChangeEvents } from '../common/change-events.js';
import { NO_NOTIFICATIONS, type Notifier } from '../notifications/notifier.js';
import { NO_PUBLISHING, type PublishSchedule } from '../publishing/publish-schedule.service.js';
import { historyEntry } from './content-changes.js';
import { announceContent, NO_EVENTS } from './content-events.js';
import {
  type ChannelFields,
  channelIssueFieldError,
  channelRuleErrors,
  toContentItem,
  toUtcIso,
} from './content-items.js';
import { mediaIssueFieldError, requireLibraryMedia } from './content-media.js';

/** Where a composed variant ends up, and the workflow moves that take it there from a new draft. */
const OUTCOME: Record<ComposeIntent, { status: ContentStatus; moves: ContentHistoryAction[] }> = {
  draft: { status: 'draft', moves: [] },
  review: { status: 'in_review', moves: ['submitted'] },
  // Owners and admins approve what they schedule themselves, as they would in two clicks in the editor.
  schedule: { status: 'scheduled', moves: ['approved', 'scheduled'] },
  queue: { status: 'scheduled', moves: ['approved', 'scheduled'] },
};

/** The media check each outcome needs (content-media.ts): counts on save, required media, then alt text. */
const MEDIA_STAGE: Record<ComposeIntent, MediaCheckStage> = {
  draft: 'save',
  review: 'submit',
  schedule: 'schedule',
  queue: 'schedule',
};

export interface ComposeServiceDeps {
  repos: Repositories;
  now: () => Date;
  /**
   * Each channel's next free queue slot, for the `queue` intent (QueueService.nextFreeSlotOf), read in
   * the transaction that takes it.
   */
  nextFreeSlot: (repos: Repositories, businessId: string, channel: ChannelId) => Promise<string>;
  events?: ChangeEvents;
  publishing?: PublishSchedule;
  notifier?: Notifier;
}

/**
 * The composer: one post, one content item per network, created together or not at all, linked by a
 * `post_group`. Each variant passes the same rules as an item saved and moved alone (its channel's text
 * limits, the media rules of its stage, the workflow's roles), and a refusal names the channel.
 */
export class ComposeService {
  private readonly events: ChangeEvents;
  private readonly publishing: PublishSchedule;
  private readonly notifier: Notifier;

  constructor(private readonly deps: ComposeServiceDeps) {
    this.events = deps.events ?? NO_EVENTS;
    this.publishing = deps.publishing ?? NO_PUBLISHING;
    this.notifier = deps.notifier ?? NO_NOTIFICATIONS;
  }

  async compose(principal: Principal, body: ComposePostBody): Promise<ComposePostResult> {
    const { repos } = this.deps;
    const businessId = body.business_id;
    const role = await requireWorkspaceRole(repos, principal, businessId, 'content.write');
    if (OUTCOME[body.intent].status === 'scheduled' && !can(role, 'content.approve')) {
      throw new AppError(
        'forbidden',
        `Your role (${role}) cannot schedule; send the post for review and an owner or admin schedules it`,
      );
    }
    if (body.campaign_id && !(await repos.campaigns.find(businessId, body.campaign_id))) {
      const message = ruleFieldMessage('campaignNotFound');
      throw new AppError('not_found', message, {
        errors: [{ path: 'body.campaign_id', message, code: 'not_found' }],
      });
    }
    const media = await requireLibraryMedia(repos, businessId, body.media_ids);
    const now = this.deps.now();
    if (body.intent === 'schedule' && body.scheduled_at && Date.parse(body.scheduled_at) <= now.getTime()) {
      const message = ruleFieldMessage('publishingTimePast');
      throw new AppError('validation_failed', message, {
        errors: [{ path: 'body.scheduled_at', message, code: 'custom' }],
      });
    }
    const variants = CHANNEL_IDS.flatMap((channel) => {
      const variant = body.variants[channel];
      return variant ? [{ channel, variant }] : [];
    });
    const errors = variants.flatMap(({ channel, variant }) =>
      variantErrors(channel, fieldsOf(channel, variant, body.title), media, body.intent),
    );
    const first = errors[0];
    if (first) {
      const channels = new Set(errors.map((error) => error.path.split('.')[2]));
      throw new AppError(
        'validation_failed',
        channels.size === 1 ? first.message : `${channels.size} networks’ variants need changes`,
        { errors },
      );
    }
    // Queue slots are chosen in the transaction below, under the workspace's lock.
    const scheduledAt = body.intent === 'queue' ? null : body.scheduled_at && toUtcIso(body.scheduled_at);

    const postGroup = newId();
    const at = now.toISOString();
    const actor = actorOf(principal).actor_user_id;
    const { status, moves } = OUTCOME[body.intent];
    const rows = variants.map(
      ({ channel, variant }): ContentItemRow => ({
        id: newId(),
        business_id: businessId,
        campaign_id: body.campaign_id,
        channel,
        format: variant.format,
        title: fieldsOf(channel, variant, body.title).title,
        body: variant.body,
        thread: JSON.stringify(variant.thread),
        hashtags: JSON.stringify(variant.hashtags),
        call_to_action: variant.call_to_action,
        media_brief: body.brief,
        preheader: variant.preheader,
        pillar: body.pillar,
        scheduled_at: scheduledAt ?? null,
        status,
        variant_group: null,
        post_group: postGroup,
        evergreen_days: null,
        evergreen_of: null,
        ai_call_id: null,
        ai_warnings: '[]',
        publish_job_id: null,
        published_at: null,
        publish_error: null,
        deleted_at: null,
        // Version 1 is the draft as created; each workflow move after it is a version, as in the editor.
        version: 1 + moves.length,
        created_by: actor,
        updated_by: actor,
        created_at: at,
        updated_at: at,
      }),
    );
    await repos.transaction(async (trx) => {
      if (body.intent === 'queue') {
        // Under the lock, two posts queued at once take different slots.
        await trx.businesses.lockForWrites(businessId);
        for (const row of rows) row.scheduled_at = await this.deps.nextFreeSlot(trx, businessId, row.channel);
      }
      for (const row of rows) {
        await trx.contentItems.insert(row);
        try {
          await trx.contentMedia.replace(
            businessId,
            row.id,
            media.map((item) => item.id),
            at,
          );
        } catch (error) {
          // A media item deleted since it was read: the schema's foreign key refused the attachment.
          if (isForeignKeyViolation(error)) throw new AppError('not_found', 'A media item was just deleted');
          throw error;
        }
      }
      await trx.contentHistory.insert(rows.flatMap((row) => historyOf(row, moves, actor, at)));
      for (const row of rows) {
        if (status === 'in_review') {
          await this.notifier.notify(trx, { kind: 'review_requested', item: row, actorUserId: actor });
        }
      }
      await announceContent(
        this.events,
        trx,
        businessId,
        rows.map((row) => row.id),
        'created',
      );
    });
    await this.publishing.sync(
      businessId,
      rows.map((row) => ({ before: undefined, after: row })),
    );
    return { post_group: postGroup, items: rows.map((row) => toContentItem(row, media)) };
  }
}

/** A variant's fields as the channel rules read them; the email subject stands in for the post's title. */
function fieldsOf(channel: ChannelId, variant: ComposeVariant, title: string): ChannelFields {
  return {
    channel,
    title: channel === 'email' ? (variant.subject ?? title) : title,
    body: variant.body,
    thread: variant.thread,
    hashtags: variant.hashtags,
    preheader: variant.preheader,
  };
}

/** What keeps one variant from being saved with `intent`, each at `body.variants.<channel>.<field>`. */
function variantErrors(
  channel: ChannelId,
  fields: ChannelFields,
  media: readonly ContentMedia[],
  intent: ComposeIntent,
): FieldError[] {
  const { name } = CHANNEL_RULES[channel];
  const at = (field: string) => `body.variants.${channel}.${field === 'title' ? 'subject' : field}`;
  // Each message names its network, for an API client reading them all at once; the facts do not need to.
  const errors: FieldError[] = channelRuleErrors(fields).map((issue) => ({
    ...channelIssueFieldError(issue, at(issue.field)),
    message: `${name}: ${issue.message}`,
  }));
  if (intent !== 'draft' && fields.body.trim() === '') {
    errors.push({
      path: at('body'),
      message: `${name}: ${ruleFieldMessage('writeTextFirst')}`,
      code: 'empty',
    });
  }
  for (const issue of mediaIssues(channel, media, MEDIA_STAGE[intent])) {
    const path = issue.path.replace(/^body\.media/, `body.variants.${channel}.media`);
    errors.push({ ...mediaIssueFieldError(issue, path), message: `${name}: ${issue.message}` });
  }
  return errors;
}

/** The history of a composed item: created as a draft, then each move, one version each. */
function historyOf(
  row: ContentItemRow,
  moves: readonly ContentHistoryAction[],
  actor: string | null,
  at: string,
): ContentHistoryRow[] {
  const created = historyEntry({ ...row, version: 1 }, actor, 'created', { status: 'draft' }, at);
  let from: ContentStatus = 'draft';
  const steps = moves.map((action, index) => {
    const to: ContentStatus =
      action === 'submitted' ? 'in_review' : action === 'approved' ? 'approved' : 'scheduled';
    const snapshot = {
      status: { from, to },
      ...(action === 'scheduled' ? { scheduled_at: row.scheduled_at } : {}),
      composed: true,
    };
    from = to;
    return historyEntry({ ...row, version: index + 2 }, actor, action, snapshot, at);
  });
  return [created, ...steps];
}
