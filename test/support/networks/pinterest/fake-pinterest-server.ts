import type { IncomingMessage } from 'node:http';
import { type Answer, FakeNetworkServer, type Grant, type SeenRequest } from '../fake-network-server.js';

// Pinterest's REST API v5 as its reference documents it (developers.pinterest.com/docs/api/v5/): OAuth 2 at
// /v5/oauth/token with the app's credentials as HTTP Basic, GET /v5/user_account, boards (bookmark paging),
// POST /v5/pins with a media source (image_url, image_base64, multiple_image_urls, multiple_image_base64,
// video_id), a video's upload (POST /v5/media, the file to an S3 bucket with the POST policy's fields, GET
// /v5/media/{id} while it processes), and Pin analytics. Errors answer `{ code, message }` in Pinterest's wording; every answer carries the
// X-RateLimit-* window, and a 429 says when it resets (seconds).

export interface FakeUser {
  username: string;
  business_name: string | null;
  profile_image: string;
  boards: FakeBoard[];
}

export interface FakeBoard {
  id: string;
  name: string;
  privacy: 'PUBLIC' | 'SECRET';
  owner: string;
}

export interface FakePin {
  id: string;
  board_id: string;
  title: string | null;
  description: string;
  link: string | null;
  alt_text: string | null;
  media_source: Record<string, unknown>;
  /** The images the Pin shows: fetched URLs or decoded bytes. */
  images: Array<{ url: string } | { bytes: Buffer; contentType: string }>;
  created_at: string;
}

/** A video registered with POST /v5/media, its upload, and where processing is. */
export interface FakeMediaUpload {
  media_id: string;
  owner: string;
  status: 'registered' | 'processing' | 'succeeded' | 'failed';
  /** As the bucket received it; null until the upload. */
  bytes: Buffer | null;
  contentType: string | null;
  /** What each later GET reports, in turn (the last repeats). */
  processing: Array<'processing' | 'succeeded' | 'failed'>;
  /** The upload's headers as the bucket saw them (the body's length must be declared). */
  uploadHeaders: IncomingMessage['headers'] | null;
}

const RATE_LIMIT = 1000;
/** The S3 POST policy's fields Pinterest hands out (values are opaque here). */
const UPLOAD_FIELDS = [
  'x-amz-date',
  'x-amz-signature',
  'x-amz-security-token',
  'x-amz-algorithm',
  'key',
  'policy',
  'x-amz-credential',
  'Content-Type',
];
const IMAGE_TYPES = new Set(['image/jpeg', 'image/png']);

export class FakePinterestServer extends FakeNetworkServer {
  readonly users = new Map<string, FakeUser>();
  readonly pins = new Map<string, FakePin>();
  readonly analytics = new Map<string, Record<string, number>>();
  readonly uploads = new Map<string, FakeMediaUpload>();
  /** After the file reaches the bucket, then on each GET /v5/media/{id}: processing, then succeeded. */
  videoProcessing: Array<'processing' | 'succeeded' | 'failed'> = ['processing', 'processing', 'succeeded'];
  /** Boards per page of GET /v5/boards (Pinterest's default is 25). */
  boardPageSize = 25;
  private nextId = 1_090_000_000_000_000_000n;
  protected readonly tokenPath = '/v5/oauth/token';
  protected readonly authorizePath = '/oauth/';
  protected readonly clientAuth = 'basic' as const;

  static async start(): Promise<FakePinterestServer> {
    const fake = new FakePinterestServer();
    await fake.listen();
    fake.accessTokenSeconds = 30 * 24 * 3600;
    return fake;
  }

  addUser(username: string, boardNames: string[], businessName: string | null = null): FakeUser {
    const user: FakeUser = {
      username,
      business_name: businessName,
      profile_image: `https://i.pinimg.example/75x75_RS/${username}.jpg`,
      boards: [],
    };
    for (const name of boardNames)
      user.boards.push({ id: this.id(), name, privacy: 'PUBLIC', owner: username });
    this.users.set(username, user);
    return user;
  }

  protected errorBody(status: number, message: string): unknown {
    return { code: status === 429 ? 8 : status >= 500 ? 0 : 1, message };
  }

