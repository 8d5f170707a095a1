import { parseDirectMessageId } from '../direct-message-id.js';
import { expiryOf, refreshSession } from '../oauth-token.js';
import type {
  ConnectedAccount,
  NetworkImage,
  NetworkMedia,
  NetworkMention,
  NetworkProvider,
  NetworkPublication,
  NetworkResult,
  NetworkSession,
  OAuthSpec,
  OAuthTokens,
  PublishedPart,
} from '../provider.js';
import { readingCursor, storedCursor } from '../reading-cursor.js';
import { X, type XUser, xCall } from './x-api.js';
import { NO_DM_ACCESS, readDirectMessages, sendDirectMessage } from './x-direct-messages.js';
import { uploadXVideo, type XVideoDeps } from './x-video.js';

// X through its API v2 (docs.x.com/x-api) with OAuth 2 user tokens (authorization code + PKCE). Posts go
// to POST /2/tweets, a thread's parts answer the part before; images go up through POST /2/media/upload
// first, a video through X's chunked upload (x-video.ts). X takes no idempotency key: a retry relies on
// the remote ids stored after each part (the publisher passes them back as `published`), so a part X
// accepted is never sent again. Direct messages are read and answered beside the mentions
// (x-direct-messages.ts).

/** X's single address; tests point `apiBaseUrl` at the contract fake. */
export const X_API_BASE_URL = 'https://api.x.com';
const X_AUTHORIZE_URL = 'https://x.com/i/oauth2/authorize';

/** Images a post may carry (docs.x.com: four photos, or one GIF or video). */
export const X_MAX_IMAGES = 4;
/** Bytes an image may have for the simple upload (docs.x.com: 5 MB). */
export const X_MAX_IMAGE_BYTES = 5_000_000;
/** Mentions per page (the endpoint's maximum). */
const MENTIONS_PAGE = 100;

export interface XProviderDeps extends XVideoDeps {
  /** The API's address; the authorization and token URLs follow it when it is overridden. */
  apiBaseUrl?: string;
}

/**
 * The scopes publishing, results, mentions and direct messages need, and no more: `offline.access` for a
 * refresh token, `media.write` for images, `dm.read` and `dm.write` to read and answer direct messages
 * (docs.x.com/resources/fundamentals/authentication/oauth-2-0/authorization-code).
 */
export const X_SCOPES = [
  'tweet.read',
  'tweet.write',
  'users.read',
  'offline.access',
  'media.write',
  'dm.read',
  'dm.write',
];

interface Tweet {
  id: string;
  text: string;
  author_id?: string;
  created_at?: string;
  referenced_tweets?: Array<{ type: string; id: string }>;
  public_metrics?: {
    retweet_count?: number;
    reply_count?: number;
    like_count?: number;
    quote_count?: number;
    impression_count?: number;
  };
}

/**
 * @example
 * const x = createXProvider({ fetch: createGuardedFetch(guard), timeoutMs: 10_000, now });
 * const account = await x.connect(tokensFromTheCodeExchange);
 */
