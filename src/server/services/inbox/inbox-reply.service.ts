import { newId } from '#server/db/ids.js';
import type { ConversationRow, MessageRow } from '#server/db/schema.js';
import { AppError } from '#server/errors/app-error.js';
import type { EventPublisher } from '#server/realtime/event-bus.js';
import type { Repositories } from '#server/repositories/index.js';
import type { AiReplyResponse, Message, ReplyBody } from '#shared/inbox.schema.js';
import type { Principal } from '../access/principal.js';
import type { AiService } from '../ai/ai.service.js';
import type { InboxService } from './inbox.service.js';
import { deliverReply, type ReplyDeliveryDeps } from './inbox-delivery.js';
import { labelSuggestions, type SuggestRunner, suggestionInput } from './inbox-suggestions.js';
import { toMessage } from './inbox-views.js';

/** What replying is built from. */
export interface InboxReplyDeps extends ReplyDeliveryDeps {
  repos: Repositories;
  inbox: InboxService;
  ai: AiService;
  events: EventPublisher;
}

/**
 * Answering customers: AI reply suggestions grounded in the knowledge base and the brand profile, and
 * sending a reply (typed, an edited suggestion, or a rule's draft) through the workspace's connector.
 * Nothing here sends by itself: a person calls `reply`, or a rule they opted into auto-sending does.
 */
export class InboxReplyService {
  constructor(private readonly deps: InboxReplyDeps) {}

  /** 1–3 drafts for the latest customer message, each labelled with what it relied on. Nothing is sent. */
  async suggest(principal: Principal, conversationId: string, count: number): Promise<AiReplyResponse> {
    const conversation = await this.deps.inbox.load(principal, conversationId, 'inbox.reply');
    return this.suggestFor(conversation, count, (input) =>
      this.deps.ai.run(principal, conversation.business_id, 'suggestReplies', input),
    );
  }

  /** Suggestions with any runner (a rule's draft runs them for the workspace, with no caller). */
  async suggestFor(
    conversation: ConversationRow,
    count: number,
    run: SuggestRunner,
  ): Promise<AiReplyResponse> {
    const { repos } = this.deps;
    const businessId = conversation.business_id;
    const [thread, knowledge] = await Promise.all([
      repos.messages.thread(businessId, conversation.id, 40),
      repos.knowledge.listEnabled(businessId),
    ]);
    const input = suggestionInput(conversation, thread, knowledge, count);
    if (!input) {
      throw new AppError('validation_failed', 'There is no customer message to reply to', {
        errors: [{ path: 'params.id', message: 'The conversation has no customer message', code: 'empty' }],
      });
    }
    const { output, ...meta } = await run(input);
    return { ...meta, suggestions: labelSuggestions(output, knowledge) };
  }

  /** Send a reply and record it in the thread with its delivery status (sent, or failed and why). */
  async reply(principal: Principal, conversationId: string, body: ReplyBody): Promise<Message> {
    const { repos } = this.deps;
    const conversation = await this.deps.inbox.load(principal, conversationId, 'inbox.reply');
    const userId = principal.kind === 'user' ? principal.userId : null;
    const author = userId ? ((await repos.users.findById(userId))?.name ?? null) : 'API';
    let message: MessageRow;
    if (body.draft_id) {
      const draft = await repos.messages.find(conversation.business_id, body.draft_id);
      if (!draft || draft.conversation_id !== conversation.id || draft.delivery_status !== 'draft') {
        throw new AppError('not_found', 'No such draft in this conversation');
      }
      message = { ...draft, body: body.body, author, author_user_id: userId, delivery_status: 'pending' };
      await repos.messages.update(draft.business_id, draft.id, {
        body: body.body,
        author_user_id: userId,
        delivery_status: 'pending',
      });
    } else {
      message = outboundMessage(conversation, body.body, author, userId, 'pending', this.deps.now());
      await repos.messages.insertIfNew(message);
    }
    const sent = await this.send(conversation, message);
    if (body.resolve && sent.delivery_status === 'sent') {
      await repos.conversations.update(conversation.business_id, conversation.id, {
        status: 'resolved',
        resolved_at: this.deps.now().toISOString(),
        snoozed_until: null,
      });
    }
    return sent;
  }

  /** Deliver a stored outbound message, and count it on the conversation; answers the message as it ends. */
  async send(conversation: ConversationRow, message: MessageRow): Promise<Message> {
    const { repos } = this.deps;
    const businessId = conversation.business_id;
    const thread = await repos.messages.thread(businessId, conversation.id, 40);
    const answered = thread.findLast((m) => m.direction === 'in');
    const inReplyTo = answered?.external_id ?? null;
    let reply = message;
    if (answered?.visibility === 'direct' && message.visibility !== 'direct') {
      // A direct message is answered directly: the network keeps the answer private too.
      await repos.messages.update(businessId, message.id, { visibility: 'direct' });
      reply = { ...message, visibility: 'direct' };
    }
    const result = await deliverReply(this.deps, conversation, reply, inReplyTo);
    const at = this.deps.now().toISOString();
    await repos.conversations.recordOutbound(businessId, conversation.id, message.id, at);
    if (result.status === 'sent')
      await repos.conversations.markFirstResponse(businessId, conversation.id, at);
    this.deps.events.emit({
      type: 'conversation.changed',
      business_id: businessId,
      data: { conversation_id: conversation.id, change: 'replied' },
    });
    const stored = await repos.messages.find(businessId, message.id);
    return toMessage(stored ?? reply);
  }
}

/** A new outbound message row (a reply to send, or a rule's draft). */
export function outboundMessage(
  conversation: ConversationRow,
  body: string,
  author: string | null,
  authorUserId: string | null,
  status: 'draft' | 'pending',
  now: Date,
): MessageRow {
  return {
    id: newId(),
    business_id: conversation.business_id,
    conversation_id: conversation.id,
    channel: conversation.channel,
    direction: 'out',
    body,
    author,
    author_user_id: authorUserId,
    external_id: null,
    // A reply answers in kind: `send` makes it direct when the message it answers was (inbox-delivery.ts).
    visibility: 'public',
    classification: null,
    delivery_status: status,
    delivery_error: null,
    created_at: now.toISOString(),
  };
}
