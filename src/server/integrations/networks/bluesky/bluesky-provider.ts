import { type AppBskyFeedPost, type AppBskyNotificationListNotifications, AtpAgent } from '@atproto/api';
import type { BlueskyCredentials } from '#shared/network.schema.js';
import { parseDirectMessageId } from '../direct-message-id.js';
import type {
  ConnectedAccount,
  MentionPage,
  NetworkMention,
  NetworkProvider,
  NetworkResult,
  NetworkSession,
  PublishedPart,
} from '../provider.js';
import { type ReadingCursor, readingCursor, storedCursor } from '../reading-cursor.js';
import { AgentPool } from './bluesky-agents.js';
import {
  type ChatReading,
  chatRefusal,
  fitsMessage,
  MAX_MESSAGE_GRAPHEMES,
  readChat,
  sendChatMessage,
} from './bluesky-chat.js';
import { blueskyFailure } from './bluesky-failure.js';
import { firstLink, linkCard } from './bluesky-link-card.js';
import {
  createPost,
  MAX_IMAGE_BYTES,
  mediaEmbed,
  ownPost,
  type PostRecord,
  postUrl,
  type ReplyRefs,
  richText,
  type StrongRef,
} from './bluesky-post.js';
import {
  agentFetch,
  BLUESKY,
  type BlueskyHttp,
  bareHandle,
  expiryOf,
  tokenClaims,
  withSession,
} from './bluesky-session.js';

// Bluesky through the AT Protocol and its official client (@atproto/api): a handle and an app password open
// a session on the account's PDS (bsky.social unless the account says otherwise); posts are records in the
// account's repository, threads reply to their root and previous part, images and videos go up as blobs
// first. Results and mentions come from the Bluesky AppView, which the PDS answers for; direct messages
// from the chat service, through the PDS too (bluesky-chat.ts).

/** Notifications that are conversations: someone named the account, answered or quoted one of its posts. */
const CONVERSATION_REASONS = ['mention', 'reply', 'quote'];
/** Notifications read per page (the lexicon's maximum). */
const PAGE = 100;
/** Pages read back to the last one seen, at most (the rest of a larger burst waits for a later reading). */
const MAX_PAGES = 5;
/** An app password's sessions carry this scope; the account password's carry `com.atproto.access`. */
const FULL_ACCESS_SCOPE = 'com.atproto.access';

/**
 * @example
 * const bluesky = createBlueskyProvider({ fetch: createGuardedFetch(guard), timeoutMs: 10_000, now });
 * await bluesky.connect({ handle: 'bakery.bsky.social', app_password: 'abcd-efgh-ijkl-mnop', pds_url });
 */
