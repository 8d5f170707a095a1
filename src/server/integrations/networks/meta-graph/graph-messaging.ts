import { createHash } from 'node:crypto';
import { directMessageId, parseDirectMessageId } from '../direct-message-id.js';
import type { NetworkHttp } from '../json-http.js';
import type { NetworkFailure, NetworkMention, NetworkResult, PublishedPart } from '../provider.js';
import {
  type GraphCall,
  type GraphResult,
  graphCall,
  lacksPermission,
  outsideMessagingWindow,
} from './graph-api.js';
import { isoOf, sameText } from './graph-shared.js';

// Direct messages through Meta's Messenger Platform, for a Page's Messenger conversations and for the
// Instagram professional account linked to a Page (developers.facebook.com/docs/messenger-platform/
// conversations, …/send-messages, …/instagram/features/send-message). Both are read with the Page token
// from the `conversations` edge (most recently active first, no time filter) and answered through the
// `messages` edge to the person's Page-scoped (PSID) or Instagram-scoped (IGSID) id, which only works
// within 24 hours of the person's last message (the standard messaging window).

/** One platform's inbox as a provider sees it. */
export interface MessagingInbox {
  http: NetworkHttp;
  /** The API address with its version. */
  apiUrl: string;
  /** How people know it, in failures and notices: `Messenger`, `Instagram`. */
  label: string;
  platform: 'messenger' | 'instagram';
  /** Whose `conversations` and `messages` edges: the Page's id, or `me` (the Page a Page token is for). */
  node: string;
  /** The account's own id as `from` in its messages (the Page, or the Instagram account): never a customer. */
  ownId: string;
  /** The permission that reading and answering need, named in the hint to reconnect. */
  permission: string;
  /** The longest text one message takes (Messenger: 2,000 characters; Instagram: 1,000 bytes of UTF-8). */
  maxText: { size: number; unit: 'characters' | 'bytes' };
}

/** Meta's standard messaging window: answers only within this long after the person's last message. */
export const MESSAGING_WINDOW_MS = 24 * 60 * 60 * 1000;
/** Conversations a page of the list holds. */
const CONVERSATIONS_PER_PAGE = 25;
/**
 * Pages of conversations one reading walks back through until it reaches ones older than the cursor:
 * 250 conversations with new messages between two hourly readings; past that the oldest are not read.
 */
const CONVERSATION_PAGES = 10;
/**
 * Messages read per conversation, newest first: Instagram gives only a conversation's 20 most recent.
 * More new messages than that in one conversation between two readings keep only the latest 20.
 */
const MESSAGES_PER_CONVERSATION = 20;
const MESSAGE_FIELDS = 'id,message,from,to,created_time';
/** The inbox keeps external ids of up to 200 characters (network-sync.service.ts). */
const MAX_EXTERNAL_ID = 200;

interface GraphMessage {
  id: string;
  message?: string;
  created_time?: string;
  from?: { id?: string; name?: string; username?: string };
}
interface ConversationList {
  data?: Array<{ id: string; updated_time?: string | number; messages?: { data?: GraphMessage[] } }>;
  paging?: { cursors?: { after?: string }; next?: string };
}

/** What one reading of the direct messages found; `notice`: why none could be read, for a person to fix. */
export interface DirectMessagesRead {
  mentions: NetworkMention[];
  /** The newest message time seen (the account's own too): where the next reading starts. */
  latest: string | null;
  notice: string | null;
}

/**
 * The inbox's id of a direct message (direct-message-id.ts): a Page or an Instagram account has one
 * conversation with each person, so the person's id (PSID or IGSID) names it, and is all the answer needs.
 * Stable from one reading to the next; a message id too long for the inbox (Instagram's can be), or with
 * a colon (Messenger's older `mid.…:…` ids), is replaced by its hash.
 *
 * @example metaDirectMessageId('6543210987654321', 'm_AbC') // 'dm:6543210987654321:m_AbC'
 */
export function metaDirectMessageId(recipient: string, messageId: string): string {
  const id = directMessageId(recipient, messageId);
  if (id.length <= MAX_EXTERNAL_ID && !/[:\s]/.test(messageId)) return id;
  return directMessageId(recipient, `#${createHash('sha256').update(messageId).digest('base64url')}`);
}

/** The person a direct message's id answers (its PSID or IGSID); null for a comment's id. */
export function recipientOf(externalId: string): string | null {
  const recipient = parseDirectMessageId(externalId)?.conversationId ?? '';
  return /^\d+$/.test(recipient) ? recipient : null;
}

/**
 * New direct messages since `since` (ISO; null: the most recent conversations only, no history beyond
 * them), the account's own left out. A token without the messaging permission (accounts connected before
 * mcc asked for it) reads none and says so in `notice`, so comments are still read; other failures (a dead
 * token, a rate limit, an outage) fail the reading, which comes back to them from the same cursor.
 */
