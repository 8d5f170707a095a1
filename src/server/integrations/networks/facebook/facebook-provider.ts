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
  firstLink,
  httpUrl,
  isoOf,
  type MetaPost,
  type MetaProviderDeps,
  publishInOrder,
  sameText,
  unixOf,
} from '../meta-graph/graph-shared.js';
import type {
  ConnectedAccount,
  NetworkMedia,
  NetworkMention,
  NetworkProvider,
  NetworkResult,
  NetworkSession,
  OAuthTokens,
} from '../provider.js';
import { wholeFile } from '../provider.js';

// Facebook Pages through the Graph API (developers.facebook.com/docs/pages-api): a person signs in with
// Facebook Login, picks one of the Pages they manage, and the Page's own token is stored. Posts go to the
// Page's feed (photos first uploaded unpublished and attached), further parts and the first comment as
// comments; results from the post's insights and counts; conversations are comments on recent posts and
// the Page's Messenger conversations (direct messages, answered privately within Meta's 24-hour window).

export const FACEBOOK = 'Facebook';
/** Direct messages are Messenger's: failures about them name it. */
export const MESSENGER = 'Messenger';

/**
 * Least scopes: publish as the Page, read its posts' comments and insights, answer comments; read and
 * answer its Messenger conversations (the Conversations API asks for `pages_messaging`,
 * `pages_manage_metadata` and `pages_read_engagement`).
 */
export const FACEBOOK_SCOPES = [
  'pages_show_list',
  'pages_manage_posts',
  'pages_read_engagement',
  'pages_read_user_content',
  'pages_manage_engagement',
  'read_insights',
  'pages_messaging',
  'pages_manage_metadata',
];
/** Messenger takes text messages of up to 2,000 characters. */
const MAX_MESSENGER_TEXT = 2000;

const PAGE_FIELDS = 'id,name,username,link,access_token,picture{url}';
/** Recent posts whose comments a mentions read looks at. */
const RECENT_POSTS = 10;

interface Comment {
  id: string;
  message?: string;
  created_time: string;
  from?: { id: string; name?: string };
  parent?: { id: string };
  permalink_url?: string;
}
interface Insights {
  data: Array<{ name: string; values?: Array<{ value?: unknown }> }>;
}

/**
 * @example
 * const facebook = createFacebookProvider({ fetch: createGuardedFetch(guard), timeoutMs: 10_000, now });
 * const pages = await facebook.targets(tokens); // the person picks one
 * const account = await facebook.connect({ ...tokens, target_id: pages.value[0].id });
 */