  protected override commonHeaders(): Record<string, string> {
    return { 'x-ratelimit-limit': String(RATE_LIMIT), 'x-ratelimit-remaining': String(RATE_LIMIT - 1) };
  }

  /** Pinterest's OAuth errors use its own `{ code, message }`. */
  protected override tokenError(status: number, error: string, description: string): Answer {
    return { status, body: { code: error === 'invalid_client' ? 2 : 1, message: description } };
  }

  protected override tokenAnswer(
    tokens: { access_token: string; refresh_token: string; expires_in: number },
    scopes: string[],
  ): unknown {
    return {
      ...tokens,
      token_type: 'bearer',
      response_type: 'authorization_code',
      refresh_token_expires_in: 365 * 24 * 3600,
      scope: scopes.join(','),
    };
  }

  private id(): string {
    this.nextId += 1n;
    return String(this.nextId);
  }

  private error(status: number, code: number, message: string): Answer {
    return { status, body: { code, message } };
  }

  protected async route(request: SeenRequest, incoming: IncomingMessage): Promise<Answer> {
    // The S3 bucket a video goes to: no bearer token, the policy's signature instead.
    if (request.method === 'POST' && request.path === '/media-upload/') return this.bucket(request);
    const grant = this.grantOf(incoming);
    if (typeof grant === 'string') return this.error(401, 2, 'Authentication failed.');
    const user = this.users.get(grant.subject);
    if (!user) return this.error(401, 2, 'Authentication failed.');
    const { method, path } = request;
    if (method === 'GET' && path === '/v5/user_account') {
      if (!grant.scopes.includes('user_accounts:read')) return this.scope('user_accounts:read');
      return {
        status: 200,
        body: {
          account_type: user.business_name ? 'BUSINESS' : 'PINNER',
          username: user.username,
          ...(user.business_name ? { business_name: user.business_name } : {}),
          profile_image: user.profile_image,
          website_url: null,
        },
      };
    }
    if (method === 'GET' && path === '/v5/boards') {
      if (!grant.scopes.includes('boards:read')) return this.scope('boards:read');
      const size = Math.min(Number(request.query.get('page_size') ?? this.boardPageSize), this.boardPageSize);
      const start = Number(request.query.get('bookmark') ?? 0);
      const items = user.boards.slice(start, start + size).map((board) => this.boardJson(board));
      const more = start + size < user.boards.length;
      return { status: 200, body: { items, bookmark: more ? String(start + size) : null } };
    }
    const boardMatch = /^\/v5\/boards\/([^/]+)$/.exec(path);
    if (method === 'GET' && boardMatch) {
      if (!grant.scopes.includes('boards:read')) return this.scope('boards:read');
      const board = user.boards.find((candidate) => candidate.id === boardMatch[1]);
      if (!board) return this.error(404, 3, 'Board not found.');
      return { status: 200, body: this.boardJson(board) };
    }
    if (method === 'POST' && path === '/v5/media') {
      if (!grant.scopes.includes('pins:write')) return this.scope('pins:write');
      const type = (request.json as { media_type?: unknown } | null)?.media_type;
      if (type !== 'video') return this.error(400, 1, "Invalid parameters: 'media_type' must be 'video'");
      const upload: FakeMediaUpload = {
        media_id: this.id(),
        owner: user.username,
        status: 'registered',
        bytes: null,
        contentType: null,
        processing: [...this.videoProcessing],
        uploadHeaders: null,
      };
      this.uploads.set(upload.media_id, upload);
      return {
        status: 201,
        body: {
          media_id: upload.media_id,
          media_type: 'video',
          upload_url: `${this.url}/media-upload/`,
          upload_parameters: Object.fromEntries(
            UPLOAD_FIELDS.map((field) => [
              field,
              field === 'key'
                ? `uploads/${upload.media_id}`
                : field === 'Content-Type'
                  ? 'multipart/form-data'
                  : `${field}-value`,
            ]),
          ),
        },
      };
    }
    const mediaMatch = /^\/v5\/media\/([^/]+)$/.exec(path);
    if (method === 'GET' && mediaMatch) {
      const upload = this.uploads.get(mediaMatch[1] ?? '');
      if (!upload || upload.owner !== user.username) return this.error(404, 4, 'Media not found.');
      if (upload.status === 'processing') {
        upload.status =
          (upload.processing.length > 1 ? upload.processing.shift() : upload.processing[0]) ?? 'succeeded';
      }
      return { status: 200, body: { media_id: upload.media_id, media_type: 'video', status: upload.status } };
    }
    if (method === 'POST' && path === '/v5/pins') return this.createPin(grant, user, request.json);
    const analytics = /^\/v5\/pins\/([^/]+)\/analytics$/.exec(path);
    if (method === 'GET' && analytics) {
      if (!grant.scopes.includes('pins:read')) return this.scope('pins:read');
      const pin = this.pins.get(analytics[1] ?? '');
      if (!pin || !user.boards.some((board) => board.id === pin.board_id))
        return this.error(404, 50, 'Pin not found.');
      const start = request.query.get('start_date') ?? '';
      const end = request.query.get('end_date') ?? '';
      const types = (request.query.get('metric_types') ?? '').split(',').filter(Boolean);
      if (!/^\d{4}-\d{2}-\d{2}$/.test(start) || !/^\d{4}-\d{2}-\d{2}$/.test(end) || types.length === 0) {
        return this.error(400, 1, 'Invalid parameters: start_date, end_date and metric_types are required.');
      }
      if (Date.parse(start) < Date.now() - 90 * 86_400_000) {
        return this.error(400, 1, 'Invalid parameters: start_date cannot be more than 90 days ago.');
      }
      const figures = this.analytics.get(pin.id) ?? {};
      const summary = Object.fromEntries(types.map((type) => [type, figures[type] ?? 0]));
      return {
        status: 200,
        body: { all: { daily_metrics: [], lifetime_metrics: summary, summary_metrics: summary } },
      };
    }
    return this.error(404, 404, `Not found: ${method} ${path}`);
  }

