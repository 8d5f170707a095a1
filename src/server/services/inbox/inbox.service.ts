import type { ConversationRow, ConversationUpdate, MessageRow } from '#server/db/schema.js';
import { AppError } from '#server/errors/app-error.js';
import type { AppJobDefinitions } from '#server/jobs/job-definitions.js';
import type { JobQueue } from '#server/jobs/job-types.js';
import type { ConversationWithLatest } from '#server/repositories/conversation.repository.js';
import type { Repositories } from '#server/repositories/index.js';
import type {
  Conversation,
  ConversationListQuery,
  ConversationThread,
  IngestMessageBody,
  IngestResult,
  UpdateConversationBody,
} from '#shared/inbox.schema.js';
import { PRIORITY_RANK } from '#shared/inbox.schema.js';
import type { Permission } from '#shared/roles.js';
import { ruleFieldMessage } from '#shared/rule-field-messages.js';
import type { Principal } from '../access/principal.js';
import { requireRowRole } from '../access/row-access.js';
import { requireWorkspaceRole } from '../access/workspace-access.js';
import type { ChangeEvents } from '../common/change-events.js';
import { decodeCursor, encodeCursor } from '../common/cursor.js';
import { announceReceived, queueClassification, storeInbound } from './inbox-ingest.js';
import { toConversation, toMessage } from './inbox-views.js';

const ORDER = 'priority.recency';

/** What the inbox is built from. */
export interface InboxServiceDeps {
  repos: Repositories;
  queue: JobQueue<AppJobDefinitions>;
  events: ChangeEvents;
  now: () => Date;
}

/**
 * The inbox's conversations: list them in priority order with filters and search, read a thread, triage
 * by hand (status, snooze, assignee, labels, corrected classification), and ingest a message.
 */
export class InboxService {
  constructor(private readonly deps: InboxServiceDeps) {}

  async list(
    principal: Principal,
    query: ConversationListQuery,
  ): Promise<{ items: Conversation[]; next_cursor: string | null }> {
    const { repos } = this.deps;
    const { business_id: businessId, limit, cursor, ...filters } = query;
    await requireWorkspaceRole(repos, principal, businessId, 'inbox.read');
    const after = cursor ? decodePosition(cursor) : undefined;
    const now = this.deps.now().toISOString();
    const rows = await repos.conversations.page(businessId, { ...filters, now }, limit + 1, after);
    const page = rows.slice(0, limit);
    const last = page.at(-1);
    return {
      items: page.map((row) => toConversation(row, latestMessageOf(row), now)),
      next_cursor:
        rows.length > limit && last
          ? encodeCursor([ORDER, String(last.priority_rank), last.last_message_at, last.id])
          : null,
    };
  }

  /** The conversation and its whole thread, oldest message first. */
  async thread(principal: Principal, conversationId: string): Promise<ConversationThread> {
    const { business_id: businessId } = await this.load(principal, conversationId, 'inbox.read');
    // One snapshot for both reads: the classification job commits a message and its conversation
    // together, and a thread read between them showed one classified and the other not.
    const { row, messages } = await this.deps.repos.snapshot(async (snap) => ({
      row: await snap.conversations.find(businessId, conversationId),
      messages: await snap.messages.thread(businessId, conversationId),
    }));
    if (!row) throw new AppError('not_found', 'No such conversation');
    const latest = messages.find((message) => message.id === row.last_message_id);
    return {
      conversation: toConversation(row, latest, this.deps.now().toISOString()),
      messages: messages.map(toMessage),
    };
  }

