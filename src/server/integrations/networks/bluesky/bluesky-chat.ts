import { type AtpAgent, ChatBskyConvoDefs, XRPCError } from '@atproto/api';
import { graphemeCount } from '#shared/channel-text.js';
import { directMessageId } from '../direct-message-id.js';
import type { NetworkMention } from '../provider.js';

// Bluesky's direct messages (the `chat.bsky.convo.*` lexicons). They are not in the account's repository:
// the chat service keeps them, and the PDS passes each call on to it when the call names it in the
// `atproto-proxy` header. Conversations list most recently active first; each conversation and message
// carries a `rev` (a TID of the chat service's clock), so the newest rev seen is where the next reading
// starts. Only app passwords made with "Allow access to your direct messages" may use chat: the PDS refuses
// the others' calls (400 `InvalidToken` "Bad token method" from the reference PDS, "Bad token scope" from
// others), which is no reason to stop reading the account's mentions.

/** The chat service the PDS proxies `chat.bsky.*` calls to (Bluesky's own). */
export const CHAT_SERVICE = 'did:web:api.bsky.chat#bsky_chat';
const VIA_CHAT = { headers: { 'atproto-proxy': CHAT_SERVICE } };

/** Conversations and messages per page (the lexicons' maximum). */
const PAGE = 100;
/** Pages of conversations read back to the last rev seen, and of one conversation's messages. */
const MAX_PAGES = 5;
/** What chat.bsky.convo.defs#messageInput takes. */
export const MAX_MESSAGE_GRAPHEMES = 1000;
/** Messages of the conversation looked through for an answer sent already (a lost answer, sent again). */
const RECENT = 20;
/** Clocks differ: an answer the chat service dates a little before it was written is still that answer. */
const CLOCK_SLACK_MS = 60_000;

/** The account's new direct messages, oldest first, and the rev to read from next time. */
export interface ChatReading {
  messages: NetworkMention[];
  cursor: string | null;
}

type Convo = ChatBskyConvoDefs.ConvoView;
type Message = ChatBskyConvoDefs.MessageView;

/**
 * Direct messages others sent the account (`did`) after the rev `since`. The first reading (no `since`)
 * takes only the last message of the most recent page of conversations, so connecting does not pour the
 * account's chat history into the inbox. The account's own messages move the cursor and are never returned.
 *
 * @example
 * const { messages, cursor } = await readChat(agent, did, stored.directMessages);
 */
export async function readChat(agent: AtpAgent, did: string, since: string | null): Promise<ChatReading> {
  const messages: NetworkMention[] = [];
  let newest = since;
  let page: string | undefined;
  for (let read = 0; read < (since === null ? 1 : MAX_PAGES); read += 1) {
    const listed = await agent.chat.bsky.convo.listConvos(
      { limit: PAGE, ...(page ? { cursor: page } : {}) },
      VIA_CHAT,
    );
    let reachedSeen = false;
    for (const convo of listed.data.convos) {
      newest = later(newest, convo.rev);
      if (since !== null && !isAfter(convo.rev, since)) {
        reachedSeen = true;
        continue;
      }
      if (isGroup(convo)) continue;
      const last = convo.lastMessage;
      if (!ChatBskyConvoDefs.isMessageView(last)) continue;
      if (since === null) {
        if (last.sender.did !== did) messages.push(toMention(convo, last));
        continue;
      }
      // Only read (or muted) since: nothing new was written in it.
      if (!isAfter(last.rev, since)) continue;
      for (const message of await messagesAfter(agent, convo.id, since)) {
        if (message.sender.did !== did) messages.push(toMention(convo, message));
      }
    }
    page = listed.data.cursor;
    if (!page || listed.data.convos.length === 0 || reachedSeen) break;
  }
  messages.sort((a, b) => a.sentAt.localeCompare(b.sentAt));
  return { messages, cursor: newest };
}

