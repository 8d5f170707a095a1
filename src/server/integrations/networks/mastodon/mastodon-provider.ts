import { setTimeout as delay } from 'node:timers/promises';
import type { MastodonCredentials } from '#shared/network.schema.js';
import type { NetworkHttp } from '../json-http.js';
import type {
  ConnectedAccount,
  MentionPage,
  NetworkMedia,
  NetworkMention,
  NetworkProvider,
  NetworkResult,
  NetworkSession,
  PublishedPart,
} from '../provider.js';
import { wholeFile } from '../provider.js';
import { MASTODON, mastodonCall } from './mastodon-api.js';
import { htmlToText } from './mastodon-text.js';

// Mastodon through its REST API (docs.joinmastodon.org/methods/): an instance address and a token from
// Preferences → Development (scopes `read write`). Statuses carry an `Idempotency-Key` (Mastodon keeps
// it for an hour), threads reply to their previous part, media go up through /api/v2/media first.

/** What the provider needs besides HTTP: how long to wait between looks at media still processing. */
export interface MastodonProviderDeps extends NetworkHttp {
  /** Between looks at an upload still processing. */
  mediaPollMs?: number;
  /** Looks before giving up on an upload (retryable: the instance is slow, not the post wrong). */
  mediaPolls?: number;
  /** Test seam for the wait between looks. */
  wait?: (ms: number) => Promise<void>;
}

interface Account {
  id: string;
  username: string;
  acct: string;
  display_name: string;
  avatar: string | null;
  url: string | null;
}
interface Status {
  id: string;
  url: string | null;
  uri: string;
  in_reply_to_id: string | null;
  /** `direct`: seen only by the accounts it mentions (Mastodon's private mention, its direct message). */
  visibility?: 'public' | 'unlisted' | 'private' | 'direct';
  content: string;
  created_at: string;
  account: Account;
  favourites_count: number;
  reblogs_count: number;
  replies_count: number;
}
interface MediaAttachment {
  id: string;
  url: string | null;
}
interface Notification {
  id: string;
  type: string;
  created_at: string;
  account: Account;
  status: Status | null;
}

/** Statuses are public; the workspace publishes as itself. */
const VISIBILITY = 'public';
/** Notifications read per call (Mastodon's maximum page). */
const PAGE = 40;

/**
 * @example
 * const mastodon = createMastodonProvider({ fetch: createGuardedFetch(guard), timeoutMs: 10_000, now });
 * const account = await mastodon.connect({ instance_url: 'https://mastodon.social', access_token });
 */
