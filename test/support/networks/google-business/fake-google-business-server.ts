import type { IncomingMessage } from 'node:http';
import { type Answer, FakeNetworkServer, type Grant, type SeenRequest } from '../fake-network-server.js';

// Google Business Profile as its API reference documents it (developers.google.com/my-business/), every host
// on one address: Google's OAuth 2 token endpoint (/token, client credentials in the form, PKCE), Account
// Management v1 (/v1/accounts), Business Information v1 (locations, `readMask` required), and the v4 API:
// localPosts (create, reportInsights), reviews (list newest first, PUT reply). Errors are Google's
// `{ error: { code, message, status, details } }`; the Business Profile API's validation errors name the
// field in a `ValidationError` detail.

export interface FakeLocation {
  id: string;
  title: string;
  locality: string;
  /** Google users who manage it (the token's subject). */
  managers: string[];
  accountId: string;
}

export interface FakeLocalPost {
  name: string;
  summary: string;
  topicType: string;
  callToAction: { actionType: string; url?: string } | null;
  media: Array<{ mediaFormat: string; sourceUrl: string }>;
  createTime: string;
}

export interface FakeReview {
  name: string;
  reviewId: string;
  reviewer: { displayName: string; profilePhotoUrl: string; isAnonymous: boolean };
  starRating: 'ONE' | 'TWO' | 'THREE' | 'FOUR' | 'FIVE';
  comment?: string;
  createTime: string;
  updateTime: string;
  reviewReply?: { comment: string; updateTime: string };
}

const SCOPE = 'https://www.googleapis.com/auth/business.manage';
const CALL_TO_ACTIONS = new Set(['BOOK', 'ORDER', 'SHOP', 'LEARN_MORE', 'SIGN_UP', 'CALL']);

export class FakeGoogleBusinessServer extends FakeNetworkServer {
  readonly accounts = new Map<string, { name: string; accountName: string; managers: string[] }>();
  readonly locations = new Map<string, FakeLocation>();
  readonly posts = new Map<string, FakeLocalPost>();
  readonly reviews = new Map<string, FakeReview>();
  readonly insights = new Map<string, { views: number; actions: number }>();
  /** Locations or reviews per page (Google's defaults are larger; tests shrink them to see paging). */
  pageSize = 100;
  private nextId = 1_000_000_000_000n;
  protected readonly tokenPath = '/token';
  protected readonly authorizePath = '/o/oauth2/v2/auth';
  protected readonly clientAuth = 'body' as const;
  protected override rotatesRefreshTokens = false;

  static async start(): Promise<FakeGoogleBusinessServer> {
    const fake = new FakeGoogleBusinessServer();
    await fake.listen();
    fake.accessTokenSeconds = 3599;
    return fake;
  }

  /** A business account with its locations, managed by `manager` (a Google user's id). */
  addAccount(
    manager: string,
    accountName: string,
    locations: Array<{ title: string; locality: string }>,
  ): FakeLocation[] {
    const accountId = this.id();
    this.accounts.set(accountId, { name: `accounts/${accountId}`, accountName, managers: [manager] });
    return locations.map(({ title, locality }) => {
      const location = { id: this.id(), title, locality, managers: [manager], accountId };
      this.locations.set(location.id, location);
      return location;
    });
  }

  addReview(
    location: FakeLocation,
    review: { by: string; stars: FakeReview['starRating']; comment?: string; at: Date; anonymous?: boolean },
  ): FakeReview {
    const reviewId = `AbFvOq${this.id()}`;
    const stored: FakeReview = {
      name: `accounts/${location.accountId}/locations/${location.id}/reviews/${reviewId}`,
      reviewId,
      reviewer: {
        displayName: review.by,
        profilePhotoUrl: `https://lh3.googleusercontent.example/${reviewId}`,
        isAnonymous: review.anonymous ?? false,
      },
      starRating: review.stars,
      ...(review.comment ? { comment: review.comment } : {}),
      createTime: review.at.toISOString(),
      updateTime: review.at.toISOString(),
    };
    this.reviews.set(stored.name, stored);
    return stored;
  }

