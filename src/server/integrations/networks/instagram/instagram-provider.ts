import {
  FACEBOOK_API,
  facebookOAuth,
  longLivedUserToken,
  type ManagedPage,
  managedPages,
} from '../meta-graph/facebook-login.js';
import { type GraphCall, graphCall } from '../meta-graph/graph-api.js';
import {
  type MessagingInbox,
  readDirectMessages,
  recipientOf,
  sendDirectMessage,
} from '../meta-graph/graph-messaging.js';
import {
  count,
  FACEBOOK_GRAPH_VERSION,
  httpUrl,
  isoOf,
  type MetaPost,
  type MetaProviderDeps,
  publishInOrder,
  readyContainer,
  sameText,
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

// Instagram professional accounts through the Instagram API with Facebook Login
// (developers.facebook.com/docs/instagram-platform/content-publishing): the account is the Instagram
// account linked to a Facebook Page the person manages, reached with that Page's token. Every post needs
// media, which Instagram fetches itself from a public address: a container per file (and one for the
// carousel), looked at until it is FINISHED, then published. Conversations are comments on recent media
// and the account's Instagram Direct conversations, which the Messenger Platform serves through the linked
// Page (its token; `me` is that Page), answered privately within Meta's 24-hour window.

export const INSTAGRAM = 'Instagram';

/**
 * Least scopes: publish, read and answer comments, read insights; read and answer direct messages
 * (Instagram Messaging through Facebook Login asks for `instagram_manage_messages` and
 * `pages_manage_metadata`, with `instagram_basic`).
 */
export const INSTAGRAM_SCOPES = [
  'instagram_basic',
  'instagram_content_publish',
  'instagram_manage_comments',
  'instagram_manage_insights',
  'pages_show_list',
  'pages_read_engagement',
  'instagram_manage_messages',
  'pages_manage_metadata',
];

const PAGE_FIELDS = 'id,name,access_token,instagram_business_account{id,username,name,profile_picture_url}';
/** Carousels take 2 to 10 items. */
const MAX_CAROUSEL = 10;
/** Instagram refuses images over 8 MB ("Image specifications"). */
const MAX_IMAGE_BYTES = 8 * 1024 * 1024;
/** Recent media whose comments a mentions read looks at. */
const RECENT_MEDIA = 10;
/** Instagram takes text messages of up to 1,000 bytes of UTF-8. */
const MAX_DIRECT_BYTES = 1000;

interface Comment {
  id: string;
  text?: string;
  timestamp: string;
  username?: string;
  from?: { id: string; username?: string };
  parent_id?: string;
}

/**
 * @example
 * const instagram = createInstagramProvider({ fetch: createGuardedFetch(guard), timeoutMs: 10_000, now });
 * const accounts = await instagram.targets(tokens); // the Pages' linked Instagram accounts
 * const account = await instagram.connect({ ...tokens, target_id: accounts.value[0].id });
 */
export function createInstagramProvider(deps: MetaProviderDeps): NetworkProvider<OAuthTokens> {
  const apiUrl = `${deps.baseUrl ?? FACEBOOK_API}/${FACEBOOK_GRAPH_VERSION}`;
  const call = <T>(token: string, request: Omit<GraphCall, 'apiUrl' | 'token'>) =>
    graphCall<T>(deps, INSTAGRAM, { ...request, apiUrl, token });
  const direct = (session: NetworkSession): MessagingInbox => ({
    http: deps,
    apiUrl,
    label: INSTAGRAM,
    platform: 'instagram',
    // The account stores the Instagram account's id, not its Page's; the Page token's `me` is the Page.
    node: 'me',
    ownId: session.remoteAccountId,
    permission: 'instagram_manage_messages',
    maxText: { size: MAX_DIRECT_BYTES, unit: 'bytes' },
  });

  const container = (session: NetworkSession, fields: Record<string, string>) =>
    readyContainer(
      INSTAGRAM,
      deps,
      call,
      session,
      { edge: 'media', statusField: 'status_code', messageField: 'status' },
      fields,
    );

  function fileFields(file: NetworkMedia & { url: string }, single: boolean): Record<string, string> {
    if (file.kind === 'video') {
      // A lone video is a reel (Instagram retired plain feed videos); in a carousel it is a VIDEO item.
      return { media_type: single ? 'REELS' : 'VIDEO', video_url: file.url };
    }
    return {
      image_url: file.url,
      ...(file.description ? { alt_text: file.description.slice(0, 1000) } : {}),
    };
  }

  async function post(
    session: NetworkSession,
    caption: string,
    media: NetworkMedia[],
  ): Promise<NetworkResult<MetaPost>> {
    const files = media.slice(0, MAX_CAROUSEL);
    if (files.length === 0)
      return refusal('Instagram posts need an image or a video: attach one to the post');
    const reachable = files.filter((file): file is NetworkMedia & { url: string } => Boolean(file.url));
    if (reachable.length < files.length) {
      return refusal(
        'Instagram fetches media from a public address, and this server has none: set PUBLIC_URL so Instagram can reach the files',
      );
    }
    let creation: NetworkResult<string>;
    if (reachable.length === 1) {
      creation = await container(session, {
        ...fileFields(reachable[0] as NetworkMedia & { url: string }, true),
        caption,
      });
    } else {
      const children: string[] = [];
      for (const file of reachable) {
        const child = await container(session, { ...fileFields(file, false), is_carousel_item: 'true' });
        if (!child.ok) return child;
        children.push(child.value);
      }
      creation = await container(session, { media_type: 'CAROUSEL', children: children.join(','), caption });
    }
    if (!creation.ok) return creation;
    const published = await call<{ id: string }>(session.accessToken, {
      method: 'POST',
      path: `${session.remoteAccountId}/media_publish`,
      form: { creation_id: creation.value },
    });
    if (!published.ok) return published;
    return {
      ok: true,
      value: { remoteId: published.value.id, url: await permalink(session, published.value.id) },
    };
  }

  /** The post's address; a failure to read it leaves the post without a link, not unpublished. */
  async function permalink(session: NetworkSession, id: string): Promise<string | null> {
    const read = await call<{ permalink?: string }>(session.accessToken, {
      method: 'GET',
      path: id,
      query: { fields: 'permalink' },
    });
    return read.ok ? httpUrl(read.value.permalink) : null;
  }

  async function comment(token: string, path: string, text: string): Promise<NetworkResult<MetaPost>> {
    const posted = await call<{ id: string }>(token, { method: 'POST', path, form: { message: text } });
    return posted.ok ? { ok: true, value: { remoteId: posted.value.id, url: null } } : posted;
  }

  /** The account's own comment (or reply, under `{comment}/replies`) with this text, if an earlier attempt made it. */
  async function ownComment(
    session: NetworkSession,
    edge: string,
    text: string,
  ): Promise<NetworkResult<MetaPost | null>> {
    const comments = await call<{ data: Comment[] }>(session.accessToken, {
      method: 'GET',
      path: edge,
      query: { fields: 'id,text,username,from', limit: '50' },
    });
    if (!comments.ok) return comments;
    const own = session.handle.replace(/^@/, '');
    const same = comments.value.data.find(
      (item) =>
        (item.from?.id === session.remoteAccountId || item.username === own) && sameText(item.text, text),
    );
    return { ok: true, value: same ? { remoteId: same.id, url: null } : null };
  }

  /** The Pages with an Instagram professional account linked. */
  async function linkedAccounts(userToken: string): Promise<NetworkResult<ManagedPage[]>> {
    const pages = await managedPages(deps, INSTAGRAM, apiUrl, userToken, PAGE_FIELDS);
    if (!pages.ok) return pages;
    return { ok: true, value: pages.value.filter((page) => page.instagram_business_account?.id) };
  }

  return {
    oauth: facebookOAuth(deps.baseUrl, INSTAGRAM_SCOPES),

    async targets(tokens) {
      const pages = await linkedAccounts(tokens.access_token);
      if (!pages.ok) return pages;
      return {
        ok: true,
        value: pages.value.map((page) => {
          const account = page.instagram_business_account as NonNullable<
            ManagedPage['instagram_business_account']
          >;
          return {
            id: account.id,
            name: account.username ? `@${account.username} (${page.name})` : page.name,
            avatarUrl: httpUrl(account.profile_picture_url),
          };
        }),
      };
    },

    async connect(tokens) {
      const user = await longLivedUserToken(deps, INSTAGRAM, apiUrl, tokens);
      if (!user.ok) return user;
      const pages = await linkedAccounts(user.value.token);
      if (!pages.ok) return pages;
      const page = tokens.target_id
        ? pages.value.find((candidate) => candidate.instagram_business_account?.id === tokens.target_id)
        : pages.value.length === 1
          ? pages.value[0]
          : undefined;
      const account = page?.instagram_business_account;
      if (!page?.access_token || !account) {
        return refusal(
          pages.value.length === 0
            ? 'None of the Pages this login manages has an Instagram professional account linked; switch the Instagram account to Business or Creator and link it to a Page'
            : 'Pick the Instagram account to publish to',
        );
      }
      const connected: ConnectedAccount = {
        baseUrl: '',
        accessToken: page.access_token,
        refreshToken: null,
        tokenExpiresAt:
          user.value.longLived || tokens.expires_in === null
            ? null
            : new Date(deps.now().getTime() + tokens.expires_in * 1000).toISOString(),
        remoteAccountId: account.id,
        displayName: account.name || account.username || page.name,
        handle: account.username ? `@${account.username}` : page.name,
        avatarUrl: httpUrl(account.profile_picture_url),
        profileUrl: account.username ? `https://www.instagram.com/${account.username}/` : null,
        scopes: tokens.scopes,
      };
      return { ok: true, value: connected };
    },

    async refresh(session) {
      return { ok: true, value: session };
    },

    async publish(session, publication) {
      return publishInOrder(publication, {
        chained: false,
        post: async (text) =>
          post(session, text, await publication.media({ maxImageBytes: MAX_IMAGE_BYTES })),
        answer: (parent, text) => comment(session.accessToken, `${parent.remoteId}/comments`, text),
        find: async (text, parent) => {
          // No idempotency key: a post (or comment) an earlier attempt published, its answer lost, is found
          // by its text: the post among the recent media since the publication was due, the comment on it.
          if (parent) return ownComment(session, `${parent.remoteId}/comments`, text);
          // Instagram's timestamps are whole seconds.
          const due = `${publication.dueAt.slice(0, 19)}.000Z`;
          const recent = await call<{
            data: Array<{ id: string; caption?: string; timestamp?: string; permalink?: string }>;
          }>(session.accessToken, {
            method: 'GET',
            path: `${session.remoteAccountId}/media`,
            query: { fields: 'id,caption,timestamp,permalink', limit: '25' },
          });
          if (!recent.ok) return recent;
          const same = recent.value.data.find(
            (media) => sameText(media.caption, text) && (isoOf(media.timestamp) ?? '') >= due,
          );
          return { ok: true, value: same ? { remoteId: same.id, url: httpUrl(same.permalink) } : null };
        },
      });
    },

    async metrics(session, remoteId) {
      const read = await call<{ data: Array<{ name: string; values?: Array<{ value?: unknown }> }> }>(
        session.accessToken,
        {
          method: 'GET',
          path: `${remoteId}/insights`,
          query: { metric: 'impressions,reach,likes,comments,shares,saved' },
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
          impressions: metric('impressions'),
          reach: metric('reach'),
          likes: metric('likes') ?? 0,
          comments: metric('comments') ?? 0,
          shares: metric('shares') ?? 0,
          // Instagram counts no link clicks on a post (captions have no links).
          clicks: null,
        },
      };
    },

    async mentions(session, since) {
      const media = await call<{ data: Array<{ id: string }> }>(session.accessToken, {
        method: 'GET',
        path: `${session.remoteAccountId}/media`,
        query: { fields: 'id', limit: String(RECENT_MEDIA) },
      });
      if (!media.ok) return media;
      const own = session.handle.replace(/^@/, '');
      const mentions: NetworkMention[] = [];
      let cursor = since;
      for (const item of media.value.data) {
        const read = await call<{ data: Comment[] }>(session.accessToken, {
          method: 'GET',
          path: `${item.id}/comments`,
          query: { fields: 'id,text,timestamp,username,from,parent_id', limit: '50' },
        });
        if (!read.ok) return read;
        for (const entry of read.value.data) {
          const sentAt = isoOf(entry.timestamp);
          if (!sentAt || (since && sentAt < since)) continue;
          if (!cursor || sentAt > cursor) cursor = sentAt;
          if (entry.from?.id === session.remoteAccountId || entry.username === own) continue;
          const username = entry.username ?? entry.from?.username ?? '';
          mentions.push({
            remoteId: entry.id,
            inReplyTo: entry.parent_id ?? item.id,
            author: { remoteId: entry.from?.id ?? username, name: null, handle: `@${username}` },
            text: entry.text ?? '',
            url: null,
            sentAt,
          });
        }
      }
      // Direct messages after the same cursor: the one cursor covers comments and messages alike.
      const messages = await readDirectMessages(direct(session), session.accessToken, since);
      if (!messages.ok) return messages;
      mentions.push(...messages.value.mentions);
      if (messages.value.latest && (!cursor || messages.value.latest > cursor))
        cursor = messages.value.latest;
      mentions.sort((a, b) => (a.sentAt < b.sentAt ? -1 : a.sentAt > b.sentAt ? 1 : 0));
      const notices = messages.value.notice ? [messages.value.notice] : [];
      return { ok: true, value: { mentions, cursor, ...(notices.length > 0 ? { notices } : {}) } };
    },

    async reply(session, reply) {
      const recipient = recipientOf(reply.inReplyTo);
      if (recipient) {
        // A direct message is answered in Instagram Direct, to the person who wrote it: never as a comment.
        return sendDirectMessage(
          direct(session),
          session.accessToken,
          { to: recipient, text: reply.text },
          deps.now(),
        );
      }
      if (reply.direct) {
        return refusal(
          `${reply.inReplyTo.slice(0, 60)} is not an Instagram direct message, so it cannot be answered privately`,
        );
      }
      // A repeated send (its first answer lost) finds the answer already there.
      const found = await ownComment(session, `${reply.inReplyTo}/replies`, reply.text);
      if (!found.ok) return found;
      if (found.value) return { ok: true, value: { position: 0, ...found.value } };
      const posted = await comment(session.accessToken, `${reply.inReplyTo}/replies`, reply.text);
      if (!posted.ok) return posted;
      return { ok: true, value: { position: 0, ...posted.value } };
    },
  };
}

function refusal(message: string): { ok: false; failure: NetworkFailure } {
  return { ok: false, failure: { kind: 'rejected', message, statusCode: null, retryAt: null } };
}
