import { API } from '#shared/api-paths.js';
import { idSchema } from '#shared/common.schema.js';
import {
  aiReplyBodySchema,
  aiReplyResponseSchema,
  type Conversation,
  conversationListQuerySchema,
  conversationPageSchema,
  conversationParamsSchema,
  conversationThreadSchema,
} from '#shared/inbox.schema.js';
import { count, excerpt, microUsd, nextPageLine } from '../format.js';
import { defineTool, inWorkspace, READS, WRITES } from '../tool.js';

// Reading and suggesting only: a reply reaches a customer when a person sends it from mcc.
export const inboxTools = [
  defineTool({
    name: 'list_conversations',
    title: 'Read the inbox',
    description:
      'Customer conversations on every channel with their latest message, urgent first, then the most recent. Filter by channel, status (open, pending, snoozed, resolved), priority, sentiment, intent, language, assignee ("none" for unassigned), label, or words (q); page with cursor.',
    input: inWorkspace(conversationListQuerySchema),
    output: conversationPageSchema,
    annotations: READS,
    async run(args, { api, workspace }) {
      const query = { ...args, business_id: await workspace(args.business_id) };
      const data = await api.get(API.messages, { query, schema: conversationPageSchema });
      const text = [
        data.items.length === 0 ? 'No conversations match.' : `${count(data.items.length, 'conversation')}:`,
        ...data.items.map((conversation) => `- ${describeConversation(conversation)}`),
        ...nextPageLine(data.next_cursor),
      ];
      return { text: text.join('\n'), data };
    },
  }),
  defineTool({
    name: 'get_conversation',
    title: 'Read a conversation',
    description:
      'A conversation and its whole thread, oldest message first, with how each customer message was classified.',
    input: conversationParamsSchema,
    output: conversationThreadSchema,
    annotations: READS,
    async run({ id }, { api }) {
      const data = await api.get(API.message(id), { schema: conversationThreadSchema });
      const lines = [describeConversation(data.conversation), ''];
      for (const message of data.messages) {
        const who = message.direction === 'in' ? (message.author ?? 'Customer') : (message.author ?? 'Us');
        const state = message.delivery_status ? ` [${message.delivery_status}]` : '';
        lines.push(`${message.created_at} ${who}${state}: ${message.body}`);
      }
      return { text: lines.join('\n'), data };
    },
  }),
  defineTool({
    name: 'suggest_replies',
    title: 'Suggest replies',
    description:
      'Suggest 1–3 replies to the latest customer message of a conversation, grounded in the brand profile and the knowledge base. Nothing is sent: a person reviews and sends a reply in mcc. Metered against the AI budget.',
    input: aiReplyBodySchema.safeExtend({ id: idSchema.describe('Conversation id') }),
    output: aiReplyResponseSchema,
    annotations: WRITES,
    async run({ id, ...body }, { api }) {
      const data = await api.post(API.messageAiReply(id), { body, schema: aiReplyResponseSchema });
      const lines = [
        `${count(data.suggestions.length, 'suggested reply', 'suggested replies')} (nothing sent; by ${data.offline ? 'the offline writer' : data.model}, cost ${microUsd(data.cost_micro_usd)}):`,
      ];
      data.suggestions.forEach((suggestion, index) => {
        lines.push(`\n${index + 1}. ${suggestion.body}`);
        if (suggestion.relied_on.length > 0) lines.push(`   Relied on: ${suggestion.relied_on.join(', ')}`);
        for (const warning of suggestion.warnings) lines.push(`   Warning: ${warning.message}`);
      });
      return { text: lines.join('\n'), data };
    },
  }),
];

function describeConversation(conversation: Conversation): string {
  const customer =
    conversation.customer.name ?? conversation.customer.handle ?? conversation.customer.external_id;
  const traits = [
    conversation.status,
    conversation.priority,
    conversation.sentiment,
    conversation.intent,
    conversation.language,
  ].filter(Boolean);
  const labels = conversation.labels.length > 0 ? `; labels ${conversation.labels.join(', ')}` : '';
  const latest = conversation.latest_message
    ? `; latest (${conversation.latest_message.direction === 'in' ? 'customer' : 'us'}): "${excerpt(conversation.latest_message.body)}"`
    : '';
  return `${customer} on ${conversation.channel} (id ${conversation.id}): ${traits.join(', ')}; ${count(conversation.message_count, 'message')}${labels}${latest}`;
}
