import {
  count,
  countOrNull,
  httpUrl,
  jsonCall,
  type NetworkHttp,
  refused,
  textField,
  unexpectedAnswer,
} from '../json-http.js';
import type { ProcessingWait } from '../media-processing.js';
import { refreshSession } from '../oauth-token.js';
import type {
  ConnectedAccount,
  NetworkImage,
  NetworkMention,
  NetworkProvider,
  NetworkResult,
  NetworkSession,
  OAuthSpec,
  OAuthTarget,
  OAuthTokens,
  PublishedPart,
} from '../provider.js';
import { LINKEDIN, LINKEDIN_API, linkedInRest, restliList } from './linkedin-api.js';
import { littleText } from './linkedin-text.js';
import { uploadLinkedInVideo } from './linkedin-video.js';

// LinkedIn through its Posts, Images, Videos (linkedin-video.ts), Social Actions and organization APIs
// (learn.microsoft.com/linkedin/).
// One login publishes as the member or as an organization (a Page) the member administers: the account's
// remote id is the author URN (`urn:li:person:…` or `urn:li:organization:…`). LinkedIn has no threads and
// no idempotency key: a part is never sent again once its id is stored, and a first comment goes through
// the comments API. Member posts' results and comments need `r_member_social`, which LinkedIn grants only to
// approved partners: organizations get both, members what their token allows.

export interface LinkedInProviderDeps extends NetworkHttp, ProcessingWait {
  /** The API and OAuth address (tests: the contract fake); LinkedIn's own otherwise. */
  baseUrl?: string;
}

/** Sign-in (OpenID Connect), posting as the member, and posting, reading and administering organizations. */
export const LINKEDIN_SCOPES = [
  'openid',
  'profile',
  'w_member_social',
  'r_organization_social',
  'w_organization_social',
  'rw_organization_admin',
];

/** The roles that may post as an organization (organizationAcls). */
const POSTING_ROLES = new Set(['ADMINISTRATOR', 'CONTENT_ADMINISTRATOR']);
/** An organization's recent posts read for comments, and comments read per post. */
const RECENT_POSTS = 20;
const COMMENTS_PER_POST = 50;

interface UserInfo {
  sub?: string;
  name?: string;
  given_name?: string;
  family_name?: string;
  picture?: string;
}
interface Acl {
  organization?: string;
  role?: string;
  state?: string;
}
interface Organization {
  id?: number;
  localizedName?: string;
  vanityName?: string;
}
interface Comment {
  id?: string;
  commentUrn?: string;
  actor?: string;
  object?: string;
  parentComment?: string;
  message?: { text?: string };
  created?: { time?: number };
}
interface ShareStatistics {
  impressionCount?: number;
  uniqueImpressionsCount?: number;
  likeCount?: number;
  commentCount?: number;
  shareCount?: number;
  clickCount?: number;
}

/**
 * @example
 * const linkedin = createLinkedInProvider({ fetch: createGuardedFetch(guard), timeoutMs: 10_000, now });
 * const people = await linkedin.targets(tokens); // the member, then the Pages they administer
 */