  protected errorBody(status: number, message: string): unknown {
    return { error: { code: status, message, status: STATUS_NAMES[status] ?? 'UNKNOWN' } };
  }

  // Google's quotas are per minute (per project, and for local posts per location) and its 429 names no reset.
  protected override limitedKey(request: SeenRequest): string | null {
    if (request.method !== 'POST') return null;
    return /^\/v4\/(accounts\/\d+\/locations\/\d+)\/localPosts$/.exec(request.path)?.[1] ?? null;
  }

  protected override limitBody(): unknown {
    return this.errorBody(
      429,
      "Quota exceeded for quota metric 'Write requests' and limit 'Write requests per minute' of service 'mybusiness.googleapis.com'.",
    );
  }

  private id(): string {
    this.nextId += 1n;
    return String(this.nextId);
  }

  private error(status: number, message: string, details?: unknown[]): Answer {
    return {
      status,
      body: {
        error: {
          code: status,
          message,
          status: STATUS_NAMES[status] ?? 'UNKNOWN',
          ...(details ? { details } : {}),
        },
      },
    };
  }

  private invalid(field: string, message: string): Answer {
    return this.error(400, 'Request contains an invalid argument.', [
      {
        '@type': 'type.googleapis.com/google.mybusiness.v4.ValidationError',
        errorDetails: [{ code: 3, field, message }],
      },
    ]);
  }

  protected async route(request: SeenRequest, incoming: IncomingMessage): Promise<Answer> {
    const grant = this.grantOf(incoming);
    if (typeof grant === 'string') {
      return this.error(
        401,
        'Request had invalid authentication credentials. Expected OAuth 2 access token, login cookie or other valid authentication credential. See https://developers.google.com/identity/sign-in/web/devconsole-project.',
      );
    }
    if (!grant.scopes.includes(SCOPE))
      return this.error(403, 'Request had insufficient authentication scopes.');
    const { method, path, query } = request;
    if (method === 'GET' && path === '/v1/accounts') {
      const mine = [...this.accounts.values()].filter((account) => account.managers.includes(grant.subject));
      return {
        status: 200,
        body: this.page(
          mine.map((account) => ({ ...account, type: 'LOCATION_GROUP', role: 'OWNER', managers: undefined })),
          'accounts',
          query,
        ),
      };
    }
    const accountLocations = /^\/v1\/accounts\/(\d+)\/locations$/.exec(path);
    if (method === 'GET' && accountLocations) {
      if (!query.get('readMask'))
        return this.error(400, "Request contains an invalid argument. The 'read_mask' field is required.");
      const account = this.accounts.get(accountLocations[1] ?? '');
      if (!account?.managers.includes(grant.subject))
        return this.error(403, 'The caller does not have permission');
      const listed = [...this.locations.values()]
        .filter((location) => location.accountId === accountLocations[1])
        .map((location) => this.locationJson(location));
      return { status: 200, body: this.page(listed, 'locations', query) };
    }
    const oneLocation = /^\/v1\/locations\/(\d+)$/.exec(path);
    if (method === 'GET' && oneLocation) {
      if (!query.get('readMask'))
        return this.error(400, "Request contains an invalid argument. The 'read_mask' field is required.");
      const location = this.locations.get(oneLocation[1] ?? '');
      if (!location) return this.error(404, 'Requested entity was not found.');
      if (!location.managers.includes(grant.subject))
        return this.error(403, 'The caller does not have permission');
      return { status: 200, body: this.locationJson(location) };
    }
    const v4 =
      /^\/v4\/accounts\/(\d+)\/locations\/(\d+)\/(localPosts|localPosts:reportInsights|reviews)$/.exec(path);
    const reply = /^\/v4\/(accounts\/(\d+)\/locations\/(\d+)\/reviews\/[^/]+)\/reply$/.exec(path);
    const locationId = v4?.[2] ?? reply?.[3];
    const accountId = v4?.[1] ?? reply?.[2];
    if (locationId && accountId) {
      const location = this.locations.get(locationId);
      if (!location || location.accountId !== accountId)
        return this.error(404, 'Requested entity was not found.');
      if (!location.managers.includes(grant.subject))
        return this.error(403, 'The caller does not have permission');
      if (method === 'POST' && v4?.[3] === 'localPosts')
        return this.createPost(grant, location, request.json);
      if (method === 'POST' && v4?.[3] === 'localPosts:reportInsights')
        return this.reportInsights(location, request.json);
      if (method === 'GET' && v4?.[3] === 'reviews') return this.listReviews(location, query);
      if (method === 'PUT' && reply) {
        const review = this.reviews.get(reply[1] ?? '');
        if (!review) return this.error(404, 'Requested entity was not found.');
        const comment = (request.json as { comment?: unknown } | null)?.comment;
        if (typeof comment !== 'string' || comment.trim() === '')
          return this.invalid('comment', 'Reply comment is required');
        if (Buffer.byteLength(comment) > 4096)
          return this.invalid('comment', 'Reply comment is too long (maximum 4096 bytes)');
        review.reviewReply = { comment, updateTime: new Date().toISOString() };
        return { status: 200, body: review.reviewReply };
      }
    }
    return this.error(404, 'Requested entity was not found.');
  }

