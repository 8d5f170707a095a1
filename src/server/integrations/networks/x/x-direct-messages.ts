import { directMessageId } from '../direct-message-id.js';
import type { NetworkHttp } from '../json-http.js';
import type { NetworkMention, NetworkResult, NetworkSession } from '../provider.js';
import { X, xCall } from './x-api.js';

// X's direct messages through API v2 (docs.x.com/x-api/direct-messages): GET /2/dm_events lists the
// account's DM events newest first, 100 a page with `next_token`, and takes no `since_id`; event ids are
// snowflakes, so the newest id seen is where the next reading stops paging. An answer is a message in the
// event's conversation (POST /2/dm_conversations/:id/messages). Only one-to-one conversations are read
// (X names them `{smaller user id}-{larger user id}`); a group's messages are seen by the whole group, so an
// answer there would not go to the customer alone. Both need the `dm.read` (and `dm.write`) scopes; tokens
// issued before mcc asked for them get a 403, as does an app whose API access does not include direct
// messages.

/** Events per page (the endpoint's maximum). */
const PAGE = 100;
/** Pages read back to the newest event seen (the rest of a larger burst waits for the next reading). */
const MAX_PAGES = 5;
const EVENT_FIELDS = 'id,text,created_at,sender_id,dm_conversation_id,event_type';
/** The account's latest messages in a conversation looked through for an answer sent already. */
const RECENT = 20;
/** Clocks differ: a message X dates a little before the answer was written is still that answer. */
const CLOCK_SLACK_MS = 60_000;
/** How X names a one-to-one conversation (a group's id is a single number). */
const ONE_TO_ONE = /^\d+-\d+$/;

/** What a 403 from the DM endpoints means for an account that reads its mentions fine. */
export const NO_DM_ACCESS =
  `${X} did not allow direct messages: the account was connected before mcc asked for them (scopes dm.read and dm.write), ` +
  'or the X app’s API access does not include direct messages. Reconnect the account to read and answer them';

interface DmEvent {
  id: string;
  event_type: string;
  text?: string;
  sender_id?: string;
  dm_conversation_id?: string;
  created_at?: string;
}

/** The account's new direct messages from others, oldest first, and the newest event id seen. */
export interface DirectMessageReading {
  messages: NetworkMention[];
  cursor: string | null;
}

/**
 * Direct messages others sent the account after the event `since`. The first reading (no `since`) takes one
 * page, so connecting does not pour the account's DM history into the inbox; the account's own messages
 * move the cursor and are never returned.
 *
 * @example
 * const read = await readDirectMessages(http, apiBase, session, stored.directMessages);
 */
export async function readDirectMessages(
  http: NetworkHttp,
  apiBase: string,
  session: NetworkSession,
  since: string | null,
): Promise<NetworkResult<DirectMessageReading>> {
  const messages: NetworkMention[] = [];
  let newest = since;
  let next: string | undefined;
  for (let page = 0; page < (since === null ? 1 : MAX_PAGES); page += 1) {
    const query = new URLSearchParams({
      'dm_event.fields': EVENT_FIELDS,
      event_types: 'MessageCreate',
      expansions: 'sender_id',
      'user.fields': 'username,name,profile_image_url',
      max_results: String(PAGE),
    });
    if (next) query.set('pagination_token', next);
    const read = await xCall<DmEvent[]>(http, {
      method: 'GET',
      baseUrl: apiBase,
      path: `/2/dm_events?${query}`,
      token: session.accessToken,
    });
    if (!read.ok) return read;
    const users = new Map((read.value.includes?.users ?? []).map((user) => [user.id, user]));
    const events = read.value.data ?? [];
    let reachedSeen = false;
    for (const event of events) {
      if (since !== null && compareIds(event.id, since) <= 0) {
        reachedSeen = true;
        continue;
      }
      if (newest === null || compareIds(event.id, newest) > 0) newest = event.id;
      const { sender_id: sender, dm_conversation_id: conversation } = event;
      if (event.event_type !== 'MessageCreate' || !sender || !conversation) continue;
      if (sender === session.remoteAccountId || !ONE_TO_ONE.test(conversation)) continue;
      const user = users.get(sender);
      messages.push({
        remoteId: directMessageId(conversation, event.id),
        inReplyTo: null,
        author: {
          remoteId: sender,
          name: user?.name || null,
          handle: user?.username ? `@${user.username}` : '',
        },
        text: event.text ?? '',
        // X has no address for one direct message.
        url: null,
        sentAt: event.created_at ?? http.now().toISOString(),
        visibility: 'direct',
      });
    }
    next = read.value.meta?.next_token;
    if (!next || events.length === 0 || reachedSeen) break;
  }
  messages.sort((a, b) => compareIds(idOf(a), idOf(b)));
  return { ok: true, value: { messages, cursor: newest } };
}

/**
 * Send `text` into the conversation, unless the account's latest messages there hold it already from
 * `writtenAt` on (an earlier send whose answer was lost): X's DM endpoint takes no idempotency key.
 */
export async function sendDirectMessage(
  http: NetworkHttp,
  apiBase: string,
  session: NetworkSession,
  message: { conversationId: string; text: string; writtenAt: string },
): Promise<NetworkResult<{ remoteId: string }>> {
  const conversation = encodeURIComponent(message.conversationId);
  const query = new URLSearchParams({
    'dm_event.fields': EVENT_FIELDS,
    event_types: 'MessageCreate',
    max_results: String(RECENT),
  });
  const recent = await xCall<DmEvent[]>(http, {
    method: 'GET',
    baseUrl: apiBase,
    path: `/2/dm_conversations/${conversation}/dm_events?${query}`,
    token: session.accessToken,
  });
  if (!recent.ok) return withHint(recent);
  const from = new Date(message.writtenAt).getTime() - CLOCK_SLACK_MS;
  const sent = (recent.value.data ?? []).find(
    (event) =>
      event.sender_id === session.remoteAccountId &&
      event.text === message.text &&
      new Date(event.created_at ?? 0).getTime() >= from,
  );
  if (sent) return { ok: true, value: { remoteId: directMessageId(message.conversationId, sent.id) } };
  const created = await xCall<{ dm_conversation_id?: string; dm_event_id?: string }>(http, {
    method: 'POST',
    baseUrl: apiBase,
    path: `/2/dm_conversations/${conversation}/messages`,
    token: session.accessToken,
    body: { text: message.text },
  });
  if (!created.ok) return withHint(created);
  const id = created.value.data?.dm_event_id;
  if (!id) {
    return {
      ok: false,
      failure: {
        kind: 'retryable',
        message: `${X} answered without the message’s id`,
        statusCode: null,
        retryAt: null,
      },
    };
  }
  return { ok: true, value: { remoteId: directMessageId(message.conversationId, id) } };
}

/** A 403 on a DM endpoint says what to do about it, beside X's own words. */
function withHint<T>(result: { ok: false } & NetworkResult<T>): NetworkResult<never> {
  if (result.failure.statusCode !== 403) return result;
  return {
    ok: false,
    failure: { ...result.failure, message: `${NO_DM_ACCESS} (${result.failure.message})` },
  };
}

function idOf(message: NetworkMention): string {
  return message.remoteId.slice(message.remoteId.lastIndexOf(':') + 1);
}

/** X ids are decimal strings (snowflakes): longer is newer, then by text. */
function compareIds(a: string, b: string): number {
  return a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);
}