export function createBlueskyProvider(http: BlueskyHttp): NetworkProvider<BlueskyCredentials> {
  const pool = new AgentPool(agentFetch(http));
  /** An answer to a direct message: a chat message in its conversation (the id the inbox stored names it). */
  async function answerPrivately(
    session: NetworkSession,
    reply: Parameters<NetworkProvider['reply']>[1],
  ): Promise<NetworkResult<PublishedPart>> {
    const target = parseDirectMessageId(reply.inReplyTo);
    if (!target) {
      return refused(
        `${BLUESKY} can only answer a direct message in its conversation, and ${reply.inReplyTo} is none`,
      );
    }
    if (!fitsMessage(reply.text)) {
      return refused(
        `${BLUESKY} takes at most ${MAX_MESSAGE_GRAPHEMES.toLocaleString('en')} characters in a direct message`,
      );
    }
    return withSession(http, pool, session, async ({ agent, did }) => {
      try {
        const sent = await sendChatMessage(agent, did, {
          convoId: target.conversationId,
          text: reply.text,
          writtenAt: reply.writtenAt,
        });
        return { ok: true, value: { position: 0, remoteId: sent.remoteId, url: null } };
      } catch (error) {
        const words = chatRefusal(error);
        // Not a dead session: the app password may not use chat (it could when the message was read).
        if (words) return refused(`${NO_CHAT_ACCESS} (${words})`);
        throw error;
      }
    });
  }

  return {
    async connect(credentials) {
      const baseUrl = new URL(credentials.pds_url).origin;
      const agent = new AtpAgent({ service: baseUrl, fetch: agentFetch(http) });
      try {
        await agent.login({ identifier: bareHandle(credentials.handle), password: credentials.app_password });
      } catch (error) {
        return { ok: false, failure: blueskyFailure(error, http.now()) };
      }
      const session = agent.session;
      if (!session) {
        return {
          ok: false,
          failure: {
            kind: 'retryable',
            message: `${BLUESKY} opened no session`,
            statusCode: null,
            retryAt: null,
          },
        };
      }
      const scope = tokenClaims(session.accessJwt).scope;
      if (scope === FULL_ACCESS_SCOPE) {
        await agent.logout();
        return {
          ok: false,
          failure: {
            kind: 'auth_expired',
            message: `${BLUESKY} refused the session (HTTP 401): that is the account’s own password; create an app password for mcc instead`,
            statusCode: 401,
            retryAt: null,
          },
        };
      }
      let profile: { displayName?: string; avatar?: string } | undefined;
      try {
        profile = (await agent.app.bsky.actor.getProfile({ actor: session.did })).data;
      } catch (error) {
        const failure = blueskyFailure(error, http.now());
        // A new account the AppView has not indexed yet has no profile: its handle stands in.
        if (failure.kind === 'auth_expired') return { ok: false, failure };
      }
      const current = agent.session ?? session;
      const connected: ConnectedAccount = {
        baseUrl,
        accessToken: current.accessJwt,
        refreshToken: current.refreshJwt,
        tokenExpiresAt: expiryOf(current.refreshJwt),
        remoteAccountId: current.did,
        handle: `@${current.handle}`,
        displayName: profile?.displayName?.trim() || current.handle,
        avatarUrl: httpUrl(profile?.avatar),
        profileUrl: `https://bsky.app/profile/${current.handle}`,
        scopes: scope ? [scope] : [],
      };
      return { ok: true, value: connected };
    },

    async refresh(session) {
      return withSession(http, pool, session, async (open) => {
        if (open.current() === session) await open.agent.sessionManager.refreshSession();
        const { onRenewed: _stored, ...renewed } = open.current();
        return { ok: true, value: renewed };
      });
    },

    async publish(session, publication) {
      return withSession(http, pool, session, async ({ agent, did, handle }) => {
        const out = [...publication.published].sort((a, b) => a.position - b.position);
        const done = new Set(out.map((part) => part.position));
        const refs = new Map<string, StrongRef>();
        const refOf = async (part: PublishedPart): Promise<StrongRef> => {
          const known = refs.get(part.remoteId);
          if (known) return known;
          const found = await ownPost(agent, part.remoteId);
          if (!found) throw new GoneError(part.remoteId);
          const ref = { uri: found.uri, cid: found.cid };
          refs.set(part.remoteId, ref);
          return ref;
        };
        const send = async (
          position: number,
          text: string,
          reply: ReplyRefs | undefined,
          embed: PostRecord['embed'] | undefined,
          key: string,
        ): Promise<PublishedPart> => {
          const rich = await richText(agent, text);
          const link = embed ? undefined : firstLink(rich.facets);
          const card = link ? await linkCard(http, agent, link) : undefined;
          const record: PostRecord = {
            $type: 'app.bsky.feed.post',
            ...rich,
            ...(reply ? { reply } : {}),
            ...((embed ?? card) ? { embed: embed ?? card } : {}),
            createdAt: http.now().toISOString(),
          };
          const created = await createPost(agent, did, record, key, publication.dueAt);
          refs.set(created.uri, created);
          const part = { position, remoteId: created.uri, url: postUrl(handle(), created.uri) };
          await publication.onPublished(part);
          out.push(part);
          out.sort((a, b) => a.position - b.position);
          return part;
        };
        const threadOf = async (parent: PublishedPart): Promise<ReplyRefs> => {
          const root = out[0] ?? parent;
          return { root: await refOf(root), parent: await refOf(parent) };
        };

        try {
          for (const [position, text] of publication.parts.entries()) {
            if (done.has(position)) continue;
            const embed =
              position === 0
                ? await mediaEmbed(agent, await publication.media({ maxImageBytes: MAX_IMAGE_BYTES }))
                : undefined;
            const previous = out.findLast((part) => part.position < position);
            const reply = previous ? await threadOf(previous) : undefined;
            await send(position, text, reply, embed, `${publication.idempotencyKey}#${position}`);
          }
          const first = out[0];
          if (publication.firstComment && first && !done.has(publication.parts.length)) {
            await send(
              publication.parts.length,
              publication.firstComment,
              { root: await refOf(first), parent: await refOf(first) },
              undefined,
              `${publication.idempotencyKey}#comment`,
            );
          }
        } catch (error) {
          if (error instanceof GoneError) return { ok: false, failure: error.failure() };
          throw error;
        }
        return { ok: true, value: out };
      });
    },

    async metrics(session, remoteId) {
      return withSession(http, pool, session, async ({ agent }) => {
        const read = await agent.app.bsky.feed.getPosts({ uris: [remoteId] });
        const post = read.data.posts.find((candidate) => candidate.uri === remoteId);
        if (!post) return { ok: false, failure: new GoneError(remoteId).failure() };
        // Bluesky counts no impressions, reach or clicks: they stay unknown, never zero by guess.
        return {
          ok: true,
          value: {
            impressions: null,
            reach: null,
            clicks: null,
            likes: count(post.likeCount),
            shares: count(post.repostCount) + count(post.quoteCount),
            comments: count(post.replyCount),
          },
        };
      });
    },

    async mentions(session, since) {
      return withSession(http, pool, session, async ({ agent, did }) => {
        const position = readingCursor(since);
        const notified = await readNotifications(agent, did, position.mentions);
        const notices: string[] = [];
        let chat: ChatReading = { messages: [], cursor: position.directMessages };
        try {
          chat = await readChat(agent, did, position.directMessages);
        } catch (error) {
          const notice = chatNotice(error, http.now());
          // A dead session or a rate limit stops the whole reading; anything else leaves the chat for later.
          if (notice === null) throw error;
          notices.push(notice);
        }
        const next: ReadingCursor = { mentions: notified.cursor, directMessages: chat.cursor };
        const page: MentionPage = {
          // Stable: each list comes in its own order already.
          mentions: [...notified.mentions, ...chat.messages].sort((a, b) => a.sentAt.localeCompare(b.sentAt)),
          cursor: storedCursor(next),
          ...(notices.length > 0 ? { notices } : {}),
        };
        return { ok: true, value: page };
      });
    },

    async reply(session, reply) {
      if (reply.direct) return answerPrivately(session, reply);
      return withSession(http, pool, session, async ({ agent, did, handle }) => {
        const read = await agent.app.bsky.feed.getPosts({ uris: [reply.inReplyTo] });
        const parent = read.data.posts.find((post) => post.uri === reply.inReplyTo);
        if (!parent) return { ok: false, failure: new GoneError(reply.inReplyTo).failure() };
        const answered = parent.record as Partial<AppBskyFeedPost.Record>;
        const parentRef = { uri: parent.uri, cid: parent.cid };
        // An answer to a reply stays in its thread: the root is the thread's, not the post answered.
        const threadRoot = answered.reply?.root;
        const root =
          typeof threadRoot?.uri === 'string' && typeof threadRoot.cid === 'string'
            ? { uri: threadRoot.uri, cid: threadRoot.cid }
            : parentRef;
        const record: PostRecord = {
          $type: 'app.bsky.feed.post',
          ...(await richText(agent, reply.text)),
          reply: { root, parent: parentRef },
          createdAt: http.now().toISOString(),
        };
        const created = await createPost(agent, did, record, reply.idempotencyKey, reply.writtenAt);
        const part: PublishedPart = {
          position: 0,
          remoteId: created.uri,
          url: postUrl(handle(), created.uri),
        };
        return { ok: true, value: part };
      });
    },
  };
}