  private createPost(_grant: Grant, location: FakeLocation, json: unknown): Answer {
    const body = (json ?? {}) as Record<string, unknown>;
    const summary = typeof body.summary === 'string' ? body.summary : '';
    if ([...summary].length > 1500)
      return this.invalid('summary', 'Summary is too long (maximum 1500 characters)');
    const topicType = typeof body.topicType === 'string' ? body.topicType : 'STANDARD';
    if (topicType === 'STANDARD' && summary.trim() === '' && !Array.isArray(body.media))
      return this.invalid('summary', 'Summary is required');
    const cta = body.callToAction as { actionType?: string; url?: string } | undefined;
    if (cta && !CALL_TO_ACTIONS.has(cta.actionType ?? ''))
      return this.invalid('call_to_action.action_type', 'Invalid action type');
    if (cta && cta.actionType !== 'CALL' && !/^https?:\/\//.test(cta.url ?? ''))
      return this.invalid('call_to_action.url', 'Invalid url');
    const media = Array.isArray(body.media)
      ? (body.media as Array<{ mediaFormat?: string; sourceUrl?: string }>)
      : [];
    for (const item of media) {
      if (item.mediaFormat !== 'PHOTO' && item.mediaFormat !== 'VIDEO')
        return this.invalid('media.media_format', 'Invalid media format');
      if (!/^https:\/\//.test(item.sourceUrl ?? ''))
        return this.invalid('media.source_url', 'Google could not fetch the media at source_url');
    }
    const post: FakeLocalPost = {
      name: `accounts/${location.accountId}/locations/${location.id}/localPosts/${this.id()}`,
      summary,
      topicType,
      callToAction: cta ? { actionType: cta.actionType ?? '', ...(cta.url ? { url: cta.url } : {}) } : null,
      media: media.map((item) => ({ mediaFormat: item.mediaFormat ?? '', sourceUrl: item.sourceUrl ?? '' })),
      createTime: new Date().toISOString(),
    };
    this.posts.set(post.name, post);
    return {
      status: 200,
      body: {
        ...post,
        languageCode: 'en',
        updateTime: post.createTime,
        state: 'LIVE',
        searchUrl: `https://local.google.example/place?id=${location.id}&use=posts&lpsid=${post.name.split('/').at(-1)}`,
      },
    };
  }

  private reportInsights(location: FakeLocation, json: unknown): Answer {
    const body = (json ?? {}) as {
      localPostNames?: string[];
      basicRequest?: {
        metricRequests?: Array<{ metric?: string }>;
        timeRange?: { startTime?: string; endTime?: string };
      };
    };
    const names = body.localPostNames ?? [];
    if (names.length === 0)
      return this.invalid('local_post_names', 'At least one local post name is required');
    const range = body.basicRequest?.timeRange;
    if (
      !range?.startTime ||
      !range.endTime ||
      Number.isNaN(Date.parse(range.startTime)) ||
      Date.parse(range.startTime) >= Date.parse(range.endTime)
    ) {
      return this.invalid('basic_request.time_range', 'Invalid time range');
    }
    const wanted = (body.basicRequest?.metricRequests ?? []).map((request) => request.metric ?? '');
    const localPostMetrics = names.flatMap((name) => {
      const post = this.posts.get(name);
      if (!post || !name.startsWith(`accounts/${location.accountId}/locations/${location.id}/`)) return [];
      const figures = this.insights.get(name) ?? { views: 0, actions: 0 };
      const values: Record<string, number> = {
        LOCAL_POST_VIEWS_SEARCH: figures.views,
        LOCAL_POST_ACTIONS_CALL_TO_ACTION: figures.actions,
      };
      return [
        {
          localPostName: name,
          metricValues: wanted
            .filter((metric) => metric in values)
            .map((metric) => ({
              metric,
              totalValue: {
                metricOption: 'AGGREGATED_TOTAL',
                timeDimension: { timeRange: range },
                value: String(values[metric]),
              },
            })),
        },
      ];
    });
    return {
      status: 200,
      body: {
        name: `accounts/${location.accountId}/locations/${location.id}`,
        localPostMetrics,
        timeZone: 'Europe/London',
      },
    };
  }

  private listReviews(location: FakeLocation, query: URLSearchParams): Answer {
    const all = [...this.reviews.values()]
      .filter((review) => review.name.startsWith(`accounts/${location.accountId}/locations/${location.id}/`))
      .sort((a, b) => Date.parse(b.updateTime) - Date.parse(a.updateTime));
    const size = Math.min(Number(query.get('pageSize') ?? 50), 50, this.pageSize);
    const start = Number(query.get('pageToken') ?? 0);
    const reviews = all.slice(start, start + size);
    const stars = { ONE: 1, TWO: 2, THREE: 3, FOUR: 4, FIVE: 5 };
    const average =
      all.length === 0 ? 0 : all.reduce((sum, review) => sum + stars[review.starRating], 0) / all.length;
    return {
      status: 200,
      body: {
        reviews,
        averageRating: average,
        totalReviewCount: all.length,
        ...(start + size < all.length ? { nextPageToken: String(start + size) } : {}),
      },
    };
  }

  private page(items: unknown[], field: string, query: URLSearchParams) {
    const size = Math.min(Number(query.get('pageSize') ?? 20), this.pageSize);
    const start = Number(query.get('pageToken') ?? 0);
    return {
      [field]: items.slice(start, start + size),
      ...(start + size < items.length ? { nextPageToken: String(start + size) } : {}),
    };
  }

  private locationJson(location: FakeLocation) {
    return {
      name: `locations/${location.id}`,
      title: location.title,
      storefrontAddress: { regionCode: 'GB', locality: location.locality, addressLines: ['1 High Street'] },
      metadata: {
        mapsUri: `https://maps.google.example/maps?cid=${location.id}`,
        newReviewUri: `https://search.google.example/local/writereview?placeid=${location.id}`,
      },
    };
  }
}

const STATUS_NAMES: Record<number, string> = {
  400: 'INVALID_ARGUMENT',
  401: 'UNAUTHENTICATED',
  403: 'PERMISSION_DENIED',
  404: 'NOT_FOUND',
  429: 'RESOURCE_EXHAUSTED',
  500: 'INTERNAL',
  503: 'UNAVAILABLE',
};