/**
 * Send `text` into the conversation, unless the account's own latest messages there hold it already from
 * `writtenAt` on (an earlier send whose answer was lost): chat messages take no idempotency key.
 */
export async function sendChatMessage(
  agent: AtpAgent,
  did: string,
  message: { convoId: string; text: string; writtenAt: string },
): Promise<{ remoteId: string }> {
  const from = new Date(message.writtenAt).getTime() - CLOCK_SLACK_MS;
  const recent = await agent.chat.bsky.convo.getMessages(
    { convoId: message.convoId, limit: RECENT },
    VIA_CHAT,
  );
  const sent = recent.data.messages
    .filter((candidate) => ChatBskyConvoDefs.isMessageView(candidate))
    .find(
      (candidate) =>
        candidate.sender.did === did &&
        candidate.text === message.text &&
        new Date(candidate.sentAt).getTime() >= from,
    );
  const out =
    sent ??
    (
      await agent.chat.bsky.convo.sendMessage(
        { convoId: message.convoId, message: { text: message.text } },
        VIA_CHAT,
      )
    ).data;
  return { remoteId: directMessageId(message.convoId, out.id) };
}

/** Whether Bluesky takes `text` as one message. */
export function fitsMessage(text: string): boolean {
  return graphemeCount(text) <= MAX_MESSAGE_GRAPHEMES;
}

/**
 * The PDS's words when the session may not use chat (an app password without direct-message access);
 * null for any other error. The reference PDS answers 400 `InvalidToken`, which would otherwise read as a
 * dead session.
 */
export function chatRefusal(error: unknown): string | null {
  if (!(error instanceof XRPCError) || ![400, 401, 403].includes(error.status)) return null;
  return /bad token (scope|method)/i.test(error.message) ? error.message : null;
}

/** The conversation's messages after `since`, oldest first (the chat service answers newest first). */
async function messagesAfter(agent: AtpAgent, convoId: string, since: string): Promise<Message[]> {
  const found: Message[] = [];
  let page: string | undefined;
  for (let read = 0; read < MAX_PAGES; read += 1) {
    const listed = await agent.chat.bsky.convo.getMessages(
      { convoId, limit: PAGE, ...(page ? { cursor: page } : {}) },
      VIA_CHAT,
    );
    let reachedSeen = false;
    for (const message of listed.data.messages) {
      const rev = (message as { rev?: unknown }).rev;
      if (typeof rev === 'string' && !isAfter(rev, since)) {
        reachedSeen = true;
        continue;
      }
      // Deleted and system messages have nothing to answer.
      if (ChatBskyConvoDefs.isMessageView(message)) found.push(message);
    }
    page = listed.data.cursor;
    if (!page || listed.data.messages.length === 0 || reachedSeen) break;
  }
  return found.reverse();
}

function toMention(convo: Convo, message: Message): NetworkMention {
  const sender = convo.members.find((member) => member.did === message.sender.did);
  return {
    remoteId: directMessageId(convo.id, message.id),
    inReplyTo: null,
    author: {
      remoteId: message.sender.did,
      name: sender?.displayName?.trim() || null,
      handle: sender ? `@${sender.handle}` : message.sender.did,
    },
    text: message.text,
    // Bluesky has no address for one chat message.
    url: null,
    // `sentAt` is a datetime by the lexicon, which the client checks every answer against.
    sentAt: new Date(message.sentAt).toISOString(),
    visibility: 'direct',
  };
}

function isGroup(convo: Convo): boolean {
  return ChatBskyConvoDefs.isGroupConvo(convo.kind);
}

/** Revs are TIDs: fixed-length base32 that sorts as the clock does (a longer one is later). */
function isAfter(rev: string, than: string): boolean {
  return rev.length !== than.length ? rev.length > than.length : rev > than;
}

function later(current: string | null, rev: string): string {
  return current === null || isAfter(rev, current) ? rev : current;
}