export function createLinkedInProvider(deps: LinkedInProviderDeps): NetworkProvider<OAuthTokens> {
  const api = (deps.baseUrl ?? 'https://api.linkedin.com').replace(/\/+$/, '');
  const www = (deps.baseUrl ?? 'https://www.linkedin.com').replace(/\/+$/, '');
  const oauth: OAuthSpec = {
    authorizeUrl: `${www}/oauth/v2/authorization`,
    tokenUrl: `${www}/oauth/v2/accessToken`,
    scopes: LINKEDIN_SCOPES,
    scopeSeparator: ' ',
    // LinkedIn offers PKCE only to native apps it approved; web apps use the client secret.
    pkce: false,
    clientAuth: 'body',
  };
  const rest = <T>(token: string, method: 'GET' | 'POST', path: string, json?: unknown) =>
    linkedInRest<T>(deps, {
      method,
      url: `${api}/rest/${path}`,
      token,
      ...(json === undefined ? {} : { json }),
    });

  async function member(token: string): Promise<NetworkResult<{ urn: string; info: UserInfo }>> {
    const read = await jsonCall<UserInfo>(deps, LINKEDIN_API, {
      method: 'GET',
      url: `${api}/v2/userinfo`,
      token,
    });
    if (!read.ok) return read;
    const sub = textField(read.value.body, 'sub');
    if (!sub) return { ok: false, failure: unexpectedAnswer(LINKEDIN, 'the member’s id (sub)') };
    return { ok: true, value: { urn: `urn:li:person:${sub}`, info: read.value.body ?? {} } };
  }

  /** The organizations the member may post as, with their names. */
  async function organizations(
    token: string,
  ): Promise<NetworkResult<Array<{ urn: string; org: Organization }>>> {
    const query = new URLSearchParams({ q: 'roleAssignee', state: 'APPROVED', count: '100' });
    const acls = await rest<{ elements?: Acl[] }>(token, 'GET', `organizationAcls?${query}`);
    if (!acls.ok) return acls;
    const urns = [
      ...new Set(
        (acls.value.body?.elements ?? [])
          .filter((acl) => POSTING_ROLES.has(acl.role ?? '') && acl.state !== 'REVOKED')
          .flatMap((acl) =>
            acl.organization && /^urn:li:organization:\d+$/.test(acl.organization) ? [acl.organization] : [],
          ),
      ),
    ];
    const out: Array<{ urn: string; org: Organization }> = [];
    for (const urn of urns) {
      const read = await rest<Organization>(token, 'GET', `organizations/${urn.split(':').at(-1)}`);
      if (!read.ok) return read;
      out.push({ urn, org: read.value.body ?? {} });
    }
    return { ok: true, value: out };
  }

  async function uploadImage(session: NetworkSession, media: NetworkImage): Promise<NetworkResult<string>> {
    const started = await rest<{ value?: { uploadUrl?: string; image?: string } }>(
      session.accessToken,
      'POST',
      'images?action=initializeUpload',
      { initializeUploadRequest: { owner: session.remoteAccountId } },
    );
    if (!started.ok) return started;
    const uploadUrl = httpUrl(started.value.body?.value?.uploadUrl);
    const image = textField(started.value.body, 'value', 'image');
    if (!uploadUrl || !image)
      return { ok: false, failure: unexpectedAnswer(LINKEDIN, 'an upload address for the image') };
    const put = await jsonCall(deps, LINKEDIN_API, {
      method: 'PUT',
      url: uploadUrl,
      token: session.accessToken,
      bytes: { data: media.bytes, contentType: media.mimeType },
    });
    if (!put.ok) return put;
    return { ok: true, value: image };
  }

  async function comment(
    session: NetworkSession,
    target: string,
    text: string,
  ): Promise<NetworkResult<PublishedPart & { position: -1 }>> {
    // A reply to a comment names the post and its parent; the path is the parent comment's.
    const parent = /^urn:li:comment:\((.+),[^,()]+\)$/.exec(target);
    const object = parent?.[1] ?? target;
    const posted = await rest<Comment>(
      session.accessToken,
      'POST',
      `socialActions/${encodeURIComponent(target)}/comments`,
      {
        actor: session.remoteAccountId,
        object,
        message: { text },
        ...(parent ? { parentComment: target } : {}),
      },
    );
    if (!posted.ok) return posted;
    const id = posted.value.headers.get('x-restli-id');
    const urn = textField(posted.value.body, 'commentUrn') ?? (id ? commentUrnOf(object, id) : null);
    if (!urn)
      return { ok: false, failure: unexpectedAnswer(LINKEDIN, 'the comment’s id', posted.value.status) };
    return { ok: true, value: { position: -1, remoteId: urn, url: commentUrl(object, urn) } };
  }

  async function connected(
    tokens: OAuthTokens,
    author: {
      urn: string;
      name: string;
      avatarUrl: string | null;
      profileUrl: string | null;
      handle: string;
    },
  ): Promise<NetworkResult<ConnectedAccount>> {
    return {
      ok: true,
      value: {
        baseUrl: '',
        accessToken: tokens.access_token,
        refreshToken: tokens.refresh_token,
        tokenExpiresAt:
          tokens.expires_in === null
            ? null
            : new Date(deps.now().getTime() + tokens.expires_in * 1000).toISOString(),
        remoteAccountId: author.urn,
        displayName: author.name,
        handle: author.handle,
        avatarUrl: author.avatarUrl,
        profileUrl: author.profileUrl,
        scopes: tokens.scopes,
      },
    };
  }

  return {
    oauth,

    async connect(tokens) {
      const me = await member(tokens.access_token);
      if (!me.ok) return me;
      const name =
        me.value.info.name ||
        [me.value.info.given_name, me.value.info.family_name].filter(Boolean).join(' ') ||
        'LinkedIn member';
      const target = tokens.target_id;
      if (!target || target === me.value.urn) {
        return connected(tokens, {
          urn: me.value.urn,
          name,
          handle: name,
          avatarUrl: httpUrl(me.value.info.picture),
          profileUrl: null,
        });
      }
      const orgs = await organizations(tokens.access_token);
      if (!orgs.ok) return orgs;
      const found = orgs.value.find((org) => org.urn === target);
      if (!found) {
        return {
          ok: false,
          failure: refused(
            `${name} cannot post as ${target} on LinkedIn: only its administrators and content administrators can`,
          ),
        };
      }
      const orgName = found.org.localizedName || found.org.vanityName || target;
      return connected(tokens, {
        urn: found.urn,
        name: orgName,
        handle: orgName,
        avatarUrl: null,
        profileUrl: found.org.vanityName
          ? `https://www.linkedin.com/company/${encodeURIComponent(found.org.vanityName)}/`
          : null,
      });
    },

    async targets(tokens) {
      const me = await member(tokens.access_token);
      if (!me.ok) return me;
      const out: OAuthTarget[] = [
        {
          id: me.value.urn,
          name: me.value.info.name || 'Your LinkedIn profile',
          avatarUrl: httpUrl(me.value.info.picture),
        },
      ];
      // Without the organization scopes (an app with only "Share on LinkedIn") the member alone is offered.
      if (!tokens.scopes.includes('rw_organization_admin') && tokens.scopes.length > 0)
        return { ok: true, value: out };
      const orgs = await organizations(tokens.access_token);
      // A 403: the app lacks the Community Management API after all; the member can still post.
      if (!orgs.ok) return orgs.failure.statusCode === 403 ? { ok: true, value: out } : orgs;
      for (const { urn, org } of orgs.value)
        out.push({ id: urn, name: org.localizedName || org.vanityName || urn, avatarUrl: null });
      return { ok: true, value: out };
    },

    refresh(session) {
      return refreshSession(deps, LINKEDIN, oauth, session);
    },

    async publish(session, publication) {
      if (publication.parts.length > 1) {
        return { ok: false, failure: refused('LinkedIn has no threads: put the text in one post') };
      }
      const out = [...publication.published].sort((a, b) => a.position - b.position);
      const done = new Set(out.map((part) => part.position));
      if (!done.has(0)) {
        const media = await publication.media();
        const video = media.find((file) => file.kind === 'video');
        if (video && media.length > 1) {
          return {
            ok: false,
            failure: refused('A LinkedIn post carries one video alone, without images or a second video'),
          };
        }
        let content: object | undefined;
        if (video) {
          const uploaded = await uploadLinkedInVideo(
            deps,
            api,
            session.accessToken,
            session.remoteAccountId,
            video,
          );
          if (!uploaded.ok) return uploaded;
          // The title shows above the player; LinkedIn takes a video without one.
          const title = publication.title?.trim().slice(0, 200);
          content = { media: { id: uploaded.value, ...(title ? { title } : {}) } };
        } else {
          const images: Array<{ id: string; altText: string }> = [];
          for (const file of media) {
            if (file.kind !== 'image') continue;
            const uploaded = await uploadImage(session, file);
            if (!uploaded.ok) return uploaded;
            images.push({ id: uploaded.value, altText: file.description.slice(0, 4086) });
          }
          content =
            images.length === 1
              ? { media: images[0] }
              : images.length > 1
                ? { multiImage: { images } }
                : undefined;
        }
        const posted = await rest<unknown>(session.accessToken, 'POST', 'posts', {
          author: session.remoteAccountId,
          commentary: littleText(publication.parts[0] ?? ''),
          visibility: 'PUBLIC',
          distribution: {
            feedDistribution: 'MAIN_FEED',
            targetEntities: [],
            thirdPartyDistributionChannels: [],
          },
          ...(content ? { content } : {}),
          lifecycleState: 'PUBLISHED',
          isReshareDisabledByAuthor: false,
        });
        if (!posted.ok) return posted;
        const urn = posted.value.headers.get('x-restli-id');
        if (!urn)
          return {
            ok: false,
            failure: unexpectedAnswer(LINKEDIN, 'the post’s id (x-restli-id)', posted.value.status),
          };
        const part = { position: 0, remoteId: urn, url: postUrl(urn) };
        await publication.onPublished(part);
        out.unshift(part);
      }
      const first = out.find((part) => part.position === 0);
      const position = publication.parts.length;
      if (publication.firstComment && first && !done.has(position)) {
        const posted = await comment(session, first.remoteId, publication.firstComment);
        if (!posted.ok) return posted;
        const part = { ...posted.value, position };
        await publication.onPublished(part);
        out.push(part);
      }
      return { ok: true, value: out };
    },

    async metrics(session, remoteId) {
      if (session.remoteAccountId.startsWith('urn:li:organization:')) {
        const kind = remoteId.startsWith('urn:li:ugcPost:') ? 'ugcPosts' : 'shares';
        const query = `q=organizationalEntity&organizationalEntity=${encodeURIComponent(session.remoteAccountId)}&${kind}=${restliList([remoteId])}`;
        const read = await rest<{ elements?: Array<{ totalShareStatistics?: ShareStatistics }> }>(
          session.accessToken,
          'GET',
          `organizationalEntityShareStatistics?${query}`,
        );
        if (!read.ok) return read;
        const stats = read.value.body?.elements?.[0]?.totalShareStatistics;
        if (!stats) return { ok: false, failure: unexpectedAnswer(LINKEDIN, `statistics for ${remoteId}`) };
        return {
          ok: true,
          value: {
            impressions: countOrNull(stats.impressionCount),
            reach: countOrNull(stats.uniqueImpressionsCount),
            likes: count(stats.likeCount),
            comments: count(stats.commentCount),
            shares: count(stats.shareCount),
            clicks: countOrNull(stats.clickCount),
          },
        };
      }
      // A member's post: its likes and comments (r_member_social); LinkedIn reports no views or clicks.
      const read = await rest<{
        likesSummary?: { totalLikes?: number };
        commentsSummary?: { aggregatedTotalComments?: number; totalFirstLevelComments?: number };
      }>(session.accessToken, 'GET', `socialActions/${encodeURIComponent(remoteId)}`);
      if (!read.ok) return read;
      const body = read.value.body;
      return {
        ok: true,
        value: {
          impressions: null,
          reach: null,
          clicks: null,
          likes: count(body?.likesSummary?.totalLikes),
          comments: count(
            body?.commentsSummary?.aggregatedTotalComments ?? body?.commentsSummary?.totalFirstLevelComments,
          ),
          // Reshares of a member's post are not reported to apps.
          shares: 0,
        },
      };
    },

    async mentions(session, since) {
      // Reading a member's posts and their comments is for approved partners only (r_member_social).
      if (!session.remoteAccountId.startsWith('urn:li:organization:'))
        return { ok: true, value: { mentions: [], cursor: since } };
      const after = since && /^\d+$/.test(since) ? Number(since) : 0;
      const query = `q=author&author=${encodeURIComponent(session.remoteAccountId)}&count=${RECENT_POSTS}&sortBy=LAST_MODIFIED`;
      const posts = await rest<{ elements?: Array<{ id?: string }> }>(
        session.accessToken,
        'GET',
        `posts?${query}`,
      );
      if (!posts.ok) return posts;
      const mentions: Array<NetworkMention & { at: number }> = [];
      const seen = new Set<string>();
      for (const post of posts.value.body?.elements ?? []) {
        if (!post.id) continue;
        const read = await rest<{ elements?: Comment[] }>(
          session.accessToken,
          'GET',
          `socialActions/${encodeURIComponent(post.id)}/comments?count=${COMMENTS_PER_POST}`,
        );
        if (!read.ok) return read;
        for (const item of read.value.body?.elements ?? []) {
          const at = item.created?.time ?? 0;
          const object = item.object ?? post.id;
          const urn = item.commentUrn ?? (item.id ? commentUrnOf(object, item.id) : null);
          if (!urn || seen.has(urn) || at <= after || !item.actor || item.actor === session.remoteAccountId)
            continue;
          seen.add(urn);
          mentions.push({
            remoteId: urn,
            inReplyTo: item.parentComment ?? object,
            author: { remoteId: item.actor, name: null, handle: item.actor },
            text: item.message?.text ?? '',
            url: commentUrl(object, urn),
            sentAt: new Date(at).toISOString(),
            at,
          });
        }
      }
      mentions.sort((a, b) => a.at - b.at);
      const last = mentions.at(-1);
      return {
        ok: true,
        value: {
          mentions: mentions.map(({ at: _at, ...mention }) => mention),
          cursor: last ? String(last.at) : since,
        },
      };
    },

    async reply(session, reply) {
      const posted = await comment(session, reply.inReplyTo, reply.text);
      if (!posted.ok) return posted;
      return { ok: true, value: { ...posted.value, position: 0 } };
    },
  };
}

function postUrl(urn: string): string {
  return `https://www.linkedin.com/feed/update/${urn}/`;
}

function commentUrnOf(object: string, id: string): string {
  return `urn:li:comment:(${object},${id})`;
}

function commentUrl(object: string, commentUrn: string): string {
  return `${postUrl(object)}?commentUrn=${encodeURIComponent(commentUrn)}`;
}