  /** Triage by hand; a corrected classification stays until the next message is classified. */
  async update(
    principal: Principal,
    conversationId: string,
    body: UpdateConversationBody,
  ): Promise<ConversationThread> {
    const { repos } = this.deps;
    const row = await this.load(principal, conversationId, 'inbox.reply');
    if (body.assignee_id) await requireAssignable(repos, row.business_id, body.assignee_id);
    const at = this.deps.now().toISOString();
    const changes: ConversationUpdate = { updated_at: at };
    if (body.status !== undefined) {
      changes.status = body.status;
      changes.snoozed_until = body.status === 'snoozed' ? (body.snoozed_until ?? null) : null;
      if (body.status === 'resolved' && row.status !== 'resolved') changes.resolved_at = at;
      if (body.status !== 'resolved') changes.resolved_at = null;
    } else if (body.snoozed_until !== undefined) {
      changes.snoozed_until = body.snoozed_until;
      if (body.snoozed_until) changes.status = 'snoozed';
    }
    if (changes.status === 'snoozed' && (changes.snoozed_until ?? '') <= at) {
      throw new AppError('validation_failed', 'Snooze until a time in the future', {
        errors: [
          { path: 'body.snoozed_until', message: ruleFieldMessage('snoozeInFuture'), code: 'too_small' },
        ],
      });
    }
    if (body.assignee_id !== undefined) changes.assignee_id = body.assignee_id;
    if (body.labels !== undefined) changes.labels = JSON.stringify(body.labels);
    if (body.priority !== undefined) {
      changes.priority = body.priority;
      changes.priority_rank = PRIORITY_RANK[body.priority];
    }
    if (body.sentiment !== undefined) changes.sentiment = body.sentiment;
    if (body.intent !== undefined) changes.intent = body.intent;
    if (body.language !== undefined) changes.language = body.language.toLowerCase();
    await repos.conversations.update(row.business_id, row.id, changes);
    this.deps.events.emit({
      type: 'conversation.changed',
      business_id: row.business_id,
      data: { conversation_id: row.id, change: 'updated' },
    });
    return this.thread(principal, conversationId);
  }

  /**
   * Store one message (idempotent on channel + external id); a new one is classified in the background,
   * by the offline writer when `offline` is set.
   */
  async ingest(
    principal: Principal,
    body: IngestMessageBody,
    options: { offline?: boolean } = {},
  ): Promise<IngestResult> {
    const { repos } = this.deps;
    const { business_id: businessId, ...message } = body;
    await requireWorkspaceRole(repos, principal, businessId, 'inbox.reply');
    const result = await repos.transaction(async (trx) => {
      const stored = await storeInbound(trx, businessId, message, this.deps.now());
      await announceReceived(this.deps.events, trx, businessId, [stored]);
      return stored;
    });
    await queueClassification(this.deps, businessId, [result], options);
    return result;
  }

  /** The conversation behind `/api/messages/{id}`, after the caller's role in its workspace is checked. */
  async load(principal: Principal, conversationId: string, permission: Permission): Promise<ConversationRow> {
    const { repos } = this.deps;
    const businessId = await repos.conversations.businessIdOf(conversationId);
    await requireRowRole(repos, principal, businessId, permission, 'conversation');
    const row = businessId ? await repos.conversations.find(businessId, conversationId) : undefined;
    if (!row) throw new AppError('not_found', 'No such conversation');
    return row;
  }
}

/** An assignee must be a member of the workspace who may reply. */
export async function requireAssignable(
  repos: Pick<Repositories, 'memberships'>,
  businessId: string,
  userId: string,
): Promise<void> {
  const role = await repos.memberships.findRole(businessId, userId);
  if (!role || role === 'viewer') {
    const message = 'Assign the conversation to a member who can reply';
    throw new AppError('validation_failed', message, {
      errors: [{ path: 'body.assignee_id', message, code: 'not_a_member' }],
    });
  }
}

/** The latest message's columns of a page row, as a message row. */
function latestMessageOf(row: ConversationWithLatest): MessageRow | undefined {
  if (!row.latest_id || !row.latest_direction || !row.latest_body || !row.latest_created_at) return undefined;
  return {
    id: row.latest_id,
    business_id: row.business_id,
    conversation_id: row.id,
    channel: row.channel,
    direction: row.latest_direction,
    body: row.latest_body,
    author: row.latest_author,
    author_user_id: row.latest_author_user_id,
    external_id: row.latest_external_id,
    visibility: row.latest_visibility ?? 'public',
    classification: row.latest_classification,
    delivery_status: row.latest_delivery_status,
    delivery_error: row.latest_delivery_error,
    created_at: row.latest_created_at,
  };
}

function decodePosition(cursor: string) {
  const [rank, at, id] = decodeCursor(cursor, ORDER, 4) as [string, string, string];
  return { rank: Number(rank), at, id };
}
