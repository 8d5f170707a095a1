import { failureReason } from '#shared/failure-reasons.js';
import { type GraphCall, graphCall } from '../meta-graph/graph-api.js';
import {
  count,
  httpUrl,
  isoOf,
  type MetaPost,
  type MetaProviderDeps,
  publishInOrder,
  readyContainer,
  sameText,
  THREADS_GRAPH_VERSION,
  unixOf,
} from '../meta-graph/graph-shared.js';
import type {
  ConnectedAccount,
  NetworkFailure,
  NetworkMedia,
  NetworkMention,
  NetworkProvider,
  NetworkResult,
  NetworkSession,
  OAuthTokens,
} from '../provider.js';

// Threads through the Threads API (developers.facebook.com/docs/threads): its own OAuth (a Threads app
// ID and secret), a short-lived token traded for a 60-day one and renewed before it runs out. Each post is
// a container (TEXT, IMAGE, VIDEO or CAROUSEL) published with threads_publish; a thread's later parts
// and the first comment are replies (`reply_to_id`). Conversations are the replies to recent posts.

export const THREADS = 'Threads';
export const THREADS_API = 'https://graph.threads.net';
export const THREADS_WEB = 'https://threads.net';

export const THREADS_SCOPES = [
  'threads_basic',
  'threads_content_publish',
  'threads_manage_replies',
  'threads_read_replies',
  'threads_manage_insights',
];

const DAY_MS = 24 * 3_600_000;
/** Renew a long-lived token once it has less left than this (it lives 60 days; renewal needs it a day old). */
const RENEW_WITHIN_MS = 10 * DAY_MS;
/** Recent posts whose replies a mentions read looks at. */
const RECENT_POSTS = 10;
const MAX_CAROUSEL = 20;

interface Reply {
  id: string;
  text?: string;
  username?: string;
  timestamp: string;
  permalink?: string;
  replied_to?: { id: string };
}
interface Token {
  access_token: string;
  expires_in?: number;
}

/**
 * @example
 * const threads = createThreadsProvider({ fetch: createGuardedFetch(guard), timeoutMs: 10_000, now });
 * const account = await threads.connect({ ...tokens, client }); // traded for the 60-day token
 */