export function createMastodonProvider(deps: MastodonProviderDeps): NetworkProvider<MastodonCredentials> {
  const call = <T>(session: Pick<NetworkSession, 'baseUrl' | 'accessToken'>, request: CallRequest) =>
    mastodonCall<T>(deps, { ...request, baseUrl: session.baseUrl, token: session.accessToken });
  const wait = deps.wait ?? ((ms: number) => delay(ms));

  async function upload(session: NetworkSession, media: NetworkMedia): Promise<NetworkResult<string>> {
    const form = new FormData();
    form.set(
      'file',
      new Blob([new Uint8Array(await wholeFile(media))], { type: media.mimeType }),
      media.fileName,
    );
    if (media.description) form.set('description', media.description.slice(0, 1500));
    const created = await call<MediaAttachment>(session, {
      method: 'POST',
      path: 'api/v2/media',
      body: form,
    });
    if (!created.ok) return created;
    let attachment = created.value.body;
    // 202 with `url: null`: the instance still processes the file; a status cannot use it until it is done.
    for (let look = 0; attachment.url === null; look += 1) {
      if (look >= (deps.mediaPolls ?? 60)) {
        return {
          ok: false,
          failure: {
            kind: 'retryable',
            message: `${MASTODON} was still processing ${media.fileName}; it will be tried again`,
            statusCode: 202,
            retryAt: null,
          },
        };
      }
      await wait(deps.mediaPollMs ?? 1000);
      const seen = await call<MediaAttachment>(session, {
        method: 'GET',
        path: `api/v1/media/${encodeURIComponent(attachment.id)}`,
      });
      if (!seen.ok) return seen;
      attachment = seen.value.body;
    }
    return { ok: true, value: attachment.id };
  }

  async function post(
    session: NetworkSession,
    status: {
      text: string;
      inReplyTo: string | null;
      mediaIds: string[];
      idempotencyKey: string;
      direct?: boolean;
    },
  ): Promise<NetworkResult<PublishedPart & { position: -1 }>> {
    const posted = await call<Status>(session, {
      method: 'POST',
      path: 'api/v1/statuses',
      headers: { 'idempotency-key': status.idempotencyKey },
      body: {
        status: status.text,
        visibility: status.direct ? 'direct' : VISIBILITY,
        ...(status.inReplyTo ? { in_reply_to_id: status.inReplyTo } : {}),
        ...(status.mediaIds.length > 0 ? { media_ids: status.mediaIds } : {}),
      },
    });
    if (!posted.ok) return posted;
    return { ok: true, value: { position: -1, remoteId: posted.value.body.id, url: posted.value.body.url } };
  }

  return {
    async connect(credentials) {
      const baseUrl = new URL(credentials.instance_url).origin;
      const session = { baseUrl, accessToken: credentials.access_token };
      const verified = await call<Account>(session, {
        method: 'GET',
        path: 'api/v1/accounts/verify_credentials',
      });
      if (!verified.ok) return verified;
      const account = verified.value.body;
      const host = new URL(baseUrl).host;
      const connected: ConnectedAccount = {
        baseUrl,
        accessToken: credentials.access_token,
        refreshToken: null,
        // Personal access tokens do not expire; they work until revoked.
        tokenExpiresAt: null,
        remoteAccountId: account.id,
        displayName: account.display_name || account.username,
        handle: `@${account.username}@${host}`,
        avatarUrl: httpUrl(account.avatar),
        profileUrl: httpUrl(account.url),
        // Mastodon does not say which scopes a token holds; a missing one shows as a 403 on first use.
        scopes: [],
      };
      return { ok: true, value: connected };
    },

    async refresh(session) {
      return { ok: true, value: session };
    },

    async publish(session, publication) {
      const out = [...publication.published].sort((a, b) => a.position - b.position);
      const done = new Set(out.map((part) => part.position));
      for (const [position, text] of publication.parts.entries()) {
        if (done.has(position)) continue;
        const mediaIds: string[] = [];
        if (position === 0) {
          for (const media of await publication.media()) {
            const uploaded = await upload(session, media);
            if (!uploaded.ok) return uploaded;
            mediaIds.push(uploaded.value);
          }
        }
        const previous = out.findLast((part) => part.position < position);
        const posted = await post(session, {
          text,
          inReplyTo: previous?.remoteId ?? null,
          mediaIds,
          idempotencyKey: `${publication.idempotencyKey}#${position}`,
        });
        if (!posted.ok) return posted;
        const part = { ...posted.value, position };
        await publication.onPublished(part);
        out.push(part);
        out.sort((a, b) => a.position - b.position);
      }
      if (publication.firstComment && !done.has(publication.parts.length)) {
        const first = out[0];
        const position = publication.parts.length;
        const posted = await post(session, {
          text: publication.firstComment,
          inReplyTo: first?.remoteId ?? null,
          mediaIds: [],
          idempotencyKey: `${publication.idempotencyKey}#comment`,
        });
        if (!posted.ok) return posted;
        const part = { ...posted.value, position };
        await publication.onPublished(part);
        out.push(part);
      }
      return { ok: true, value: out };
    },

    async metrics(session, remoteId) {
      const read = await call<Status>(session, {
        method: 'GET',
        path: `api/v1/statuses/${encodeURIComponent(remoteId)}`,
      });
      if (!read.ok) return read;
      const status = read.value.body;
      // Mastodon counts no impressions, reach or clicks: they stay unknown, never zero by guess.
      return {
        ok: true,
        value: {
          impressions: null,
          reach: null,
          clicks: null,
          likes: count(status.favourites_count),
          shares: count(status.reblogs_count),
          comments: count(status.replies_count),
        },
      };
    },

    async mentions(session, since) {
      const query = new URLSearchParams({ limit: String(PAGE) });
      query.append('types[]', 'mention');
      // min_id: the page right after the cursor, so a burst larger than a page is read in order, not skipped.
      if (since) query.set('min_id', since);
      const read = await call<Notification[]>(session, {
        method: 'GET',
        path: `api/v1/notifications?${query}`,
      });
      if (!read.ok) return read;
      const notifications = [...read.value.body].sort((a, b) => compareIds(a.id, b.id));
      const mentions: NetworkMention[] = [];
      for (const notification of notifications) {
        const status = notification.status;
        if (notification.type !== 'mention' || !status) continue;
        mentions.push({
          remoteId: status.id,
          inReplyTo: status.in_reply_to_id,
          author: {
            remoteId: notification.account.id,
            name: notification.account.display_name || null,
            handle: `@${notification.account.acct}`,
          },
          text: htmlToText(status.content),
          url: httpUrl(status.url),
          sentAt: status.created_at,
          // A direct status reaches the account as a mention notification, like a public one.
          visibility: status.visibility === 'direct' ? 'direct' : 'public',
        });
      }
      const page: MentionPage = { mentions, cursor: notifications.at(-1)?.id ?? since };
      return { ok: true, value: page };
    },

    async reply(session, reply) {
      const posted = await post(session, {
        text: reply.text,
        inReplyTo: reply.inReplyTo,
        mediaIds: [],
        idempotencyKey: reply.idempotencyKey,
        // An answer to a direct message stays direct: it mentions the customer, so only they see it.
        direct: reply.direct === true,
      });
      if (!posted.ok) return posted;
      return { ok: true, value: { ...posted.value, position: 0 } };
    },
  };
}

type CallRequest = {
  method: 'GET' | 'POST';
  path: string;
  body?: object | FormData;
  headers?: Record<string, string>;
};

/** Mastodon ids are decimal strings (snowflakes): longer is newer, then by text. */
function compareIds(a: string, b: string): number {
  return a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);
}

function count(value: unknown): number {
  return typeof value === 'number' && Number.isFinite(value) && value > 0 ? Math.floor(value) : 0;
}

function httpUrl(value: string | null | undefined): string | null {
  return value && /^https?:\/\//i.test(value) ? value.slice(0, 2048) : null;
}
