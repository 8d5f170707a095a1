import type { ConversationListQuery } from '#shared/inbox.schema.js';

/** Filters of the conversation list, without the workspace (which is in the key already). */
export type ConversationFilters = Omit<Partial<ConversationListQuery>, 'business_id' | 'cursor' | 'limit'>;

/**
 * Query keys for the inbox, `['inbox', businessId, …]`: live `message.received` and `conversation.changed`
 * events refresh a workspace's inbox by that prefix (see lib/realtime-invalidation.ts).
 */
export const inboxKeys = {
  workspace: (businessId: string) => ['inbox', businessId] as const,
  lists: (businessId: string) => [...inboxKeys.workspace(businessId), 'list'] as const,
  list: (businessId: string, filters: ConversationFilters) =>
    [...inboxKeys.lists(businessId), filters] as const,
  thread: (businessId: string, conversationId: string) =>
    [...inboxKeys.workspace(businessId), 'thread', conversationId] as const,
  cannedReplies: (businessId: string) => [...inboxKeys.workspace(businessId), 'canned-replies'] as const,
  knowledge: (businessId: string) => [...inboxKeys.workspace(businessId), 'knowledge'] as const,
  rules: (businessId: string) => [...inboxKeys.workspace(businessId), 'rules'] as const,
  inboundSecret: (businessId: string) => [...inboxKeys.workspace(businessId), 'inbound-secret'] as const,
};