  private createPin(grant: Grant, user: FakeUser, json: unknown): Answer {
    if (!grant.scopes.includes('pins:write')) return this.scope('pins:write');
    const body = (json ?? {}) as Record<string, unknown>;
    const boardId = typeof body.board_id === 'string' ? body.board_id : '';
    if (!boardId) return this.error(400, 1, "Invalid parameters: 'board_id' is a required property");
    if (!user.boards.some((board) => board.id === boardId)) return this.error(404, 3, 'Board not found.');
    for (const [field, limit] of [
      ['title', 100],
      ['description', 500],
      ['alt_text', 500],
    ] as const) {
      const value = body[field];
      if (typeof value === 'string' && [...value].length > limit) {
        return this.error(400, 1, `Invalid parameters: '${field}' is too long (maximum ${limit} characters)`);
      }
    }
    const link = typeof body.link === 'string' ? body.link : null;
    if (link && !/^https?:\/\//.test(link))
      return this.error(400, 1, 'Invalid parameters: link must be a valid URL');
    const source = body.media_source as Record<string, unknown> | undefined;
    if (!source) return this.error(400, 1, "Invalid parameters: 'media_source' is a required property");
    const images: FakePin['images'] = [];
    const base64 = (item: Record<string, unknown>): Answer | null => {
      const type = String(item.content_type ?? '');
      if (!IMAGE_TYPES.has(type))
        return this.error(400, 1, `Invalid parameters: content_type must be one of image/jpeg, image/png`);
      const bytes = Buffer.from(String(item.data ?? ''), 'base64');
      if (bytes.length === 0) return this.error(400, 1, 'Invalid parameters: data is empty');
      images.push({ bytes, contentType: type });
      return null;
    };
    const url = (value: unknown): Answer | null => {
      if (typeof value !== 'string' || !/^https?:\/\//.test(value))
        return this.error(400, 1, 'Invalid parameters: url must be a valid URL');
      images.push({ url: value });
      return null;
    };
    const items = Array.isArray(source.items) ? (source.items as Array<Record<string, unknown>>) : [];
    let problem: Answer | null = null;
    switch (source.source_type) {
      case 'image_url':
        problem = url(source.url);
        break;
      case 'image_base64':
        problem = base64(source);
        break;
      case 'multiple_image_urls':
      case 'multiple_image_base64':
        if (items.length < 2 || items.length > 5)
          return this.error(400, 1, 'Invalid parameters: a carousel has 2 to 5 images');
        for (const item of items) {
          problem = source.source_type === 'multiple_image_urls' ? url(item.url) : base64(item);
          if (problem) break;
        }
        break;
      case 'video_id': {
        const upload = this.uploads.get(String(source.media_id ?? ''));
        if (!upload || upload.owner !== user.username)
          return this.error(400, 1, 'Invalid parameters: media_id is not a media of this user');
        if (upload.status !== 'succeeded')
          return this.error(
            400,
            1,
            `Invalid parameters: media ${upload.media_id} is ${upload.status}, not succeeded`,
          );
        if (source.cover_image_url === undefined && source.cover_image_key_frame_time === undefined) {
          return this.error(
            400,
            1,
            'Invalid parameters: one of cover_image_url or cover_image_key_frame_time is required',
          );
        }
        break;
      }
      default:
        return this.error(
          400,
          1,
          `Invalid parameters: unknown media_source.source_type ${String(source.source_type)}`,
        );
    }
    if (problem) return problem;
    const pin: FakePin = {
      id: this.id(),
      board_id: boardId,
      title: typeof body.title === 'string' ? body.title : null,
      description: typeof body.description === 'string' ? body.description : '',
      link,
      alt_text: typeof body.alt_text === 'string' ? body.alt_text : null,
      media_source: source,
      images,
      created_at: new Date().toISOString().slice(0, 19),
    };
    this.pins.set(pin.id, pin);
    return {
      status: 201,
      body: {
        id: pin.id,
        created_at: pin.created_at,
        board_id: pin.board_id,
        title: pin.title,
        description: pin.description,
        link: pin.link,
        alt_text: pin.alt_text,
        media: {
          media_type:
            source.source_type === 'video_id' ? 'video' : images.length > 1 ? 'multiple_images' : 'image',
        },
      },
    };
  }

  /** An S3 POST-policy upload: every policy field, then `file` last; S3 answers 204 and XML errors. */
  private async bucket(request: SeenRequest): Promise<Answer> {
    const s3Error = (status: number, code: string, message: string): Answer => ({
      status,
      headers: { 'content-type': 'application/xml' },
      body: `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>${message}</Message></Error>`,
    });
    if (request.headers['transfer-encoding'] || request.headers['content-length'] === undefined) {
      return s3Error(411, 'MissingContentLength', 'You must provide the Content-Length HTTP header.');
    }
    const contentType = String(request.headers['content-type'] ?? '');
    const form = await new Request(this.url, {
      method: 'POST',
      headers: { 'content-type': contentType },
      body: new Uint8Array(request.raw),
    })
      .formData()
      .catch(() => null);
    if (!form)
      return s3Error(
        400,
        'MalformedPOSTRequest',
        'The body of your POST request is not well-formed multipart/form-data.',
      );
    const names = [...form.keys()];
    const missing = UPLOAD_FIELDS.find((field) => !form.has(field));
    if (missing)
      return s3Error(
        403,
        'AccessDenied',
        `Invalid according to Policy: Policy Condition failed: ["eq", "$${missing}", ...]`,
      );
    if (names.at(-1) !== 'file')
      return s3Error(400, 'InvalidArgument', 'POST requires exactly one file upload per request.');
    const upload = this.uploads.get(String(form.get('key')).replace(/^uploads\//, ''));
    const file = form.get('file');
    if (!upload || !(file instanceof Blob)) return s3Error(403, 'AccessDenied', 'Access Denied');
    upload.bytes = Buffer.from(await file.arrayBuffer());
    upload.contentType = file.type;
    upload.uploadHeaders = request.headers;
    const [first, ...rest] = upload.processing;
    upload.status = first === 'failed' ? 'failed' : 'processing';
    upload.processing = first === 'processing' ? rest : upload.processing;
    return { status: 204 };
  }

  private scope(scope: string): Answer {
    return this.error(403, 29, `You are not permitted to access that resource. Missing scope: ${scope}`);
  }

  private boardJson(board: FakeBoard) {
    return {
      id: board.id,
      name: board.name,
      description: '',
      privacy: board.privacy,
      owner: { username: board.owner },
      media: { image_cover_url: `https://i.pinimg.example/400x300/${board.id}.jpg`, pin_thumbnail_urls: [] },
    };
  }
}
