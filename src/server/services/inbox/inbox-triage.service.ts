import type { z } from 'zod';
import type { ConversationRow, ConversationUpdate, MessageRow } from '#server/db/schema.js';
import { isAppError } from '#server/errors/app-error.js';
import { type AppJobDefinitions, JOB_DEFINITIONS } from '#server/jobs/job-definitions.js';
import type { JobContext } from '#server/jobs/job-types.js';
import type { EventPublisher } from '#server/realtime/event-bus.js';
import type { Repositories } from '#server/repositories/index.js';
import type { ClassifyMessageOutput } from '#shared/ai-tasks.schema.js';
import type { MessageClassification, ReplySuggestion } from '#shared/inbox.schema.js';
import { PRIORITY_RANK } from '#shared/inbox.schema.js';
import type { JobSkipReason } from '#shared/job-skip-reasons.js';
import type { AiService } from '../ai/ai.service.js';
import { NO_NOTIFICATIONS, type Notifier } from '../notifications/notifier.js';
import type { InboxReplyService } from './inbox-reply.service.js';
import { outboundMessage } from './inbox-reply.service.js';
import { applyRules, type RuleOutcome } from './inbox-rule-matcher.js';
import { mayAutoSend } from './inbox-suggestions.js';
import { toInboxRule } from './inbox-views.js';

type ClassifyPayload = z.output<AppJobDefinitions['message.classify']['payload']>;

/** What the job answers (its `result`). */
export type ClassifyJobResult =
  | {
      outcome: 'skipped';
      reason: Extract<JobSkipReason, 'message_missing' | 'already_classified' | 'conversation_deleted'>;
    }
  | {
      outcome: 'classified' | 'unclassified';
      classification: MessageClassification | null;
      rule_ids: string[];
      draft_id: string | null;
      auto_sent: boolean;
    };

/** What triage is built from. */
export interface InboxTriageDeps {
  repos: Repositories;
  ai: AiService;
  replies: InboxReplyService;
  events: EventPublisher;
  /** Told of a message triaged urgent or negative (its assignee, or everyone who replies, hears). */
  notifier?: Notifier;
  now: () => Date;
}

/**
 * The `message.classify` job: classify a new customer message with the AI (offline: a sentiment lexicon
 * and intent keywords), put the result on the message and its conversation, then run the workspace's
 * rules (labels, assignee, priority, a draft reply — sent only by a rule opted into auto-send).
 */
export class InboxTriageService {
  constructor(private readonly deps: InboxTriageDeps) {}

  async classify(payload: ClassifyPayload, context: JobContext<string>): Promise<ClassifyJobResult> {
    const { repos } = this.deps;
    const businessId = context.businessId;
    const message = await repos.messages.find(businessId, payload.message_id);
    if (message?.direction !== 'in') return { outcome: 'skipped', reason: 'message_missing' };
    if (message.classification) return { outcome: 'skipped', reason: 'already_classified' };
    const conversation = await repos.conversations.find(businessId, message.conversation_id);
    if (!conversation) return { outcome: 'skipped', reason: 'conversation_deleted' };

    const offline = payload.offline ?? false;
    const classification = await this.classifyText(message, conversation, context, offline);
    const rules = (await repos.inboxRules.listEnabled(businessId)).map(toInboxRule);
    const outcome = await applyRules(rules, message.channel, message.body);
    await repos.transaction(async (trx) => {
      if (classification) {
        await trx.messages.update(businessId, message.id, { classification: JSON.stringify(classification) });
      }
      const changes = triageChanges(conversation, message, classification, outcome, this.deps.now());
      await trx.conversations.update(businessId, conversation.id, changes);
      // Only what this message made of the conversation counts: an older, imported one sets neither.
      const urgent = changes.priority === 'urgent';
      const negative = changes.sentiment === 'negative';
      if (urgent || negative) {
        await (this.deps.notifier ?? NO_NOTIFICATIONS).notify(trx, {
          kind: 'inbox_attention',
          businessId,
          conversationId: conversation.id,
          customer: conversation.customer_name ?? conversation.customer_handle ?? 'a customer',
          excerpt: message.body,
          urgent,
          negative,
          assigneeId: changes.assignee_id ?? conversation.assignee_id,
        });
      }
    });
    const draft = outcome.draft ? await this.prepareDraft(conversation, outcome.draft, offline) : null;
    this.deps.events.emit({
      type: 'conversation.changed',
      business_id: businessId,
      data: { conversation_id: conversation.id, change: draft ? 'drafted' : 'classified' },
    });
    return {
      outcome: classification ? 'classified' : 'unclassified',
      classification,
      rule_ids: outcome.ruleIds,
      draft_id: draft?.id ?? null,
      auto_sent: draft?.autoSent ?? false,
    };
  }

