import { newId } from '#server/db/ids.js';
import type { ConversationRow, MessageRow } from '#server/db/schema.js';
import type { AppJobDefinitions } from '#server/jobs/job-definitions.js';
import type { JobQueue } from '#server/jobs/job-types.js';
import type { Repositories } from '#server/repositories/index.js';
import type { InboundMessage, IngestResult } from '#shared/inbox.schema.js';
import type { ChangeEvents } from '../common/change-events.js';

// Storing a customer message, whichever way it came (API, import, inbound webhook): find or start the
// customer's conversation, store the message once per channel and external id and announce it in the same
// transaction (live, and as webhook deliveries), then — after the transaction — queue its classification.

/** What storing and announcing a message needs. */
export interface InboxAnnounceDeps {
  queue: JobQueue<AppJobDefinitions>;
  events: ChangeEvents;
}

/**
 * Store one inbound message inside the caller's transaction. A message the channel already delivered
 * (same channel and external id) answers `duplicate` and changes nothing.
 *
 * @example
 * const result = await repos.transaction(async (trx) => {
 *   const stored = await storeInbound(trx, businessId, message, now);
 *   await announceReceived(events, trx, businessId, [stored]);
 *   return stored;
 * });
 * await queueClassification(deps, businessId, [result]);
 */
export async function storeInbound(
  repos: Repositories,
  businessId: string,
  message: InboundMessage,
  now: Date,
): Promise<IngestResult> {
  const existing = await repos.messages.findByExternalId(businessId, message.channel, message.external_id);
  if (existing) return duplicateOf(existing);
  const at = now.toISOString();
  const sentAt = message.sent_at ? new Date(message.sent_at).toISOString() : at;
  const conversation = await conversationFor(repos, businessId, message, sentAt, at);
  const row: MessageRow = {
    id: newId(),
    business_id: businessId,
    conversation_id: conversation.id,
    channel: message.channel,
    direction: 'in',
    body: message.body,
    author: message.customer.name ?? message.customer.handle ?? null,
    author_user_id: null,
    external_id: message.external_id,
    visibility: message.visibility ?? 'public',
    classification: null,
    delivery_status: null,
    delivery_error: null,
    created_at: sentAt,
  };
  if (!(await repos.messages.insertIfNew(row))) {
    // Another request stored it between our look and our insert.
    const winner = await repos.messages.findByExternalId(businessId, message.channel, message.external_id);
    if (winner) return duplicateOf(winner);
  }
  await repos.conversations.recordInbound(businessId, conversation.id, row.id, sentAt, at);
  return { duplicate: false, conversation_id: conversation.id, message_id: row.id };
}

/** Tell open inboxes (and webhooks) about new messages, in the transaction `trx` that stored them. */
export async function announceReceived(
  events: ChangeEvents,
  trx: Repositories,
  businessId: string,
  results: readonly IngestResult[],
): Promise<void> {
  for (const result of results) {
    if (result.duplicate) continue;
    await events.emitWithin(trx, {
      type: 'message.received',
      business_id: businessId,
      data: { conversation_id: result.conversation_id, message_id: result.message_id },
    });
  }
}

/**
 * Queue each new message's classification (after the transaction that stored it); `offline` classifies
 * them with the offline writer whatever the workspace's provider (the demo seed).
 */
export async function queueClassification(
  deps: Pick<InboxAnnounceDeps, 'queue'>,
  businessId: string,
  results: readonly IngestResult[],
  { offline = false }: { offline?: boolean } = {},
): Promise<void> {
  for (const result of results) {
    if (result.duplicate) continue;
    await deps.queue.enqueue({
      name: 'message.classify',
      businessId,
      payload: offline ? { message_id: result.message_id, offline } : { message_id: result.message_id },
      idempotencyKey: `message.classify:${result.message_id}`,
    });
  }
}

function duplicateOf(message: MessageRow): IngestResult {
  return { duplicate: true, conversation_id: message.conversation_id, message_id: message.id };
}

/** The customer's conversation on the channel, started now if they have none. */
async function conversationFor(
  repos: Repositories,
  businessId: string,
  message: InboundMessage,
  sentAt: string,
  at: string,
): Promise<ConversationRow> {
  const { channel, customer } = message;
  const found = await repos.conversations.findByCustomer(businessId, channel, customer.external_id);
  if (found) {
    if (customer.name !== found.customer_name || customer.handle !== found.customer_handle) {
      const changes = {
        customer_name: customer.name ?? found.customer_name,
        customer_handle: customer.handle ?? found.customer_handle,
      };
      await repos.conversations.update(businessId, found.id, changes);
    }
    return found;
  }
  await repos.conversations.insertIfAbsent({
    id: newId(),
    business_id: businessId,
    channel,
    customer_external_id: customer.external_id,
    customer_name: customer.name,
    customer_handle: customer.handle,
    status: 'open',
    snoozed_until: null,
    assignee_id: null,
    priority: 'normal',
    priority_rank: 1,
    sentiment: null,
    intent: null,
    language: null,
    labels: '[]',
    message_count: 0,
    last_message_id: null,
    first_response_at: null,
    resolved_at: null,
    last_message_at: sentAt,
    created_at: sentAt,
    updated_at: at,
  });
  const created = await repos.conversations.findByCustomer(businessId, channel, customer.external_id);
  if (!created) throw new Error('The conversation vanished right after it was created');
  return created;
}