export async function readDirectMessages(
  inbox: MessagingInbox,
  token: string,
  since: string | null,
): Promise<NetworkResult<DirectMessagesRead>> {
  const mentions: NetworkMention[] = [];
  let latest: string | null = null;
  let after: string | null = null;
  for (let page = 0; page < (since ? CONVERSATION_PAGES : 1); page += 1) {
    const query: Record<string, string> = {
      platform: inbox.platform,
      fields: `updated_time,messages.limit(${MESSAGES_PER_CONVERSATION}){${MESSAGE_FIELDS}}`,
      limit: String(CONVERSATIONS_PER_PAGE),
    };
    if (after) query.after = after;
    const read: GraphResult<ConversationList> = await call<ConversationList>(inbox, token, {
      method: 'GET',
      path: `${inbox.node}/conversations`,
      query,
    });
    if (!read.ok) {
      if (!lacksPermission(read.graphError)) return read;
      return {
        ok: true,
        value: { mentions: [], latest: null, notice: reconnectNotice(inbox, read.failure) },
      };
    }
    let reachedOlder = false;
    for (const conversation of read.value.data ?? []) {
      const updated = isoOf(conversation.updated_time);
      // Most recently active first: once one is older than the cursor, so are the rest.
      if (since && updated && updated < since) {
        reachedOlder = true;
        break;
      }
      for (const message of conversation.messages?.data ?? []) {
        const sentAt = isoOf(message.created_time);
        // Graph's times are whole seconds, like the cursor: the cursor's own second comes again (the
        // ingest keeps one of each), anything before it is dropped.
        if (!sentAt || (since && sentAt < since)) continue;
        if (!latest || sentAt > latest) latest = sentAt;
        const author = message.from;
        if (!author?.id || author.id === inbox.ownId) continue;
        mentions.push(mentionOf(inbox, message, author.id, sentAt));
      }
    }
    after = read.value.paging?.next ? (read.value.paging.cursors?.after ?? null) : null;
    if (reachedOlder || !after) break;
  }
  return { ok: true, value: { mentions, latest, notice: null } };
}

/**
 * Answer a person privately. Refused before anything is sent when the text is too long or Meta's window
 * has closed (their last message over 24 hours ago); Meta's own refusal of a late answer reads the same
 * (graph-api.ts). Graph has no idempotency key: an answer with the same text already sent since their
 * last message (an attempt whose answer was lost) is taken for this one rather than sent again.
 */
export async function sendDirectMessage(
  inbox: MessagingInbox,
  token: string,
  answer: { to: string; text: string },
  now: Date,
): Promise<NetworkResult<PublishedPart>> {
  const size =
    inbox.maxText.unit === 'bytes' ? Buffer.byteLength(answer.text, 'utf8') : [...answer.text].length;
  if (size > inbox.maxText.size) {
    return refusal(
      `${inbox.label} takes messages of up to ${inbox.maxText.size.toLocaleString('en')} ${inbox.maxText.unit}; this answer has ${size.toLocaleString('en')}: shorten it`,
    );
  }
  const thread = await call<ConversationList>(inbox, token, {
    method: 'GET',
    path: `${inbox.node}/conversations`,
    query: {
      platform: inbox.platform,
      user_id: answer.to,
      fields: `messages.limit(${MESSAGES_PER_CONVERSATION}){${MESSAGE_FIELDS}}`,
    },
  });
  if (!thread.ok)
    return lacksPermission(thread.graphError) ? answerNotAllowed(inbox, thread.failure) : thread;
  const messages = (thread.value.data?.[0]?.messages?.data ?? [])
    .map((message) => ({ message, at: isoOf(message.created_time) ?? '' }))
    .sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
  const theirLast = messages.findLast(({ message }) => message.from?.id === answer.to);
  if (theirLast && now.getTime() - Date.parse(theirLast.at) > MESSAGING_WINDOW_MS) {
    return refusal(outsideMessagingWindow(inbox.label));
  }
  const sent = messages.find(
    ({ message, at }) =>
      message.from?.id === inbox.ownId &&
      sameText(message.message, answer.text) &&
      (!theirLast || at >= theirLast.at),
  );
  if (sent) return { ok: true, value: { position: 0, remoteId: sent.message.id, url: null } };
  const posted = await call<{ recipient_id?: string; message_id: string }>(inbox, token, {
    method: 'POST',
    path: `${inbox.node}/messages`,
    form: {
      recipient: JSON.stringify({ id: answer.to }),
      message: JSON.stringify({ text: answer.text }),
      // Messenger asks why a message is sent; an answer within the window is a RESPONSE.
      ...(inbox.platform === 'messenger' ? { messaging_type: 'RESPONSE' } : {}),
    },
  });
  if (!posted.ok)
    return lacksPermission(posted.graphError) ? answerNotAllowed(inbox, posted.failure) : posted;
  return { ok: true, value: { position: 0, remoteId: posted.value.message_id, url: null } };
}

function call<T>(
  inbox: MessagingInbox,
  token: string,
  request: Omit<GraphCall, 'apiUrl' | 'token'>,
): Promise<GraphResult<T>> {
  return graphCall<T>(inbox.http, inbox.label, { ...request, apiUrl: inbox.apiUrl, token });
}

function mentionOf(
  inbox: MessagingInbox,
  message: GraphMessage,
  authorId: string,
  sentAt: string,
): NetworkMention {
  const username = message.from?.username;
  const name = message.from?.name ?? null;
  return {
    remoteId: metaDirectMessageId(authorId, message.id),
    inReplyTo: null,
    author: {
      remoteId: authorId,
      name,
      handle: username ? `@${username}` : (name ?? `${inbox.label} user`),
    },
    // A message with only an attachment (a photo, a sticker) has no text.
    text: message.message ?? '',
    url: null,
    sentAt,
    visibility: 'direct',
  };
}

function reconnectNotice(inbox: MessagingInbox, failure: NetworkFailure): string {
  return `Reconnect the account to read its ${inbox.label} direct messages: mcc may not read them yet (${inbox.permission} was not granted; ${failure.message}). Comments were read.`;
}

function answerNotAllowed(inbox: MessagingInbox, failure: NetworkFailure): NetworkResult<never> {
  return refusal(
    `Reconnect the account to answer ${inbox.label} direct messages: mcc may not send them yet (${inbox.permission} was not granted; ${failure.message})`,
    failure.statusCode,
  );
}

function refusal(message: string, statusCode: number | null = null): { ok: false; failure: NetworkFailure } {
  return { ok: false, failure: { kind: 'rejected', message, statusCode, retryAt: null } };
}
