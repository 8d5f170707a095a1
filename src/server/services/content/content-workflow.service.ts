import type { ContentHistoryRow, ContentItemRow } from '#server/db/schema.js';
import { AppError } from '#server/errors/app-error.js';
import type { Repositories } from '#server/repositories/index.js';
import { mediaIssues } from '#shared/channel-media.js';
import type {
  BulkContentBody,
  BulkContentResult,
  ContentHistoryAction,
  ContentItem,
  TransitionContentBody,
} from '#shared/content.schema.js';
import { decideTransition } from '#shared/content-workflow.js';
import type { FieldError } from '#shared/problem.schema.js';
import type { ProblemFacts } from '#shared/problem-facts.js';
import { ruleFieldMessage } from '#shared/rule-field-messages.js';
import { actorOf, type Principal } from '../access/principal.js';
import { requireWorkspaceRole } from '../access/workspace-access.js';
import type { ChangeEvents } from '../common/change-events.js';
import { NO_NOTIFICATIONS, type Notifier } from '../notifications/notifier.js';
import {
  type ItemChange,
  NO_PUBLISHING,
  type PublishSchedule,
} from '../publishing/publish-schedule.service.js';
import { recordAudit } from '../workspace/audit.service.js';
import { loadItem } from './content.service.js';
import { type BulkStep, bulkActionRefusal, planBulkStep } from './content-bulk.js';
import { historyEntry, versionConflict } from './content-changes.js';
import { announceContent, NO_EVENTS } from './content-events.js';
import { toContentItem, toUtcIso } from './content-items.js';
import { checkMedia, mediaByItem, mediaIssueFieldError, mediaStageOf } from './content-media.js';

/** The approval workflow: one item's status change, and bulk changes that succeed or fail as a whole. */
export class ContentWorkflowService {
  constructor(
    private readonly repos: Repositories,
    private readonly now: () => Date,
    private readonly events: ChangeEvents = NO_EVENTS,
    /** Told of every committed move: scheduling enqueues the publish job, unscheduling cancels it. */
    private readonly publishing: PublishSchedule = NO_PUBLISHING,
    /** Told of submissions, send-backs and approvals, in their transaction (reviewers and authors hear). */
    private readonly notifier: Notifier = NO_NOTIFICATIONS,
  ) {}

  /** Move one item along the workflow, if the caller's role and the item's state allow it. */
  async transition(principal: Principal, itemId: string, body: TransitionContentBody): Promise<ContentItem> {
    const { row, role, businessId } = await loadItem(this.repos, principal, itemId, 'content.read');
    if (body.version !== row.version) throw versionConflict(row.version);
    if (body.scheduled_at !== undefined && body.to !== 'scheduled') {
      throw fieldError('validation_failed', ruleFieldMessage('scheduledAtWithoutScheduling'), 'scheduled_at');
    }
    const scheduledAt = body.scheduled_at ? toUtcIso(body.scheduled_at) : row.scheduled_at;
    const now = this.now();
    const decision = decideTransition({
      from: row.status,
      to: body.to,
      role,
      ...(body.comment === undefined ? {} : { comment: body.comment }),
      scheduledAt,
      body: row.body,
      now,
    });
    if (!decision.ok) throw fieldError(decision.code, decision.message, decision.field, decision.facts);
    const media = (await mediaByItem(this.repos, businessId, [itemId])).get(itemId) ?? [];
    const stage = mediaStageOf(decision.move.action);
    if (stage) checkMedia(row.channel, media, stage);
    const at = now.toISOString();
    const actor = actorOf(principal).actor_user_id;
    const timeChanged = body.to === 'scheduled' && scheduledAt !== row.scheduled_at;
    const snapshot = {
      status: { from: row.status, to: body.to },
      ...(timeChanged ? { scheduled_at: scheduledAt } : {}),
    };
    const saved = await this.repos.transaction(async (trx) => {
      const updated = await trx.contentItems.updateIfVersion(businessId, itemId, body.version, {
        status: body.to,
        ...(timeChanged ? { scheduled_at: scheduledAt } : {}),
        updated_by: actor,
        updated_at: at,
      });
      if (!updated) throw versionConflict();
      const entry = historyEntry(updated, actor, decision.move.action, snapshot, at, body.comment ?? null);
      await trx.contentHistory.insert([entry]);
      await announceContent(this.events, trx, businessId, [itemId], 'status');
      await notifyMove(this.notifier, trx, decision.move.action, updated, actor, body.comment ?? null);
      return updated;
    });
    await this.publishing.sync(businessId, [{ before: row, after: saved }]);
    return toContentItem(saved, media);
  }

