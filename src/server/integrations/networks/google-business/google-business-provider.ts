import {
  countOrNull,
  firstLink,
  httpUrl,
  type JsonApi,
  type JsonRequest,
  jsonCall,
  type NetworkHttp,
  refused,
  textField,
  unexpectedAnswer,
} from '../json-http.js';
import { refreshSession } from '../oauth-token.js';
import type {
  ConnectedAccount,
  NetworkMention,
  NetworkProvider,
  NetworkResult,
  OAuthSpec,
  OAuthTarget,
  OAuthTokens,
} from '../provider.js';

// Google Business Profile through its APIs (developers.google.com/my-business/): Account Management v1 lists
// the accounts a Google login manages, Business Information v1 their locations, and the v4 API carries local
// posts, their insights and reviews. A connected account is one location: its remote id is
// `accounts/{a}/locations/{l}`, the parent v4 paths need. Reviews are its conversations (a review is a
// message, the owner's reply answers it). Local posts take photos by URL only (`sourceUrl`), so media need
// the server's public address; they have no idempotency key, and no likes, comments or shares.

export const GOOGLE_BUSINESS = 'Google Business Profile';

export interface GoogleBusinessProviderDeps extends NetworkHttp {
  /** One address for every Google host involved (tests: the contract fake). */
  baseUrl?: string;
}

export const GOOGLE_BUSINESS_SCOPES = ['https://www.googleapis.com/auth/business.manage'];

/**
 * Google answers errors as `{ error: { code, message, status, details } }`; the Business Profile API names
 * the refused fields in a `ValidationError` detail, which says more than "Request contains an invalid
 * argument."
 */
export const GOOGLE_API: JsonApi = {
  name: GOOGLE_BUSINESS,
  reason: (body) => {
    const message = textField(body, 'error', 'message') ?? textField(body, 'error_description');
    const status = textField(body, 'error', 'status');
    const said = message && status ? `${status}: ${message}` : message;
    const fields = validationDetails(body);
    return fields ? `${said ?? 'INVALID_ARGUMENT'} (${fields})` : said;
  },
};

function validationDetails(body: unknown): string | null {
  const details = (body as { error?: { details?: unknown } } | null)?.error?.details;
  if (!Array.isArray(details)) return null;
  const said = details.flatMap((detail: { errorDetails?: Array<{ field?: string; message?: string }> }) =>
    (detail.errorDetails ?? []).flatMap((item) =>
      item.message ? [item.field ? `${item.field}: ${item.message}` : item.message] : [],
    ),
  );
  return said.length > 0 ? said.join('; ') : null;
}

const PAGE_SIZE = 100;
const MAX_PAGES = 5;
const REVIEW_PAGE = 50;
/** Insights are read over this many days back (a post is measured for about five weeks). */
const INSIGHT_DAYS = 60;
const STARS: Record<string, number> = { ONE: 1, TWO: 2, THREE: 3, FOUR: 4, FIVE: 5 };

interface Location {
  name?: string;
  title?: string;
  storefrontAddress?: { locality?: string };
  metadata?: { mapsUri?: string };
}
interface Review {
  name?: string;
  reviewId?: string;
  reviewer?: { displayName?: string; profilePhotoUrl?: string; isAnonymous?: boolean };
  starRating?: string;
  comment?: string;
  createTime?: string;
  updateTime?: string;
}
interface MetricValue {
  metric?: string;
  totalValue?: { value?: string };
}

/**
 * @example
 * const gbp = createGoogleBusinessProvider({ fetch: createGuardedFetch(guard), timeoutMs: 10_000, now });
 * const locations = await gbp.targets(tokens); // `accounts/1/locations/2`, …
 */
