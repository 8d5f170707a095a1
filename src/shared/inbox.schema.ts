import { z } from 'zod';
import { aiRunMetaSchema } from './ai.schema.js';
import { INTENTS, outputNoteSchema, PRIORITIES, SENTIMENTS } from './ai-tasks.schema.js';
import { CHANNEL_IDS } from './channel-ids.js';
import { idSchema, listOf, pageOf, shortText, timestampSchema } from './common.schema.js';

// The unified inbox: conversations with customers on every channel, their messages, and what helps answer
// them (canned replies, the knowledge base, rules). Messages arrive through the API, CSV/JSON import or
// the signed inbound webhook; each is classified in the background.

export const CONVERSATION_STATUSES = ['open', 'pending', 'snoozed', 'resolved'] as const;
export type ConversationStatus = (typeof CONVERSATION_STATUSES)[number];
export type Priority = (typeof PRIORITIES)[number];
export type Sentiment = (typeof SENTIMENTS)[number];
export type Intent = (typeof INTENTS)[number];

/** Priorities as numbers, so the list sorts urgent first in SQL. */
export const PRIORITY_RANK: Record<Priority, number> = { low: 0, normal: 1, high: 2, urgent: 3 };

/**
 * Outbound delivery: `draft` waits for a person (a rule prepared it); `pending` is being sent; `sent`
 * reached the connector's receiver; `failed` did not (`delivery_error` says why). Inbound: null.
 */