/** What an app password without direct-message access is told, wherever chat refuses it. */
const NO_CHAT_ACCESS =
  `${BLUESKY} did not allow direct messages: the app password was made without “Allow access to your direct messages”. ` +
  'To read and answer them, make an app password with that option (Settings → Privacy and security → App passwords) and reconnect the account with it';

/**
 * Mentions, replies and quotes after `since` (the last one seen's `indexedAt`), oldest first, and the
 * newest time seen.
 */
async function readNotifications(
  agent: AtpAgent,
  did: string,
  since: string | null,
): Promise<{ mentions: NetworkMention[]; cursor: string | null }> {
  const after = since ? new Date(since).getTime() : null;
  const seen: AppBskyNotificationListNotifications.Notification[] = [];
  let cursor: string | undefined;
  // Newest first, page by page back to the last one seen; the first reading takes one page only,
  // so connecting an account does not pour its whole history into the inbox.
  for (let page = 0; page < (after === null ? 1 : MAX_PAGES); page += 1) {
    const read = await agent.app.bsky.notification.listNotifications({
      reasons: CONVERSATION_REASONS,
      limit: PAGE,
      ...(cursor ? { cursor } : {}),
    });
    const notifications = read.data.notifications;
    // At the boundary the last one seen is read again: the inbox stores each message once.
    seen.push(...notifications.filter((notification) => after === null || timeOf(notification) >= after));
    cursor = read.data.cursor;
    const reachedSeen = notifications.some((notification) => after !== null && timeOf(notification) < after);
    if (!cursor || notifications.length === 0 || reachedSeen) break;
  }
  const newest = seen.reduce<number | null>(
    (max, notification) => Math.max(max ?? 0, timeOf(notification)),
    null,
  );
  const mentions = seen
    .filter(
      (notification) => CONVERSATION_REASONS.includes(notification.reason) && notification.author.did !== did,
    )
    .sort((a, b) => timeOf(a) - timeOf(b) || (a.uri < b.uri ? -1 : 1))
    .map(toMention);
  return { mentions, cursor: newest === null ? since : new Date(newest).toISOString() };
}