  /**
   * Reschedule, change the status of, or delete many items in one transaction. A role that can never make
   * the change is refused (forbidden) before any item is read; otherwise every item is checked first, and
   * if any fails, nothing is written and `errors[]` names each failing `body.ids.N`.
   */
  async bulk(principal: Principal, body: BulkContentBody): Promise<BulkContentResult> {
    const businessId = body.business_id;
    const role = await requireWorkspaceRole(this.repos, principal, businessId, 'content.read');
    const refusal = bulkActionRefusal(body, role);
    if (refusal) throw refusal;
    if (body.action === 'restore') return this.restore(principal, businessId, body.ids);
    if (body.action === 'set_campaign' && body.campaign_id) {
      if (!(await this.repos.campaigns.find(businessId, body.campaign_id))) {
        throw fieldError('not_found', ruleFieldMessage('campaignNotFound'), 'campaign_id');
      }
    }
    const now = this.now();
    const at = now.toISOString();
    const actor = actorOf(principal).actor_user_id;
    const changes: ItemChange[] = [];
    const change = body.action === 'delete' ? 'deleted' : body.action === 'set_status' ? 'status' : 'updated';
    const result = await this.repos.transaction(async (trx): Promise<BulkContentResult> => {
      const rows = new Map(
        (await trx.contentItems.findMany(businessId, body.ids)).map((row) => [row.id, row]),
      );
      const media = await mediaByItem(trx, businessId, [...rows.keys()]);
      const steps: Array<{ row: ContentItemRow; step: BulkStep }> = [];
      const errors: FieldError[] = [];
      body.ids.forEach((id, index) => {
        const row = rows.get(id);
        const step: BulkStep = row
          ? planBulkStep(row, body, role, now)
          : { ok: false, code: 'not_found', message: ruleFieldMessage('itemNotFound') };
        const path = `body.ids.${index}`;
        const stage = step.ok && step.kind === 'update' ? mediaStageOf(step.action) : undefined;
        const issues = row && stage ? mediaIssues(row.channel, media.get(id) ?? [], stage) : [];
        if (issues.length > 0) {
          // One error per broken rule, all at the item's path with the item's code; the rule's is in its facts.
          for (const issue of issues) {
            errors.push({ ...mediaIssueFieldError(issue, path), code: 'media_check_failed' });
          }
        } else if (!step.ok) {
          const { message, code, facts } = step;
          errors.push({ path, message, code, ...(facts ? { facts } : {}) });
        } else if (row) steps.push({ row, step });
      });
      const refused = new Set(errors.map((error) => error.path)).size;
      if (refused > 0) {
        throw new AppError('bulk_failed', `${refused} of ${body.ids.length} items cannot change`, { errors });
      }
      if (body.action === 'delete') {
        await trx.contentItems.delete(businessId, body.ids, at);
        for (const { row } of steps) changes.push({ before: row, after: undefined });
        await recordAudit(trx, {
          businessId,
          principal,
          action: 'content.deleted',
          details: { ids: body.ids, bulk: true },
          at,
        });
        await announceContent(this.events, trx, businessId, body.ids, change);
        return { action: body.action, items: [], deleted_ids: body.ids };
      }
      const items: ContentItem[] = [];
      const history: ContentHistoryRow[] = [];
      for (const { row, step } of steps) {
        if (!step.ok || step.kind !== 'update') continue;
        const patch = { ...step.patch, updated_by: actor, updated_at: at };
        // Conditional on the version just read: a concurrent edit rolls the whole bulk change back.
        const updated = await trx.contentItems.updateIfVersion(businessId, row.id, row.version, patch);
        if (!updated) throw versionConflict();
        changes.push({ before: row, after: updated });
        history.push(historyEntry(updated, actor, step.action, step.snapshot, at, commentOf(body)));
        items.push(toContentItem(updated, media.get(row.id) ?? []));
      }
      await trx.contentHistory.insert(history);
      for (const { row, step } of steps) {
        if (step.ok && step.kind === 'update') {
          await notifyMove(this.notifier, trx, step.action, row, actor, commentOf(body));
        }
      }
      await announceContent(this.events, trx, businessId, body.ids, change);
      return { action: body.action, items, deleted_ids: [] };
    });
    await this.publishing.sync(businessId, changes);
    return result;
  }