export function createGoogleBusinessProvider(deps: GoogleBusinessProviderDeps): NetworkProvider<OAuthTokens> {
  const base = deps.baseUrl?.replace(/\/+$/, '');
  const hosts = {
    accounts: base ?? 'https://mybusinessaccountmanagement.googleapis.com',
    information: base ?? 'https://mybusinessbusinessinformation.googleapis.com',
    v4: base ?? 'https://mybusiness.googleapis.com',
  };
  const oauth: OAuthSpec = {
    authorizeUrl: `${base ?? 'https://accounts.google.com'}/o/oauth2/v2/auth`,
    tokenUrl: `${base ?? 'https://oauth2.googleapis.com'}/token`,
    scopes: GOOGLE_BUSINESS_SCOPES,
    scopeSeparator: ' ',
    pkce: true,
    clientAuth: 'body',
    // A refresh token only comes with offline access, and again on a reconnect only when consent is asked.
    authorizeParams: { access_type: 'offline', prompt: 'consent' },
  };
  const call = <T>(
    token: string,
    host: keyof typeof hosts,
    request: Omit<JsonRequest, 'url' | 'token'> & { path: string },
  ) => {
    const { path, ...rest } = request;
    return jsonCall<T>(deps, GOOGLE_API, { ...rest, url: `${hosts[host]}/${path}`, token });
  };

  /** Every page of a Google list (`nextPageToken`), up to a bound. */
  async function pages<T>(
    token: string,
    host: keyof typeof hosts,
    path: string,
    field: string,
    query: Record<string, string>,
  ): Promise<NetworkResult<T[]>> {
    const out: T[] = [];
    let pageToken: string | null = null;
    for (let page = 0; page < MAX_PAGES; page += 1) {
      const params = new URLSearchParams({ ...query, pageSize: String(PAGE_SIZE) });
      if (pageToken) params.set('pageToken', pageToken);
      const read = await call<Record<string, unknown>>(token, host, {
        method: 'GET',
        path: `${path}?${params}`,
      });
      if (!read.ok) return read;
      const items = read.value.body?.[field];
      if (Array.isArray(items)) out.push(...(items as T[]));
      pageToken = textField(read.value.body, 'nextPageToken');
      if (!pageToken) break;
    }
    return { ok: true, value: out };
  }

  async function locations(token: string): Promise<NetworkResult<Array<{ id: string; location: Location }>>> {
    const accounts = await pages<{ name?: string }>(token, 'accounts', 'v1/accounts', 'accounts', {});
    if (!accounts.ok) return accounts;
    const out: Array<{ id: string; location: Location }> = [];
    for (const account of accounts.value) {
      if (!account.name || !/^accounts\/\d+$/.test(account.name)) continue;
      const listed = await pages<Location>(
        token,
        'information',
        `v1/${account.name}/locations`,
        'locations',
        {
          readMask: 'name,title,storefrontAddress,metadata',
        },
      );
      if (!listed.ok) return listed;
      for (const location of listed.value) {
        if (location.name) out.push({ id: `${account.name}/${location.name}`, location });
      }
    }
    return { ok: true, value: out };
  }

  return {
    oauth,

    async connect(tokens) {
      let picked: { id: string; location: Location } | undefined;
      const target = tokens.target_id;
      if (target) {
        const parts = /^(accounts\/\d+)\/(locations\/\d+)$/.exec(target);
        if (!parts) return { ok: false, failure: refused(`${target} is not a Business Profile location`) };
        const read = await call<Location>(tokens.access_token, 'information', {
          method: 'GET',
          path: `v1/${parts[2]}?readMask=${encodeURIComponent('name,title,storefrontAddress,metadata')}`,
        });
        if (!read.ok) return read;
        picked = { id: target, location: read.value.body ?? {} };
      } else {
        const all = await locations(tokens.access_token);
        if (!all.ok) return all;
        if (all.value.length !== 1) {
          return {
            ok: false,
            failure: refused(
              all.value.length === 0
                ? 'This Google account manages no Business Profile location'
                : `This Google account manages ${all.value.length} locations: pick the one to post for`,
            ),
          };
        }
        picked = all.value[0];
      }
      if (!picked) return { ok: false, failure: unexpectedAnswer(GOOGLE_BUSINESS, 'the location') };
      const title = picked.location.title || picked.id;
      const account: ConnectedAccount = {
        baseUrl: '',
        accessToken: tokens.access_token,
        refreshToken: tokens.refresh_token,
        tokenExpiresAt:
          tokens.expires_in === null
            ? null
            : new Date(deps.now().getTime() + tokens.expires_in * 1000).toISOString(),
        remoteAccountId: picked.id,
        displayName: title,
        handle: placeName(picked.location) ?? title,
        avatarUrl: null,
        profileUrl: httpUrl(picked.location.metadata?.mapsUri),
        scopes: tokens.scopes,
      };
      return { ok: true, value: account };
    },

    async targets(tokens) {
      const all = await locations(tokens.access_token);
      if (!all.ok) return all;
      const targets: OAuthTarget[] = all.value.map(({ id, location }) => ({
        id,
        name: placeName(location) ?? id,
        avatarUrl: null,
      }));
      return { ok: true, value: targets };
    },

    refresh(session) {
      return refreshSession(deps, GOOGLE_BUSINESS, oauth, session);
    },

    async publish(session, publication) {
      if (publication.published.some((part) => part.position === 0)) {
        return { ok: true, value: [...publication.published].sort((a, b) => a.position - b.position) };
      }
      if (publication.parts.length > 1) {
        return {
          ok: false,
          failure: refused('Google Business Profile has no threads: put the text in one post'),
        };
      }
      if (publication.firstComment) {
        return {
          ok: false,
          failure: refused('Google Business Profile posts take no comments: remove the first comment'),
        };
      }
      const media = await publication.media();
      if (media.length > 1)
        return { ok: false, failure: refused('A Business Profile post carries one photo or video') };
      const file = media[0];
      const sourceUrl = file ? httpUrl(file.url ?? null) : null;
      if (file && !sourceUrl) {
        return {
          ok: false,
          failure: refused(
            'Google fetches a post’s photo from this server’s public address: set PUBLIC_URL, or publish without the photo',
          ),
        };
      }
      const text = publication.parts[0] ?? '';
      const link = firstLink(text);
      const posted = await call<{ name?: string; searchUrl?: string }>(session.accessToken, 'v4', {
        method: 'POST',
        path: `v4/${session.remoteAccountId}/localPosts`,
        json: {
          topicType: 'STANDARD',
          // As written: the channel rules keep it within 1,500 characters, and Google refuses longer in its words.
          summary: text,
          ...(link ? { callToAction: { actionType: 'LEARN_MORE', url: link } } : {}),
          ...(file && sourceUrl
            ? { media: [{ mediaFormat: file.kind === 'video' ? 'VIDEO' : 'PHOTO', sourceUrl }] }
            : {}),
        },
      });
      if (!posted.ok) return posted;
      const name = textField(posted.value.body, 'name');
      if (!name)
        return {
          ok: false,
          failure: unexpectedAnswer(GOOGLE_BUSINESS, 'the post’s name', posted.value.status),
        };
      const part = { position: 0, remoteId: name, url: httpUrl(posted.value.body?.searchUrl) };
      await publication.onPublished(part);
      return { ok: true, value: [part] };
    },

    async metrics(session, remoteId) {
      const end = deps.now();
      const start = new Date(end.getTime() - INSIGHT_DAYS * 86_400_000);
      const read = await call<{
        localPostMetrics?: Array<{ localPostName?: string; metricValues?: MetricValue[] }>;
      }>(session.accessToken, 'v4', {
        method: 'POST',
        path: `v4/${session.remoteAccountId}/localPosts:reportInsights`,
        json: {
          localPostNames: [remoteId],
          basicRequest: {
            metricRequests: [
              { metric: 'LOCAL_POST_VIEWS_SEARCH', options: ['AGGREGATED_TOTAL'] },
              { metric: 'LOCAL_POST_ACTIONS_CALL_TO_ACTION', options: ['AGGREGATED_TOTAL'] },
            ],
            timeRange: { startTime: start.toISOString(), endTime: end.toISOString() },
          },
        },
      });
      if (!read.ok) return read;
      const entry = read.value.body?.localPostMetrics?.find((metrics) => metrics.localPostName === remoteId);
      if (!entry)
        return { ok: false, failure: unexpectedAnswer(GOOGLE_BUSINESS, `insights for ${remoteId}`) };
      const value = (metric: string) => {
        const raw = entry.metricValues?.find((candidate) => candidate.metric === metric)?.totalValue?.value;
        return raw === undefined ? null : countOrNull(Number(raw));
      };
      return {
        ok: true,
        value: {
          // Views on Google Search, and clicks on the post's button: what Google reports of a post.
          impressions: value('LOCAL_POST_VIEWS_SEARCH'),
          reach: null,
          clicks: value('LOCAL_POST_ACTIONS_CALL_TO_ACTION'),
          // Local posts take no likes, comments or shares.
          likes: 0,
          comments: 0,
          shares: 0,
        },
      };
    },

    async mentions(session, since) {
      const parsed = since ? Date.parse(since) : Number.NaN;
      const after = Number.isFinite(parsed) ? parsed : Number.NEGATIVE_INFINITY;
      const fresher: Review[] = [];
      let pageToken: string | null = null;
      // Newest first by update: once a page reaches reviews not touched since the cursor, none older is new.
      for (let page = 0; page < MAX_PAGES; page += 1) {
        const params = new URLSearchParams({ pageSize: String(REVIEW_PAGE), orderBy: 'updateTime desc' });
        if (pageToken) params.set('pageToken', pageToken);
        const read = await call<{ reviews?: Review[]; nextPageToken?: string }>(session.accessToken, 'v4', {
          method: 'GET',
          path: `v4/${session.remoteAccountId}/reviews?${params}`,
        });
        if (!read.ok) return read;
        const reviews = read.value.body?.reviews ?? [];
        fresher.push(...reviews.filter((review) => Date.parse(review.createTime ?? '') > after));
        pageToken = textField(read.value.body, 'nextPageToken');
        const oldest = reviews.at(-1)?.updateTime;
        if (!pageToken || (oldest && Date.parse(oldest) <= after)) break;
      }
      fresher.sort((a, b) => Date.parse(a.createTime ?? '') - Date.parse(b.createTime ?? ''));
      const mentions: NetworkMention[] = fresher.flatMap((review) => {
        if (!review.name || !review.createTime) return [];
        const who = review.reviewer?.isAnonymous
          ? 'A Google user'
          : (review.reviewer?.displayName ?? 'A Google user');
        const stars = STARS[review.starRating ?? ''];
        const rating = stars ? `${'★'.repeat(stars)}${'☆'.repeat(5 - stars)}` : '';
        return [
          {
            remoteId: review.name,
            inReplyTo: null,
            author: { remoteId: `google-reviewer:${who}`, name: who, handle: who },
            text: [rating, review.comment ?? ''].filter(Boolean).join(' '),
            url: null,
            sentAt: new Date(review.createTime).toISOString(),
          },
        ];
      });
      const last = fresher.at(-1)?.createTime;
      return { ok: true, value: { mentions, cursor: last ? new Date(last).toISOString() : since } };
    },

    async reply(session, reply) {
      if (!new RegExp(`^${escapeRegExp(session.remoteAccountId)}/reviews/[^/]+$`).test(reply.inReplyTo)) {
        return {
          ok: false,
          failure: refused('Only reviews of this location can be answered on Google Business Profile'),
        };
      }
      // PUT: answering again replaces the answer, so a repeated send never adds a second one.
      const put = await call<{ comment?: string }>(session.accessToken, 'v4', {
        method: 'PUT',
        path: `v4/${reply.inReplyTo}/reply`,
        json: { comment: reply.text },
      });
      if (!put.ok) return put;
      return { ok: true, value: { position: 0, remoteId: `${reply.inReplyTo}/reply`, url: null } };
    },
  };
}

/** "The Bakery (Springfield)": the title and the town, which tell a chain's locations apart. */
function placeName(location: Location): string | null {
  if (!location.title) return null;
  const town = location.storefrontAddress?.locality;
  return town ? `${location.title} (${town})` : location.title;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