/**
 * What to tell people when the chat could not be read while the mentions were; null when the error must
 * fail the whole reading instead (a session the PDS refused, a rate limit to wait out), or is not the
 * network's (thrown on).
 */
function chatNotice(error: unknown, now: Date): string | null {
  const words = chatRefusal(error);
  if (words) return `${NO_CHAT_ACCESS}. Mentions are still read. (${words})`;
  const failure = blueskyFailure(error, now);
  if (failure.kind === 'auth_expired' || failure.statusCode === 429) return null;
  return `Direct messages were not read this time; the next reading tries again: ${failure.message}`;
}

function refused(message: string): NetworkResult<never> {
  return { ok: false, failure: { kind: 'rejected', message, statusCode: null, retryAt: null } };
}

/** A post that is not there any more (deleted, or its account gone): refused, retrying cannot bring it back. */
class GoneError extends Error {
  constructor(readonly uri: string) {
    super(`${BLUESKY} has no post ${uri} any more (deleted, or its account is gone)`);
    this.name = 'GoneError';
  }

  failure() {
    return { kind: 'rejected' as const, message: this.message, statusCode: null, retryAt: null };
  }
}

function toMention(notification: AppBskyNotificationListNotifications.Notification): NetworkMention {
  const record = notification.record as Partial<AppBskyFeedPost.Record>;
  const quoted = (record.embed as { record?: { uri?: unknown } } | undefined)?.record?.uri;
  const inReplyTo =
    notification.reason === 'reply'
      ? (record.reply?.parent.uri ?? null)
      : notification.reason === 'quote' && typeof quoted === 'string'
        ? quoted
        : null;
  return {
    remoteId: notification.uri,
    inReplyTo,
    author: {
      remoteId: notification.author.did,
      name: notification.author.displayName?.trim() || null,
      handle: `@${notification.author.handle}`,
    },
    text: typeof record.text === 'string' ? record.text : '',
    url: postUrl(notification.author.handle, notification.uri),
    sentAt: sentAtOf(record.createdAt, notification.indexedAt),
  };
}

/** When the network saw it (the order notifications come in). */
function timeOf(notification: { indexedAt: string }): number {
  const at = new Date(notification.indexedAt).getTime();
  return Number.isFinite(at) ? at : 0;
}

/** The author's own time, unless it claims to be later than the network saw the post. */
function sentAtOf(createdAt: unknown, indexedAt: string): string {
  const seen = new Date(indexedAt);
  const declared = typeof createdAt === 'string' ? new Date(createdAt) : null;
  if (declared && Number.isFinite(declared.getTime()) && declared <= seen) return declared.toISOString();
  // `indexedAt` is a datetime by the lexicon, which the client checks every answer against.
  return seen.toISOString();
}

function count(value: unknown): number {
  return typeof value === 'number' && Number.isFinite(value) && value > 0 ? Math.floor(value) : 0;
}

function httpUrl(value: string | null | undefined): string | null {
  return value && /^https?:\/\//i.test(value) ? value.slice(0, 2048) : null;
}