export function createThreadsProvider(deps: MetaProviderDeps): NetworkProvider<OAuthTokens> {
  const host = deps.baseUrl ?? THREADS_API;
  const apiUrl = `${host}/${THREADS_GRAPH_VERSION}`;
  const call = <T>(token: string, request: Omit<GraphCall, 'apiUrl' | 'token'>) =>
    graphCall<T>(deps, THREADS, { ...request, apiUrl, token });
  const expiry = (seconds: number | null | undefined) =>
    typeof seconds === 'number' && seconds > 0
      ? new Date(deps.now().getTime() + seconds * 1000).toISOString()
      : null;

  async function renew(session: NetworkSession): Promise<NetworkResult<NetworkSession>> {
    // The refresh endpoint takes the token itself as its credential (no app secret), as documented.
    const renewed = await graphCall<Token>(deps, THREADS, {
      method: 'GET',
      apiUrl: host,
      path: 'refresh_access_token',
      token: null,
      query: { grant_type: 'th_refresh_token', access_token: session.accessToken },
    });
    if (!renewed.ok) return renewed;
    const { onRenewed: _stored, ...rest } = session;
    const next: NetworkSession = {
      ...rest,
      accessToken: renewed.value.access_token,
      tokenExpiresAt: expiry(renewed.value.expires_in),
    };
    return { ok: true, value: next };
  }

  const container = (session: NetworkSession, fields: Record<string, string>) =>
    readyContainer(
      THREADS,
      deps,
      call,
      session,
      { edge: 'threads', statusField: 'status', messageField: 'error_message' },
      fields,
    );

  function fileFields(file: NetworkMedia & { url: string }): Record<string, string> {
    return {
      ...(file.kind === 'video'
        ? { media_type: 'VIDEO', video_url: file.url }
        : { media_type: 'IMAGE', image_url: file.url }),
      ...(file.description ? { alt_text: file.description.slice(0, 1000) } : {}),
    };
  }

  async function post(
    session: NetworkSession,
    text: string,
    media: NetworkMedia[],
    replyTo: string | null,
  ): Promise<NetworkResult<MetaPost>> {
    const files = media.slice(0, MAX_CAROUSEL);
    const reachable = files.filter((file): file is NetworkMedia & { url: string } => Boolean(file.url));
    if (reachable.length < files.length) {
      return refusal(
        'Threads fetches media from a public address, and this server has none: set PUBLIC_URL so Threads can reach the files',
      );
    }
    const base = { text, ...(replyTo ? { reply_to_id: replyTo } : {}) };
    let creation: NetworkResult<string>;
    const [only] = reachable;
    if (reachable.length === 0) creation = await container(session, { media_type: 'TEXT', ...base });
    else if (reachable.length === 1 && only)
      creation = await container(session, { ...fileFields(only), ...base });
    else {
      const children: string[] = [];
      for (const file of reachable) {
        const child = await container(session, { ...fileFields(file), is_carousel_item: 'true' });
        if (!child.ok) return child;
        children.push(child.value);
      }
      creation = await container(session, { media_type: 'CAROUSEL', children: children.join(','), ...base });
    }
    if (!creation.ok) return creation;
    const published = await call<{ id: string }>(session.accessToken, {
      method: 'POST',
      path: `${session.remoteAccountId}/threads_publish`,
      form: { creation_id: creation.value },
    });
    if (!published.ok) return published;
    return {
      ok: true,
      value: { remoteId: published.value.id, url: await permalink(session, published.value.id) },
    };
  }

  /**
   * The account's own post (or reply to `replyTo`) with this text made since `since`, if an earlier
   * attempt made it.
   */
  async function ownPost(
    session: NetworkSession,
    text: string,
    replyTo: string | null,
    since: string,
  ): Promise<NetworkResult<MetaPost | null>> {
    const recent = await call<{
      data: Array<{ id: string; text?: string; permalink?: string; replied_to?: { id: string } }>;
    }>(session.accessToken, {
      method: 'GET',
      path: replyTo ? 'me/replies' : 'me/threads',
      query: { fields: 'id,text,timestamp,permalink,replied_to', since: unixOf(since), limit: '25' },
    });
    if (!recent.ok) return recent;
    const same = recent.value.data.find(
      (item) => sameText(item.text, text) && (!replyTo || item.replied_to?.id === replyTo),
    );
    return { ok: true, value: same ? { remoteId: same.id, url: httpUrl(same.permalink) } : null };
  }

  async function permalink(session: NetworkSession, id: string): Promise<string | null> {
    const read = await call<{ permalink?: string }>(session.accessToken, {
      method: 'GET',
      path: id,
      query: { fields: 'permalink' },
    });
    return read.ok ? httpUrl(read.value.permalink) : null;
  }

  return {
    oauth: {
      authorizeUrl: `${deps.baseUrl ?? THREADS_WEB}/oauth/authorize`,
      tokenUrl: `${host}/oauth/access_token`,
      scopes: THREADS_SCOPES,
      scopeSeparator: ',',
      pkce: false,
      clientAuth: 'body',
      // The wrapper (fresh-tokens.ts) renews through `refresh` below, days ahead rather than minutes.
      renewal: { withAccessToken: true, aheadMs: RENEW_WITHIN_MS },
    },

    async connect(tokens) {
      let token = tokens.access_token;
      let expiresAt = expiry(tokens.expires_in);
      if (tokens.client?.clientSecret) {
        const traded = await graphCall<Token>(deps, THREADS, {
          method: 'GET',
          apiUrl: host,
          path: 'access_token',
          token: null,
          query: {
            grant_type: 'th_exchange_token',
            client_secret: tokens.client.clientSecret,
            access_token: tokens.access_token,
          },
        });
        if (!traded.ok) return traded;
        token = traded.value.access_token;
        expiresAt = expiry(traded.value.expires_in);
      }
      const me = await call<{
        id: string;
        username: string;
        name?: string;
        threads_profile_picture_url?: string;
      }>(token, {
        method: 'GET',
        path: 'me',
        query: { fields: 'id,username,name,threads_profile_picture_url' },
      });
      if (!me.ok) return me;
      const connected: ConnectedAccount = {
        baseUrl: '',
        accessToken: token,
        // Threads renews the long-lived token itself (th_refresh_token); there is no separate refresh token.
        refreshToken: null,
        tokenExpiresAt: expiresAt,
        remoteAccountId: me.value.id,
        displayName: me.value.name || me.value.username,
        handle: `@${me.value.username}`,
        avatarUrl: httpUrl(me.value.threads_profile_picture_url),
        profileUrl: `https://www.threads.net/@${me.value.username}`,
        scopes: tokens.scopes,
      };
      return { ok: true, value: connected };
    },

    async refresh(session) {
      const left = session.tokenExpiresAt
        ? Date.parse(session.tokenExpiresAt) - deps.now().getTime()
        : Infinity;
      // A token less than a day old cannot be renewed yet (and needs not be); an expired one never can.
      if (left > 59 * DAY_MS) return { ok: true, value: session };
      if (left <= 0) {
        return {
          ok: false,
          failure: {
            kind: 'auth_expired',
            message: failureReason('tokenExpired', { network: THREADS }),
            statusCode: null,
            retryAt: null,
          },
        };
      }
      return renew(session);
    },

    async publish(session, publication) {
      return publishInOrder(publication, {
        chained: true,
        post: async (text) => post(session, text, await publication.media(), null),
        answer: (parent, text) => post(session, text, [], parent.remoteId),
        // No idempotency key: a part an earlier attempt published (its answer lost) is found by its text.
        find: (text, parent) => ownPost(session, text, parent?.remoteId ?? null, publication.dueAt),
      });
    },

    async metrics(session, remoteId) {
      const read = await call<{ data: Array<{ name: string; values?: Array<{ value?: unknown }> }> }>(
        session.accessToken,
        {
          method: 'GET',
          path: `${remoteId}/insights`,
          query: { metric: 'views,likes,replies,reposts,quotes' },
        },
      );
      if (!read.ok) return read;
      const metric = (name: string): number | null => {
        const value = read.value.data.find((entry) => entry.name === name)?.values?.at(-1)?.value;
        return typeof value === 'number' ? count(value) : null;
      };
      return {
        ok: true,
        value: {
          impressions: metric('views'),
          reach: null,
          likes: metric('likes') ?? 0,
          comments: metric('replies') ?? 0,
          shares: (metric('reposts') ?? 0) + (metric('quotes') ?? 0),
          clicks: null,
        },
      };
    },

    async mentions(session, since) {
      const posts = await call<{ data: Array<{ id: string }> }>(session.accessToken, {
        method: 'GET',
        path: 'me/threads',
        query: { fields: 'id', limit: String(RECENT_POSTS) },
      });
      if (!posts.ok) return posts;
      const own = session.handle.replace(/^@/, '');
      const mentions: NetworkMention[] = [];
      let cursor = since;
      for (const item of posts.value.data) {
        const read = await call<{ data: Reply[] }>(session.accessToken, {
          method: 'GET',
          path: `${item.id}/replies`,
          query: { fields: 'id,text,username,timestamp,permalink,replied_to', reverse: 'false' },
        });
        if (!read.ok) return read;
        for (const entry of read.value.data) {
          const sentAt = isoOf(entry.timestamp);
          if (!sentAt || (since && sentAt < since)) continue;
          if (!cursor || sentAt > cursor) cursor = sentAt;
          if (entry.username === own) continue;
          const username = entry.username ?? '';
          mentions.push({
            remoteId: entry.id,
            inReplyTo: entry.replied_to?.id ?? item.id,
            // Replies name their author only by username.
            author: { remoteId: username, name: null, handle: `@${username}` },
            text: entry.text ?? '',
            url: httpUrl(entry.permalink),
            sentAt,
          });
        }
      }
      mentions.sort((a, b) => (a.sentAt < b.sentAt ? -1 : a.sentAt > b.sentAt ? 1 : 0));
      return { ok: true, value: { mentions, cursor } };
    },

    async reply(session, reply) {
      // A repeated send (its first answer lost) finds the answer already there.
      const found = await ownPost(session, reply.text, reply.inReplyTo, reply.writtenAt);
      if (!found.ok) return found;
      if (found.value) return { ok: true, value: { position: 0, ...found.value } };
      const posted = await post(session, reply.text, [], reply.inReplyTo);
      if (!posted.ok) return posted;
      return { ok: true, value: { position: 0, ...posted.value } };
    },
  };
}

function refusal(message: string): { ok: false; failure: NetworkFailure } {
  return { ok: false, failure: { kind: 'rejected', message, statusCode: null, retryAt: null } };
}
