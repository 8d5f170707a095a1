import type {
  CannedReplyRow,
  ConversationRow,
  InboxRuleRow,
  KnowledgeEntryRow,
  MessageRow,
} from '#server/db/schema.js';
import type {
  CannedReply,
  Conversation,
  InboxRule,
  KnowledgeEntry,
  Message,
  MessageClassification,
} from '#shared/inbox.schema.js';
import { rulePatternProblem } from './inbox-rule-pattern.js';

// Rows as the API shows them: JSON columns parsed, flags as booleans, derived times computed.

/** Whole seconds from `from` to `to`, or null when either is missing. */
function secondsBetween(from: string | null, to: string | null): number | null {
  if (!from || !to) return null;
  return Math.max(0, Math.round((Date.parse(to) - Date.parse(from)) / 1000));
}

/**
 * A message for the API.
 * @example toMessage(row).classification?.intent // 'question'
 */
export function toMessage(row: MessageRow): Message {
  return {
    id: row.id,
    business_id: row.business_id,
    conversation_id: row.conversation_id,
    channel: row.channel,
    direction: row.direction,
    body: row.body,
    author: row.author,
    author_user_id: row.author_user_id,
    external_id: row.external_id,
    visibility: row.visibility,
    classification: row.classification ? (JSON.parse(row.classification) as MessageClassification) : null,
    delivery_status: row.delivery_status,
    delivery_error: row.delivery_error,
    created_at: row.created_at,
  };
}

/**
 * A conversation for the API, with its latest message; a snooze that ran out by `now` reads as open.
 * @example toConversation(row, latestRow, new Date().toISOString()).first_response_seconds // 540
 */
export function toConversation(
  row: ConversationRow,
  latest: MessageRow | undefined,
  now: string,
): Conversation {
  const snoozeOver = row.status === 'snoozed' && (row.snoozed_until === null || row.snoozed_until <= now);
  return {
    id: row.id,
    business_id: row.business_id,
    channel: row.channel,
    customer: { external_id: row.customer_external_id, name: row.customer_name, handle: row.customer_handle },
    status: snoozeOver ? 'open' : row.status,
    snoozed_until: snoozeOver ? null : row.snoozed_until,
    assignee_id: row.assignee_id,
    priority: row.priority,
    sentiment: row.sentiment,
    intent: row.intent,
    language: row.language,
    labels: JSON.parse(row.labels) as string[],
    message_count: row.message_count,
    first_response_at: row.first_response_at,
    resolved_at: row.resolved_at,
    first_response_seconds: secondsBetween(row.created_at, row.first_response_at),
    resolution_seconds: secondsBetween(row.created_at, row.resolved_at),
    last_message_at: row.last_message_at,
    created_at: row.created_at,
    updated_at: row.updated_at,
    latest_message: latest ? toMessage(latest) : null,
  };
}

/** A canned reply for the API. */
export function toCannedReply(row: CannedReplyRow): CannedReply {
  return { ...row };
}

/** A knowledge-base entry for the API. */
export function toKnowledgeEntry(row: KnowledgeEntryRow): KnowledgeEntry {
  return { ...row, enabled: row.enabled === 1 };
}

/** A rule for the API. */
export function toInboxRule(row: InboxRuleRow): InboxRule {
  const match = JSON.parse(row.match) as InboxRule['match'];
  return {
    ...row,
    enabled: row.enabled === 1,
    auto_send: row.auto_send === 1,
    match,
    actions: JSON.parse(row.actions) as InboxRule['actions'],
    // A pattern saved before rules ran on RE2 may no longer compile: it is ignored, and said so here.
    pattern_problem: match.regex === null ? null : rulePatternProblem(match.regex),
  };
}