export function createXProvider(deps: XProviderDeps): NetworkProvider<OAuthTokens> {
  const apiBase = (deps.apiBaseUrl ?? X_API_BASE_URL).replace(/\/+$/, '');
  const overridden = deps.apiBaseUrl !== undefined;
  const oauth: OAuthSpec = {
    authorizeUrl: overridden ? `${apiBase}/i/oauth2/authorize` : X_AUTHORIZE_URL,
    tokenUrl: `${apiBase}/2/oauth2/token`,
    scopes: X_SCOPES,
    scopeSeparator: ' ',
    pkce: true,
    // Confidential clients (web apps) authenticate with HTTP Basic; public ones send only client_id.
    clientAuth: 'basic',
  };
  const call = <T>(
    token: string,
    request: { method: 'GET' | 'POST'; path: string; body?: object | FormData },
  ) => xCall<T>(deps, { ...request, baseUrl: apiBase, token });

  const postUrl = (session: Pick<NetworkSession, 'handle'>, id: string) => {
    const username = session.handle.replace(/^@/, '');
    return username
      ? `https://x.com/${encodeURIComponent(username)}/status/${id}`
      : `https://x.com/i/web/status/${id}`;
  };

  async function upload(session: NetworkSession, media: NetworkImage): Promise<NetworkResult<string>> {
    const form = new FormData();
    form.set('media', new Blob([new Uint8Array(media.bytes)], { type: media.mimeType }), media.fileName);
    form.set('media_category', 'tweet_image');
    const uploaded = await call<{ id: string }>(session.accessToken, {
      method: 'POST',
      path: '/2/media/upload',
      body: form,
    });
    if (!uploaded.ok) return uploaded;
    const id = uploaded.value.data?.id;
    if (!id) return answerWithout('a media id');
    if (media.description) {
      const described = await call<unknown>(session.accessToken, {
        method: 'POST',
        path: '/2/media/metadata',
        body: { id, metadata: { alt_text: { text: media.description.slice(0, 1000) } } },
      });
      if (!described.ok) return described;
    }
    return { ok: true, value: id };
  }

  async function post(
    session: NetworkSession,
    tweet: { text: string; inReplyTo: string | null; mediaIds: string[] },
  ): Promise<NetworkResult<{ remoteId: string; url: string }>> {
    const created = await call<{ id: string }>(session.accessToken, {
      method: 'POST',
      path: '/2/tweets',
      body: {
        text: tweet.text,
        ...(tweet.inReplyTo ? { reply: { in_reply_to_tweet_id: tweet.inReplyTo } } : {}),
        ...(tweet.mediaIds.length > 0 ? { media: { media_ids: tweet.mediaIds } } : {}),
      },
    });
    if (!created.ok) return created;
    const id = created.value.data?.id;
    if (!id) return answerWithout('the post’s id');
    return { ok: true, value: { remoteId: id, url: postUrl(session, id) } };
  }

  /** The post's files as X takes them: up to four images, or one video alone. */
  async function attachments(publication: NetworkPublication) {
    const files = await publication.media({ maxImageBytes: X_MAX_IMAGE_BYTES });
    const videos = files.filter((file) => file.kind === 'video');
    if (videos.length > 0 && files.length > 1) {
      return refused('X takes one video alone in a post, without images or a second video');
    }
    if (files.length > X_MAX_IMAGES) return refused(`X takes at most ${X_MAX_IMAGES} images in a post`);
    return { ok: true as const, value: files };
  }

  async function uploadFile(session: NetworkSession, file: NetworkMedia): Promise<NetworkResult<string>> {
    if (file.kind === 'video') return uploadXVideo(deps, apiBase, session.accessToken, file);
    return upload(session, file);
  }

  /** Posts that mention the account after the post `since`, oldest first, and the newest id seen. */
  async function readMentions(
    session: NetworkSession,
    since: string | null,
  ): Promise<NetworkResult<{ mentions: NetworkMention[]; cursor: string | null }>> {
    const query = new URLSearchParams({
      max_results: String(MENTIONS_PAGE),
      'tweet.fields': 'created_at,author_id,referenced_tweets',
      expansions: 'author_id',
      'user.fields': 'username,name',
    });
    if (since) query.set('since_id', since);
    const read = await call<Tweet[]>(session.accessToken, {
      method: 'GET',
      path: `/2/users/${encodeURIComponent(session.remoteAccountId)}/mentions?${query}`,
    });
    if (!read.ok) return read;
    const users = new Map((read.value.includes?.users ?? []).map((user) => [user.id, user]));
    // X answers newest first; the inbox takes them oldest first.
    const tweets = [...(read.value.data ?? [])].sort((a, b) => compareIds(a.id, b.id));
    const mentions: NetworkMention[] = tweets.map((tweet) => {
      const author = tweet.author_id ? users.get(tweet.author_id) : undefined;
      const username = author?.username ?? '';
      return {
        remoteId: tweet.id,
        inReplyTo: tweet.referenced_tweets?.find((ref) => ref.type === 'replied_to')?.id ?? null,
        author: {
          remoteId: tweet.author_id ?? '',
          name: author?.name || null,
          handle: username ? `@${username}` : '',
        },
        text: tweet.text,
        url: postUrl({ handle: username }, tweet.id),
        sentAt: tweet.created_at ?? deps.now().toISOString(),
      };
    });
    const newest = read.value.meta?.newest_id ?? tweets.at(-1)?.id ?? since;
    return { ok: true, value: { mentions, cursor: newest ?? null } };
  }

  return {
    oauth,

    async connect(tokens) {
      const me = await call<XUser>(tokens.access_token, {
        method: 'GET',
        path: '/2/users/me?user.fields=profile_image_url',
      });
      if (!me.ok) return me;
      const user = me.value.data;
      if (!user?.id) return answerWithout('the account');
      const connected: ConnectedAccount = {
        baseUrl: '',
        accessToken: tokens.access_token,
        refreshToken: tokens.refresh_token,
        tokenExpiresAt: expiryOf(tokens, deps.now()),
        remoteAccountId: user.id,
        displayName: user.name || user.username,
        handle: `@${user.username}`,
        avatarUrl: httpUrl(user.profile_image_url),
        profileUrl: `https://x.com/${encodeURIComponent(user.username)}`,
        scopes: tokens.scopes,
      };
      return { ok: true, value: connected };
    },

    refresh: (session) => refreshSession(deps, X, oauth, session),

    async publish(session, publication) {
      const out = [...publication.published].sort((a, b) => a.position - b.position);
      const done = new Set(out.map((part) => part.position));
      for (const [position, text] of publication.parts.entries()) {
        if (done.has(position)) continue;
        const mediaIds: string[] = [];
        if (position === 0) {
          const files = await attachments(publication);
          if (!files.ok) return files;
          for (const file of files.value) {
            const uploaded = await uploadFile(session, file);
            if (!uploaded.ok) return uploaded;
            mediaIds.push(uploaded.value);
          }
        }
        const previous = out.findLast((part) => part.position < position);
        const posted = await post(session, { text, inReplyTo: previous?.remoteId ?? null, mediaIds });
        if (!posted.ok) return posted;
        const part: PublishedPart = { ...posted.value, position };
        await publication.onPublished(part);
        out.push(part);
        out.sort((a, b) => a.position - b.position);
      }
      const commentAt = publication.parts.length;
      if (publication.firstComment && !done.has(commentAt)) {
        const posted = await post(session, {
          text: publication.firstComment,
          inReplyTo: out[0]?.remoteId ?? null,
          mediaIds: [],
        });
        if (!posted.ok) return posted;
        const part: PublishedPart = { ...posted.value, position: commentAt };
        await publication.onPublished(part);
        out.push(part);
      }
      return { ok: true, value: out };
    },

    async metrics(session, remoteId) {
      const read = await call<Tweet>(session.accessToken, {
        method: 'GET',
        path: `/2/tweets/${encodeURIComponent(remoteId)}?tweet.fields=public_metrics`,
      });
      if (!read.ok) return read;
      const tweet = read.value.data;
      // A deleted post answers 200 with `errors` and no data.
      if (!tweet) return refused(read.value.errors?.[0]?.detail ?? `${X} has no post ${remoteId}`);
      const counts = tweet.public_metrics ?? {};
      return {
        ok: true,
        value: {
          impressions: typeof counts.impression_count === 'number' ? count(counts.impression_count) : null,
          // X reports no reach, and clicks only for an app's own recent posts (non-public metrics).
          reach: null,
          clicks: null,
          likes: count(counts.like_count),
          comments: count(counts.reply_count),
          shares: count(counts.retweet_count) + count(counts.quote_count),
        },
      };
    },

    async mentions(session, since) {
      const position = readingCursor(since);
      const mentioned = await readMentions(session, position.mentions);
      if (!mentioned.ok) return mentioned;
      const direct = await readDirectMessages(deps, apiBase, session, position.directMessages);
      const notices: string[] = [];
      if (!direct.ok) {
        const { failure } = direct;
        // A refused token or a rate limit stops the whole reading (it is read again after the reset).
        if (failure.kind === 'auth_expired' || failure.statusCode === 429) return direct;
        notices.push(
          failure.statusCode === 403
            ? `${NO_DM_ACCESS}. Mentions are still read. (${failure.message})`
            : `Direct messages were not read this time; the next reading tries again: ${failure.message}`,
        );
      }
      const messages = direct.ok ? direct.value.messages : [];
      return {
        ok: true,
        value: {
          mentions: [...mentioned.value.mentions, ...messages].sort((a, b) =>
            a.sentAt.localeCompare(b.sentAt),
          ),
          cursor: storedCursor({
            mentions: mentioned.value.cursor,
            directMessages: direct.ok ? direct.value.cursor : position.directMessages,
          }),
          ...(notices.length > 0 ? { notices } : {}),
        },
      };
    },

    async reply(session, reply) {
      if (reply.direct) {
        const target = parseDirectMessageId(reply.inReplyTo);
        if (!target)
          return refused(`only a direct message is answered privately, and ${reply.inReplyTo} is none`);
        const sent = await sendDirectMessage(deps, apiBase, session, {
          conversationId: target.conversationId,
          text: reply.text,
          writtenAt: reply.writtenAt,
        });
        if (!sent.ok) return sent;
        return { ok: true, value: { position: 0, remoteId: sent.value.remoteId, url: null } };
      }
      const posted = await post(session, { text: reply.text, inReplyTo: reply.inReplyTo, mediaIds: [] });
      if (!posted.ok) return posted;
      return { ok: true, value: { ...posted.value, position: 0 } };
    },
  };
}

function refused(message: string) {
  return {
    ok: false as const,
    failure: {
      kind: 'rejected' as const,
      message: `${X} refused it: ${message}`,
      statusCode: null,
      retryAt: null,
    },
  };
}

function answerWithout(what: string) {
  return {
    ok: false as const,
    failure: {
      kind: 'retryable' as const,
      message: `${X} answered without ${what}`,
      statusCode: null,
      retryAt: null,
    },
  };
}

/** X ids are decimal strings (snowflakes): longer is newer, then by text. */
function compareIds(a: string, b: string): number {
  return a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);
}

function count(value: unknown): number {
  return typeof value === 'number' && Number.isFinite(value) && value > 0 ? Math.floor(value) : 0;
}

function httpUrl(value: string | null | undefined): string | null {
  return value && /^https?:\/\//i.test(value) ? value.slice(0, 2048) : null;
}
