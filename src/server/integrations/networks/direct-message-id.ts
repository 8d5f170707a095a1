// A direct message's id as the inbox stores it (the message's `external_id`, unique per channel). The
// network's id of the message alone is not enough to answer it: the answer goes into its conversation
// (Bluesky's convo, X's dm_conversation), which the network names by another id. Both go into the one
// string, so the inbox hands the conversation back with the message it answers, and reading the same
// message again gives the same id (stored once).

const PATTERN = /^dm:([^:\s]+):([^:\s]+)$/;

/**
 * @example
 * directMessageId('3kpgmrvyhpq2c', '3kpgmsb3gxp2c'); // 'dm:3kpgmrvyhpq2c:3kpgmsb3gxp2c'
 */
export function directMessageId(conversationId: string, messageId: string): string {
  return `dm:${conversationId}:${messageId}`;
}

/** The conversation and message a stored id names; null for anything else (a post's id, a mention's). */
export function parseDirectMessageId(id: string): { conversationId: string; messageId: string } | null {
  const match = PATTERN.exec(id);
  return match?.[1] && match[2] ? { conversationId: match[1], messageId: match[2] } : null;
}