  /**
   * Undo a delete: bring back the deleted items among `ids`, all or none (an id that is not a deleted item
   * of this workspace, e.g. already purged, is refused by its index). A scheduled item comes back on its
   * schedule; one whose time passed meanwhile comes back approved, so nothing goes out late unseen.
   */
  private async restore(principal: Principal, businessId: string, ids: string[]): Promise<BulkContentResult> {
    const now = this.now();
    const at = now.toISOString();
    const actor = actorOf(principal).actor_user_id;
    const changes: ItemChange[] = [];
    const result = await this.repos.transaction(async (trx): Promise<BulkContentResult> => {
      const deleted = new Set((await trx.contentItems.deletedAmong(businessId, ids)).map((row) => row.id));
      const errors: FieldError[] = ids.flatMap((id, index) =>
        deleted.has(id)
          ? []
          : [{ path: `body.ids.${index}`, message: ruleFieldMessage('nothingToRestore'), code: 'not_found' }],
      );
      if (errors.length > 0) {
        throw new AppError('bulk_failed', `${errors.length} of ${ids.length} items cannot be restored`, {
          errors,
        });
      }
      const restored: ContentItemRow[] = [];
      const history: ContentHistoryRow[] = [];
      for (const row of await trx.contentItems.restore(businessId, ids)) {
        const late =
          row.status === 'scheduled' && (!row.scheduled_at || Date.parse(row.scheduled_at) <= now.getTime());
        if (!late) {
          restored.push(row);
          continue;
        }
        const updated = await trx.contentItems.updateIfVersion(businessId, row.id, row.version, {
          status: 'approved',
          publish_job_id: null,
          updated_by: actor,
          updated_at: at,
        });
        if (!updated) throw versionConflict();
        history.push(
          historyEntry(updated, actor, 'unscheduled', { status: { from: 'scheduled', to: 'approved' } }, at),
        );
        restored.push(updated);
      }
      await trx.contentHistory.insert(history);
      for (const row of restored) changes.push({ before: undefined, after: row });
      await recordAudit(trx, {
        businessId,
        principal,
        action: 'content.restored',
        details: { ids },
        at,
      });
      await announceContent(this.events, trx, businessId, ids, 'created');
      const media = await mediaByItem(trx, businessId, ids);
      const byId = new Map(restored.map((row) => [row.id, row]));
      return {
        action: 'restore',
        items: ids.flatMap((id) => {
          const row = byId.get(id);
          return row ? [toContentItem(row, media.get(id) ?? [])] : [];
        }),
        deleted_ids: [],
      };
    });
    await this.publishing.sync(businessId, changes);
    return result;
  }
}

/** Reviewers hear of a submission; the author hears that it was sent back or approved. */
async function notifyMove(
  notifier: Notifier,
  trx: Repositories,
  action: ContentHistoryAction,
  item: ContentItemRow,
  actorUserId: string | null,
  comment: string | null,
): Promise<void> {
  if (action === 'submitted') {
    await notifier.notify(trx, { kind: 'review_requested', item, actorUserId });
  } else if (action === 'sent_back') {
    await notifier.notify(trx, { kind: 'content_sent_back', item, actorUserId, comment });
  } else if (action === 'approved') {
    await notifier.notify(trx, { kind: 'content_approved', item, actorUserId });
  }
}

function commentOf(body: BulkContentBody): string | null {
  return body.action === 'set_status' ? (body.comment ?? null) : null;
}

/** A refusal on the body field it names, if any, with its facts where it has them. */
function fieldError(code: AppError['code'], message: string, field?: string, facts?: ProblemFacts): AppError {
  return new AppError(code, message, {
    ...(field ? { errors: [{ path: `body.${field}`, message, code: 'custom' }] } : {}),
    ...(facts ? { facts } : {}),
  });
}