  /**
   * The AI's reading of the message. A spent budget leaves it unclassified at once (rules still run); a
   * provider failure is retried by the queue, and the last attempt also gives up gracefully.
   */
  private async classifyText(
    message: MessageRow,
    conversation: ConversationRow,
    context: JobContext<string>,
    offline: boolean,
  ): Promise<MessageClassification | null> {
    try {
      const result = await this.deps.ai.runForWorkspace<ClassifyMessageOutput>(
        message.business_id,
        'classifyMessage',
        {
          channel: message.channel,
          text: message.body.slice(0, 10_000),
          ...(conversation.customer_name ? { customer_name: conversation.customer_name } : {}),
        },
        { signal: context.signal, offline },
      );
      return { ...result.output, call_id: result.call_id };
    } catch (error) {
      const lastTry = context.attempt >= JOB_DEFINITIONS['message.classify'].maxAttempts;
      if (isAppError(error, 'budget_exceeded') || lastTry) return null;
      throw error;
    }
  }

  /** A rule's draft: one suggestion stored for review, or sent at once when the rule opted in. */
  private async prepareDraft(
    conversation: ConversationRow,
    rule: NonNullable<RuleOutcome['draft']>,
    offline: boolean,
  ): Promise<{ id: string; autoSent: boolean } | null> {
    const { repos, replies, ai } = this.deps;
    const businessId = conversation.business_id;
    let suggestion: ReplySuggestion | undefined;
    try {
      const suggested = await replies.suggestFor(conversation, 1, (input) =>
        ai.runForWorkspace(businessId, 'suggestReplies', input, { offline }),
      );
      suggestion = suggested.suggestions[0];
    } catch {
      // No draft is better than a failed job: the person can still ask for suggestions.
      return null;
    }
    if (!suggestion?.body) return null;
    // A reply the checks flagged (a foreign link, say) waits for a person even when the rule auto-sends.
    const send = rule.autoSend && mayAutoSend(suggestion);
    const author = `Rule: ${rule.ruleName}`;
    const draft = outboundMessage(
      conversation,
      suggestion.body,
      author,
      null,
      send ? 'pending' : 'draft',
      this.deps.now(),
    );
    await repos.messages.insertIfNew(draft);
    if (!send) return { id: draft.id, autoSent: false };
    const fresh = (await repos.conversations.find(businessId, conversation.id)) ?? conversation;
    await replies.send(fresh, draft);
    return { id: draft.id, autoSent: true };
  }
}

/** The conversation after classification and rules: rules outrank the AI on priority. */
function triageChanges(
  conversation: ConversationRow,
  message: MessageRow,
  classification: MessageClassification | null,
  outcome: RuleOutcome,
  now: Date,
): ConversationUpdate {
  const changes: ConversationUpdate = { updated_at: now.toISOString() };
  // Only the latest customer message speaks for the conversation; an imported older one does not.
  const isLatest = conversation.last_message_at <= message.created_at;
  if (classification && isLatest) {
    changes.sentiment = classification.sentiment;
    changes.intent = classification.intent;
    changes.language = classification.language;
    changes.priority = classification.priority;
    changes.priority_rank = PRIORITY_RANK[classification.priority];
  }
  if (outcome.priority) {
    changes.priority = outcome.priority;
    changes.priority_rank = PRIORITY_RANK[outcome.priority];
  }
  if (outcome.labels.length > 0) {
    const labels = JSON.parse(conversation.labels) as string[];
    changes.labels = JSON.stringify([...new Set([...labels, ...outcome.labels])].slice(0, 20));
  }
  if (outcome.assigneeId && !conversation.assignee_id) changes.assignee_id = outcome.assigneeId;
  return changes;
}