export const DELIVERY_STATUSES = ['draft', 'pending', 'sent', 'failed'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

const channel = z.enum(CHANNEL_IDS);
const label = z
  .string()
  .trim()
  .min(1)
  .max(40)
  .regex(/^[^"\\]+$/u, { message: 'Labels cannot contain quotes or backslashes' });
const labels = z
  .array(label)
  .max(20)
  .refine((items) => new Set(items).size === items.length, { message: 'Each label once' });
const messageBody = z.string().trim().min(1).max(10_000);

/** The customer a conversation is with, as the channel knows them. */
export const customerSchema = z.strictObject({
  external_id: shortText(200),
  name: z.string().trim().max(120).nullable().default(null),
  handle: z.string().trim().max(120).nullable().default(null),
});
export type Customer = z.infer<typeof customerSchema>;

/** What the classifier said about one inbound message. */
export const messageClassificationSchema = z.object({
  sentiment: z.enum(SENTIMENTS),
  intent: z.enum(INTENTS),
  priority: z.enum(PRIORITIES),
  language: z.string(),
  reasons: z.array(z.string()),
  call_id: idSchema.nullable(),
});
export type MessageClassification = z.infer<typeof messageClassificationSchema>;

/** Where a message was seen on its network: in public (a mention, comment, reply) or privately (a DM). */
export const MESSAGE_VISIBILITIES = ['public', 'direct'] as const;
export type MessageVisibility = (typeof MESSAGE_VISIBILITIES)[number];

export const messageSchema = z.object({
  id: idSchema,
  business_id: idSchema,
  conversation_id: idSchema,
  channel,
  direction: z.enum(['in', 'out']),
  body: z.string(),
  author: z.string().nullable(),
  author_user_id: idSchema.nullable(),
  external_id: z.string().nullable(),
  /** `direct`: a private message on the network (a DM), answered privately; `public`: anyone sees it. */
  visibility: z.enum(MESSAGE_VISIBILITIES),
  classification: messageClassificationSchema.nullable(),
  delivery_status: z.enum(DELIVERY_STATUSES).nullable(),
  delivery_error: z.string().nullable(),
  created_at: timestampSchema,
});
export type Message = z.infer<typeof messageSchema>;

export const conversationSchema = z.object({
  id: idSchema,
  business_id: idSchema,
  channel,
  customer: z.object({ external_id: z.string(), name: z.string().nullable(), handle: z.string().nullable() }),
  /** A snooze that has run out reads as `open`. */
  status: z.enum(CONVERSATION_STATUSES),
  snoozed_until: timestampSchema.nullable(),
  assignee_id: idSchema.nullable(),
  priority: z.enum(PRIORITIES),
  sentiment: z.enum(SENTIMENTS).nullable(),
  intent: z.enum(INTENTS).nullable(),
  language: z.string().nullable(),
  labels: z.array(z.string()),
  message_count: z.number().int(),
  first_response_at: timestampSchema.nullable(),
  resolved_at: timestampSchema.nullable(),
  /** Seconds from the first customer message to the first reply sent; null until then. */
  first_response_seconds: z.number().int().nullable(),
  /** Seconds from the first customer message to resolution; null while unresolved. */
  resolution_seconds: z.number().int().nullable(),
  last_message_at: timestampSchema,
  created_at: timestampSchema,
  updated_at: timestampSchema,
  latest_message: messageSchema.nullable(),
});
export type Conversation = z.infer<typeof conversationSchema>;
export const conversationPageSchema = pageOf(conversationSchema);

/** `GET /api/messages/{id}`: the conversation and its whole thread, oldest first. */
export const conversationThreadSchema = z.object({
  conversation: conversationSchema,
  messages: z.array(messageSchema),
});
export type ConversationThread = z.infer<typeof conversationThreadSchema>;

export const conversationParamsSchema = z.strictObject({ id: idSchema });

/** `GET /api/messages`: sorted by priority (urgent first), then the latest message first. */
export const conversationListQuerySchema = z.strictObject({
  business_id: idSchema,
  channel: channel.optional(),
  status: z.enum(CONVERSATION_STATUSES).optional(),
  priority: z.enum(PRIORITIES).optional(),
  sentiment: z.enum(SENTIMENTS).optional(),
  intent: z.enum(INTENTS).optional(),
  language: z.string().trim().min(2).max(8).optional(),
  /** A member's user id, or `none` for unassigned conversations. */
  assignee: z.union([idSchema, z.literal('none')]).optional(),
  label: label.optional(),
  /** Words in any message of the conversation, or in the customer's name or handle. */
  q: z.string().trim().min(1).max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
  cursor: z.string().max(300).optional(),
});
export type ConversationListQuery = z.infer<typeof conversationListQuerySchema>;

/** `PATCH /api/messages/{id}`: triage by hand. `snoozed_until` is required with status `snoozed`. */
export const updateConversationBodySchema = z
  .strictObject({
    status: z.enum(CONVERSATION_STATUSES).optional(),
    snoozed_until: timestampSchema.nullable().optional(),
    assignee_id: idSchema.nullable().optional(),
    labels: labels.optional(),
    priority: z.enum(PRIORITIES).optional(),
    sentiment: z.enum(SENTIMENTS).optional(),
    intent: z.enum(INTENTS).optional(),
    language: z.string().trim().min(2).max(8).optional(),
  })
  .refine((body) => Object.keys(body).length > 0, { message: 'Change at least one field' })
  .refine((body) => body.status !== 'snoozed' || Boolean(body.snoozed_until), {
    message: 'Say until when to snooze',
    path: ['snoozed_until'],
  });
export type UpdateConversationBody = z.infer<typeof updateConversationBodySchema>;

/** One inbound message, as the API, an import row or the inbound webhook gives it. */
export const inboundMessageSchema = z.strictObject({
  channel,
  /** The channel's id for the message: a repeat with the same channel and id is ignored. */
  external_id: shortText(200),
  customer: customerSchema,
  body: messageBody,
  /** When the customer sent it; now when omitted. */
  sent_at: timestampSchema.optional(),
  /** `direct` for a private message (a DM); `public` when omitted. */
  visibility: z.enum(MESSAGE_VISIBILITIES).optional(),
});
export type InboundMessage = z.infer<typeof inboundMessageSchema>;

/** `POST /api/messages`. */
export const ingestMessageBodySchema = inboundMessageSchema.extend({ business_id: idSchema });
export type IngestMessageBody = z.infer<typeof ingestMessageBodySchema>;

/** What ingest answers: `duplicate` when the channel and external id were already stored. */
export const ingestResultSchema = z.object({
  duplicate: z.boolean(),
  conversation_id: idSchema,
  message_id: idSchema,
});
export type IngestResult = z.infer<typeof ingestResultSchema>;

/** `POST /api/messages/import`: CSV text or a JSON array; all rows or none. */
export const importMessagesBodySchema = z.union([
  z.strictObject({ business_id: idSchema, csv: z.string().min(1).max(2_000_000) }),
  z.strictObject({ business_id: idSchema, messages: z.array(z.unknown()).min(1).max(5000) }),
]);
export type ImportMessagesBody = z.infer<typeof importMessagesBodySchema>;
export const importMessagesResultSchema = z.object({
  imported: z.number().int(),
  duplicates: z.number().int(),
});
export type ImportMessagesResult = z.infer<typeof importMessagesResultSchema>;

/** `POST /api/messages/{id}/ai-reply`. */
export const aiReplyBodySchema = z.strictObject({ count: z.number().int().min(1).max(3).default(2) });
export const replySuggestionSchema = z.object({
  body: z.string(),
  /** Titles of the knowledge entries used, or "brand profile". */
  relied_on: z.array(z.string()),
  knowledge_entry_ids: z.array(idSchema),
  /**
   * What the checks found in this reply (`field` is `body`): a link that is not the business's or the
   * knowledge base's (`foreign_link`), say. A reply with a warning is never sent automatically.
   */
  warnings: z.array(outputNoteSchema),
});
export const aiReplyResponseSchema = aiRunMetaSchema.extend({
  suggestions: z.array(replySuggestionSchema),
});
export type AiReplyResponse = z.infer<typeof aiReplyResponseSchema>;
export type ReplySuggestion = z.infer<typeof replySuggestionSchema>;

/** `POST /api/messages/{id}/reply`: send text (a suggestion, edited) or a prepared draft. */
export const replyBodySchema = z.strictObject({
  body: messageBody,
  /** A draft a rule prepared: it becomes this reply instead of a new message. */
  draft_id: idSchema.optional(),
  /** Resolve the conversation once the reply is sent. */
  resolve: z.boolean().default(false),
});
export type ReplyBody = z.infer<typeof replyBodySchema>;

// --- canned replies ---
export const cannedReplySchema = z.object({
  id: idSchema,
  business_id: idSchema,
  title: z.string(),
  body: z.string(),
  created_at: timestampSchema,
  updated_at: timestampSchema,
});
export type CannedReply = z.infer<typeof cannedReplySchema>;
export const cannedReplyListSchema = listOf(cannedReplySchema);
export const createCannedReplyBodySchema = z.strictObject({
  business_id: idSchema,
  title: shortText(120),
  body: messageBody,
});
export const updateCannedReplyBodySchema = z
  .strictObject({ title: shortText(120).optional(), body: messageBody.optional() })
  .refine((body) => Object.keys(body).length > 0, { message: 'Change at least one field' });

// --- knowledge base ---
export const KNOWLEDGE_KINDS = ['faq', 'policy', 'product', 'other'] as const;
export const knowledgeEntrySchema = z.object({
  id: idSchema,
  business_id: idSchema,
  kind: z.enum(KNOWLEDGE_KINDS),
  title: z.string(),
  body: z.string(),
  enabled: z.boolean(),
  created_at: timestampSchema,
  updated_at: timestampSchema,
});
export type KnowledgeEntry = z.infer<typeof knowledgeEntrySchema>;
export const knowledgeListSchema = listOf(knowledgeEntrySchema);
export const createKnowledgeBodySchema = z.strictObject({
  business_id: idSchema,
  kind: z.enum(KNOWLEDGE_KINDS).default('faq'),
  title: shortText(200),
  body: z.string().trim().min(1).max(4000),
  enabled: z.boolean().default(true),
});
export const updateKnowledgeBodySchema = z
  .strictObject({
    kind: z.enum(KNOWLEDGE_KINDS).optional(),
    title: shortText(200).optional(),
    body: z.string().trim().min(1).max(4000).optional(),
    enabled: z.boolean().optional(),
  })
  .refine((body) => Object.keys(body).length > 0, { message: 'Change at least one field' });

// --- rules ---
/** Longest pattern a rule may use (the server also refuses what RE2 cannot run, see docs/inbox.md). */
export const RULE_REGEX_MAX = 200;
export const ruleMatchSchema = z
  .strictObject({
    /** Any of these words or phrases (case-insensitive, whole words). */
    keywords: z.array(z.string().trim().min(1).max(60)).max(20).default([]),
    /**
     * A regular expression in RE2 syntax, tested case-insensitively: JavaScript's syntax without
     * look-around or back-references, which a linear-time engine cannot run.
     */
    regex: z.string().min(1).max(RULE_REGEX_MAX).nullable().default(null),
    /** Only these channels; empty means every channel. */
    channels: z.array(channel).max(CHANNEL_IDS.length).default([]),
  })
  .refine((match) => match.keywords.length > 0 || match.regex !== null, {
    message: 'Give keywords or a pattern',
  });
export const ruleActionsSchema = z
  .strictObject({
    labels: labels.default([]),
    assignee_id: idSchema.nullable().default(null),
    priority: z.enum(PRIORITIES).nullable().default(null),
    /** Prepare an AI reply as a draft for a person to review. */
    prepare_draft: z.boolean().default(false),
  })
  .refine(
    (actions) =>
      actions.labels.length > 0 ||
      actions.assignee_id !== null ||
      actions.priority !== null ||
      actions.prepare_draft,
    { message: 'Pick at least one action' },
  );
export const inboxRuleSchema = z.object({
  id: idSchema,
  business_id: idSchema,
  name: z.string(),
  enabled: z.boolean(),
  position: z.number().int(),
  match: z.object({
    keywords: z.array(z.string()),
    regex: z.string().nullable(),
    channels: z.array(channel),
  }),
  actions: z.object({
    labels: z.array(z.string()),
    assignee_id: idSchema.nullable(),
    priority: z.enum(PRIORITIES).nullable(),
    prepare_draft: z.boolean(),
  }),
  /** Send the prepared draft without review. Off unless a person turns it on for this rule. */
  auto_send: z.boolean(),
  /**
   * Why the pattern cannot run (saved before patterns ran on RE2): it is then ignored, and the rule
   * matches by its keywords only. Null when the pattern runs, or there is none.
   */
  pattern_problem: z.string().nullable(),
  created_at: timestampSchema,
  updated_at: timestampSchema,
});
export type InboxRule = z.infer<typeof inboxRuleSchema>;
export const inboxRuleListSchema = listOf(inboxRuleSchema);
export const createInboxRuleBodySchema = z
  .strictObject({
    business_id: idSchema,
    name: shortText(120),
    enabled: z.boolean().default(true),
    position: z.number().int().min(0).max(1000).default(0),
    match: ruleMatchSchema,
    actions: ruleActionsSchema,
    auto_send: z.boolean().default(false),
  })
  .refine((rule) => !rule.auto_send || rule.actions.prepare_draft, {
    message: 'Auto-send needs a prepared draft',
    path: ['auto_send'],
  });
export type CreateInboxRuleBody = z.infer<typeof createInboxRuleBodySchema>;
export const updateInboxRuleBodySchema = z
  .strictObject({
    name: shortText(120).optional(),
    enabled: z.boolean().optional(),
    position: z.number().int().min(0).max(1000).optional(),
    match: ruleMatchSchema.optional(),
    actions: ruleActionsSchema.optional(),
    auto_send: z.boolean().optional(),
  })
  .refine((body) => Object.keys(body).length > 0, { message: 'Change at least one field' });
export type UpdateInboxRuleBody = z.infer<typeof updateInboxRuleBodySchema>;

/** `?business_id=` of the inbox settings lists. */
export const inboxListQuerySchema = z.strictObject({ business_id: idSchema });
export const inboxItemParamsSchema = z.strictObject({ id: idSchema });

// --- inbound webhook ---
/** The JSON body of `POST /api/inbound/{workspaceId}/{source}`, signed in `X-MCC-Signature`. */
export const inboundEventSchema = inboundMessageSchema.extend({
  /** The sender's id for this event: a repeat (a retry or a replay) is acknowledged and ignored. */
  event_id: shortText(200),
  /** Defaults to the `{source}` of the URL when that is a channel. */
  channel: channel.optional(),
});
export type InboundEvent = z.infer<typeof inboundEventSchema>;
export const inboundParamsSchema = z.strictObject({
  workspaceId: idSchema,
  source: z.string().regex(/^[a-z0-9_-]{1,40}$/u),
});
export const inboundResultSchema = z.object({
  status: z.enum(['accepted', 'duplicate']),
  conversation_id: idSchema.nullable(),
  message_id: idSchema.nullable(),
});
/** The inbound secret, shown when it is issued (rotated) and never again. */
export const inboundSecretSchema = z.object({
  business_id: idSchema,
  /** Null when reading: the secret exists but is not shown again. */
  secret: z.string().nullable(),
  configured: z.boolean(),
  url_template: z.string(),
  rotated_at: timestampSchema.nullable(),
});
export type InboundSecret = z.infer<typeof inboundSecretSchema>;