export function createFacebookProvider(deps: MetaProviderDeps): NetworkProvider<OAuthTokens> {
  const apiUrl = `${deps.baseUrl ?? FACEBOOK_API}/${FACEBOOK_GRAPH_VERSION}`;
  const call = <T>(token: string, request: Omit<GraphCall, 'apiUrl' | 'token'>) =>
    graphCall<T>(deps, FACEBOOK, { ...request, apiUrl, token });
  const messenger = (session: NetworkSession): MessagingInbox => ({
    http: deps,
    apiUrl,
    label: MESSENGER,
    platform: 'messenger',
    node: session.remoteAccountId,
    ownId: session.remoteAccountId,
    permission: 'pages_messaging',
    maxText: { size: MAX_MESSENGER_TEXT, unit: 'characters' },
  });

  async function uploadPhoto(session: NetworkSession, media: NetworkMedia): Promise<NetworkResult<string>> {
    const form = new FormData();
    form.set(
      'source',
      new Blob([new Uint8Array(await wholeFile(media))], { type: media.mimeType }),
      media.fileName,
    );
    // Unpublished: the photo appears only as part of the post it is attached to.
    form.set('published', 'false');
    if (media.description) form.set('alt_text_custom', media.description.slice(0, 1000));
    const uploaded = await call<{ id: string }>(session.accessToken, {
      method: 'POST',
      path: `${session.remoteAccountId}/photos`,
      form,
    });
    return uploaded.ok ? { ok: true, value: uploaded.value.id } : uploaded;
  }

  async function postToFeed(
    session: NetworkSession,
    text: string,
    media: NetworkMedia[],
  ): Promise<NetworkResult<MetaPost>> {
    const video = media.find((file) => file.kind === 'video');
    if (video) {
      // A video is a post of its own (the Page's Videos tab and feed), its description the text.
      const form = new FormData();
      form.set(
        'source',
        new Blob([new Uint8Array(await wholeFile(video))], { type: video.mimeType }),
        video.fileName,
      );
      form.set('description', text);
      const posted = await call<{ id: string }>(session.accessToken, {
        method: 'POST',
        path: `${session.remoteAccountId}/videos`,
        form,
      });
      if (!posted.ok) return posted;
      return {
        ok: true,
        value: { remoteId: posted.value.id, url: `https://www.facebook.com/${posted.value.id}` },
      };
    }
    const form: Record<string, string> = { message: text };
    const photos = media.filter((file) => file.kind === 'image');
    for (const [index, photo] of photos.entries()) {
      const id = await uploadPhoto(session, photo);
      if (!id.ok) return id;
      form[`attached_media[${index}]`] = JSON.stringify({ media_fbid: id.value });
    }
    const link = photos.length === 0 ? firstLink(text) : null;
    if (link) form.link = link;
    const posted = await call<{ id: string }>(session.accessToken, {
      method: 'POST',
      path: `${session.remoteAccountId}/feed`,
      form,
    });
    if (!posted.ok) return posted;
    return { ok: true, value: { remoteId: posted.value.id, url: postUrl(posted.value.id) } };
  }

  async function comment(token: string, on: string, text: string): Promise<NetworkResult<MetaPost>> {
    const posted = await call<{ id: string }>(token, {
      method: 'POST',
      path: `${on}/comments`,
      form: { message: text },
    });
    return posted.ok ? { ok: true, value: { remoteId: posted.value.id, url: null } } : posted;
  }

  /** The Page's own comment with this text on a post or comment, if an earlier attempt made it. */
  async function ownComment(
    session: NetworkSession,
    on: string,
    text: string,
  ): Promise<NetworkResult<MetaPost | null>> {
    const comments = await call<{ data: Comment[] }>(session.accessToken, {
      method: 'GET',
      path: `${on}/comments`,
      query: { fields: 'id,message,from{id}', filter: 'toplevel', limit: '100' },
    });
    if (!comments.ok) return comments;
    const same = comments.value.data.find(
      (item) => item.from?.id === session.remoteAccountId && sameText(item.message, text),
    );
    return { ok: true, value: same ? { remoteId: same.id, url: null } : null };
  }

  async function pagesOf(
    tokens: OAuthTokens,
  ): Promise<NetworkResult<{ pages: ManagedPage[]; longLived: boolean }>> {
    const user = await longLivedUserToken(deps, FACEBOOK, apiUrl, tokens);
    if (!user.ok) return user;
    const pages = await managedPages(deps, FACEBOOK, apiUrl, user.value.token, PAGE_FIELDS);
    if (!pages.ok) return pages;
    return { ok: true, value: { pages: pages.value, longLived: user.value.longLived } };
  }

  return {
    oauth: facebookOAuth(deps.baseUrl, FACEBOOK_SCOPES),

    async targets(tokens) {
      const pages = await managedPages(deps, FACEBOOK, apiUrl, tokens.access_token, PAGE_FIELDS);
      if (!pages.ok) return pages;
      return {
        ok: true,
        value: pages.value.map((page) => ({
          id: page.id,
          name: page.name,
          avatarUrl: httpUrl(page.picture?.data?.url),
        })),
      };
    },

    async connect(tokens) {
      const read = await pagesOf(tokens);
      if (!read.ok) return read;
      const { pages, longLived } = read.value;
      const page = tokens.target_id
        ? pages.find((candidate) => candidate.id === tokens.target_id)
        : pages.length === 1
          ? pages[0]
          : undefined;
      if (!page?.access_token) {
        return {
          ok: false,
          failure: {
            kind: 'rejected',
            message: tokens.target_id
              ? 'This login does not manage that Page (or lacks the task to post on it)'
              : pages.length === 0
                ? 'This login manages no Facebook Page; Pages are what mcc publishes to'
                : 'Pick the Page to publish to',
            statusCode: null,
            retryAt: null,
          },
        };
      }
      const connected: ConnectedAccount = {
        baseUrl: '',
        accessToken: page.access_token,
        refreshToken: null,
        // A Page token obtained with a long-lived user token does not expire; one from a short-lived
        // user token lasts about as long as it does.
        tokenExpiresAt:
          longLived || tokens.expires_in === null
            ? null
            : new Date(deps.now().getTime() + tokens.expires_in * 1000).toISOString(),
        remoteAccountId: page.id,
        displayName: page.name,
        handle: page.username ? `@${page.username}` : page.name,
        avatarUrl: httpUrl(page.picture?.data?.url),
        profileUrl: httpUrl(page.link) ?? `https://www.facebook.com/${page.id}`,
        scopes: tokens.scopes,
      };
      return { ok: true, value: connected };
    },

    async refresh(session) {
      // Page tokens from a long-lived login do not expire; a short-lived one can only be replaced by signing in again.
      return { ok: true, value: session };
    },

    async publish(session, publication) {
      return publishInOrder(publication, {
        chained: false,
        post: async (text) => postToFeed(session, text, await publication.media()),
        answer: (parent, text) => comment(session.accessToken, parent.remoteId, text),
        find: async (text, parent) => {
          // Graph has no idempotency key: a post (or comment) an earlier attempt made, its answer lost, is
          // found by its text among the Page's posts since the publication was due (the post's comments).
          if (parent) return ownComment(session, parent.remoteId, text);
          const recent = await call<{ data: Array<{ id: string; message?: string }> }>(session.accessToken, {
            method: 'GET',
            path: `${session.remoteAccountId}/published_posts`,
            query: { fields: 'id,message,created_time', since: unixOf(publication.dueAt), limit: '25' },
          });
          if (!recent.ok) return recent;
          const same = recent.value.data.find((post) => sameText(post.message, text));
          return { ok: true, value: same ? { remoteId: same.id, url: postUrl(same.id) } : null };
        },
      });
    },

    async metrics(session, remoteId) {
      const insights = await call<Insights>(session.accessToken, {
        method: 'GET',
        path: `${remoteId}/insights`,
        query: { metric: 'post_impressions,post_impressions_unique,post_clicks' },
      });
      if (!insights.ok) return insights;
      const counts = await call<{
        shares?: { count?: number };
        comments?: { summary?: { total_count?: number } };
        reactions?: { summary?: { total_count?: number } };
      }>(session.accessToken, {
        method: 'GET',
        path: remoteId,
        query: { fields: 'shares,comments.summary(true).limit(0),reactions.summary(true).limit(0)' },
      });
      if (!counts.ok) return counts;
      const metric = (name: string): number | null => {
        const value = insights.value.data.find((entry) => entry.name === name)?.values?.at(-1)?.value;
        return typeof value === 'number' ? count(value) : null;
      };
      return {
        ok: true,
        value: {
          impressions: metric('post_impressions'),
          reach: metric('post_impressions_unique'),
          clicks: metric('post_clicks'),
          likes: count(counts.value.reactions?.summary?.total_count),
          comments: count(counts.value.comments?.summary?.total_count),
          shares: count(counts.value.shares?.count),
        },
      };
    },

    async mentions(session, since) {
      const posts = await call<{ data: Array<{ id: string }> }>(session.accessToken, {
        method: 'GET',
        path: `${session.remoteAccountId}/published_posts`,
        query: { fields: 'id', limit: String(RECENT_POSTS) },
      });
      if (!posts.ok) return posts;
      const mentions: NetworkMention[] = [];
      let cursor = since;
      for (const post of posts.value.data) {
        const read = await call<{ data: Comment[] }>(session.accessToken, {
          method: 'GET',
          path: `${post.id}/comments`,
          query: {
            fields: 'id,message,created_time,from{id,name},parent{id},permalink_url',
            // `stream`: replies to comments too, each with its parent.
            filter: 'stream',
            order: 'chronological',
            limit: '100',
            ...(since ? { since: unixOf(since) } : {}),
          },
        });
        if (!read.ok) return read;
        for (const item of read.value.data) {
          const sentAt = isoOf(item.created_time);
          // `since` is in whole seconds: comments of the cursor's own second come again (the ingest keeps
          // one of each), ones before it are dropped here.
          if (!sentAt || (since && sentAt < since)) continue;
          if (!cursor || sentAt > cursor) cursor = sentAt;
          if (item.from?.id === session.remoteAccountId) continue;
          mentions.push({
            remoteId: item.id,
            inReplyTo: item.parent?.id ?? post.id,
            author: {
              // Graph leaves `from` out for some commenters: each such comment stands for its own person.
              remoteId: item.from?.id ?? `unknown:${item.id}`,
              name: item.from?.name ?? null,
              handle: item.from?.name ?? 'Facebook user',
            },
            text: item.message ?? '',
            url: httpUrl(item.permalink_url),
            sentAt,
          });
        }
      }
      // Direct messages after the same cursor: the one cursor covers comments and messages alike.
      const direct = await readDirectMessages(messenger(session), session.accessToken, since);
      if (!direct.ok) return direct;
      mentions.push(...direct.value.mentions);
      if (direct.value.latest && (!cursor || direct.value.latest > cursor)) cursor = direct.value.latest;
      mentions.sort((a, b) => (a.sentAt < b.sentAt ? -1 : a.sentAt > b.sentAt ? 1 : 0));
      const notices = direct.value.notice ? [direct.value.notice] : [];
      return { ok: true, value: { mentions, cursor, ...(notices.length > 0 ? { notices } : {}) } };
    },

    async reply(session, reply) {
      const recipient = recipientOf(reply.inReplyTo);
      if (recipient) {
        // A direct message is answered in Messenger, to the person who wrote it: never as a comment.
        return sendDirectMessage(
          messenger(session),
          session.accessToken,
          { to: recipient, text: reply.text },
          deps.now(),
        );
      }
      if (reply.direct) return notADirectMessage(reply.inReplyTo);
      // A repeated send (its first answer lost) finds the answer already there.
      const found = await ownComment(session, reply.inReplyTo, reply.text);
      if (!found.ok) return found;
      if (found.value) return { ok: true, value: { position: 0, ...found.value } };
      const posted = await comment(session.accessToken, reply.inReplyTo, reply.text);
      if (!posted.ok) return posted;
      return { ok: true, value: { position: 0, ...posted.value } };
    },
  };
}

/** Asked to answer privately, but what is answered is a comment: it is never answered in public instead. */
function notADirectMessage(id: string): NetworkResult<never> {
  return {
    ok: false,
    failure: {
      kind: 'rejected',
      message: `${id.slice(0, 60)} is not a Messenger message, so it cannot be answered privately`,
      statusCode: null,
      retryAt: null,
    },
  };
}

/** `{page-id}_{post-id}` → the post's address on facebook.com. */
function postUrl(id: string): string {
  const [page, post] = id.split('_');
  return page && post ? `https://www.facebook.com/${page}/posts/${post}` : `https://www.facebook.com/${id}`;
}
