import type { IncomingMessage } from 'node:http';
import { type Answer, FakeNetworkServer, type Grant, type SeenRequest } from '../fake-network-server.js';

// LinkedIn as its API reference documents it (learn.microsoft.com/linkedin/): OAuth 2 at
// /oauth/v2/accessToken (client credentials in the form), OpenID `/v2/userinfo`, and the versioned /rest API
// (`LinkedIn-Version`, `X-Restli-Protocol-Version: 2.0.0`): organizationAcls, organizations, the Images API
// (initializeUpload, then a PUT of the bytes), the Videos API (initializeUpload with the file's size, a PUT
// per part whose ETag finalizeUpload names, then PROCESSING until AVAILABLE or PROCESSING_FAILED), Posts (the id in `x-restli-id`), socialActions comments and
// organizationalEntityShareStatistics. Errors are `{ status, serviceErrorCode, code, message }` in
// LinkedIn's wording; commentary is read in the "little" text format, cut at an unescaped reserved character
// as LinkedIn does.

export interface FakeMember {
  sub: string;
  name: string;
  picture: string;
}

export interface FakeOrganization {
  id: number;
  localizedName: string;
  vanityName: string;
  /** Member URNs and their role on the Page. */
  roles: Map<string, string>;
}

export interface FakePost {
  urn: string;
  author: string;
  /** As sent. */
  commentary: string;
  /** As LinkedIn shows it once the little format is read. */
  shownText: string;
  images: string[];
  altTexts: string[];
  /** A video post's video URN. */
  video: string | null;
  createdAt: number;
}

/** A video of the Videos API, as its upload and processing go. */
export interface FakeVideo {
  urn: string;
  owner: string;
  size: number;
  parts: Array<{ firstByte: number; lastByte: number; bytes: Buffer | null; etag: string | null }>;
  status: 'WAITING_UPLOAD' | 'PROCESSING' | 'AVAILABLE' | 'PROCESSING_FAILED';
  /** What each later GET reports, in turn (the last repeats). */
  processing: Array<FakeVideo['status']>;
  processingFailureReason: string | null;
}

export interface FakeComment {
  id: string;
  urn: string;
  actor: string;
  object: string;
  parentComment: string | null;
  text: string;
  createdAt: number;
}

/** The versions this fake answers (a year of monthly versions, as LinkedIn keeps them). */
const ACTIVE_VERSION = /^2026(0[1-9]|1[0-2])$|^2025(0[6-9]|1[0-2])$/;
const RESERVED = new Set(['\\', '|', '{', '}', '@', '[', ']', '(', ')', '<', '>', '#', '*', '_', '~']);

export class FakeLinkedInServer extends FakeNetworkServer {
  readonly members = new Map<string, FakeMember>();
  readonly organizations = new Map<number, FakeOrganization>();
  readonly posts = new Map<string, FakePost>();
  readonly comments: FakeComment[] = [];
  /** Uploaded images: urn → bytes (null until the PUT arrives). */
  readonly images = new Map<string, { owner: string; bytes: Buffer | null; contentType: string | null }>();
  readonly statistics = new Map<string, Record<string, number>>();
  /** Videos: urn → upload and processing state. */
  readonly videos = new Map<string, FakeVideo>();
  /** The part size of upload instructions (LinkedIn's is 4 MiB; tests make it small). */
  videoPartBytes = 4 * 1024 * 1024;
  /** After finalizeUpload, then on each GET, in turn: processing, processing, then available. */
  videoProcessing: Array<FakeVideo['status']> = ['PROCESSING', 'PROCESSING', 'AVAILABLE'];
  /** Why processing failed, when a test scripts PROCESSING_FAILED. */
  videoFailureReason = 'Video format is not supported';
  private nextId = 7_100_000_000_000_000_000n;
  protected readonly tokenPath = '/oauth/v2/accessToken';
  protected readonly authorizePath = '/oauth/v2/authorization';
  protected readonly clientAuth = 'body' as const;

  static async start(): Promise<FakeLinkedInServer> {
    const fake = new FakeLinkedInServer();
    await fake.listen();
    fake.accessTokenSeconds = 60 * 24 * 3600;
    return fake;
  }

  addMember(name: string): { member: FakeMember; urn: string } {
    const sub = `m${this.id().slice(-10)}`;
    const member = { sub, name, picture: `https://media.licdn.example/${sub}.jpg` };
    this.members.set(sub, member);
    return { member, urn: `urn:li:person:${sub}` };
  }

  addOrganization(name: string, vanityName: string, admins: Record<string, string>): FakeOrganization {
    const org: FakeOrganization = {
      id: Number(this.id().slice(-8)),
      localizedName: name,
      vanityName,
      roles: new Map(Object.entries(admins)),
    };
    this.organizations.set(org.id, org);
    return org;
  }

  /** Someone comments on a post (or on a comment of it). */
  addComment(
    actor: string,
    postUrn: string,
    text: string,
    parentComment: string | null = null,
    at = Date.now(),
  ): FakeComment {
    const id = this.id();
    const comment = {
      id,
      urn: `urn:li:comment:(${postUrn},${id})`,
      actor,
      object: postUrn,
      parentComment,
      text,
      createdAt: at,
    };
    this.comments.push(comment);
    return comment;
  }

  protected errorBody(status: number, message: string): unknown {
    return { status, message };
  }

  // LinkedIn counts posts per member per day (reset at midnight UTC) and says nothing of the reset in its 429.
  protected override limitedKey(request: SeenRequest, incoming: IncomingMessage): string | null {
    if (request.method !== 'POST' || request.path !== '/rest/posts') return null;
    const grant = this.grantOf(incoming);
    return typeof grant === 'string' ? null : grant.subject;
  }

  protected override limitBody(): unknown {
    return {
      status: 429,
      message: 'Resource level throttle MEMBER DAY limit for calls to this resource is reached.',
    };
  }

  private id(): string {
    this.nextId += 1n;
    return String(this.nextId);
  }

  private error(status: number, message: string, code?: string, serviceErrorCode?: number): Answer {
    return {
      status,
      body: { status, message, ...(code ? { code } : {}), ...(serviceErrorCode ? { serviceErrorCode } : {}) },
    };
  }

  protected async route(request: SeenRequest, incoming: IncomingMessage): Promise<Answer> {
    const { method, path } = request;
    // A video's part: its own address per part; the answer's ETag names it in finalizeUpload.
    const videoPart = /^\/dms-uploads\/video\/([^/]+)\/(\d+)$/.exec(path);
    if (method === 'PUT' && videoPart)
      return this.putVideoPart(request, videoPart[1] ?? '', Number(videoPart[2]));
    // The upload address LinkedIn hands out: the bytes go there with the member's token.
    const upload = /^\/dms-uploads\/(.+)$/.exec(path);
    if (method === 'PUT' && upload) {
      const grant = this.grantOf(incoming);
      if (typeof grant === 'string') return this.unauthorized(grant);
      const image = this.images.get(decodeURIComponent(upload[1] ?? ''));
      if (!image) return this.error(404, 'Upload URL not found or expired');
      image.bytes = request.raw;
      image.contentType = request.headers['content-type'] ?? null;
      return { status: 201 };
    }
    const grant = this.grantOf(incoming);
    if (typeof grant === 'string') return this.unauthorized(grant);
    if (method === 'GET' && path === '/v2/userinfo') {
      if (!grant.scopes.includes('openid'))
        return this.error(
          403,
          'Not enough permissions to access: userinfo.GET.NO_VERSION',
          'ACCESS_DENIED',
          100,
        );
      const member = this.members.get(grant.subject);
      if (!member) return this.error(404, 'Member not found');
      const [given, ...family] = member.name.split(' ');
      return {
        status: 200,
        body: {
          sub: member.sub,
          name: member.name,
          given_name: given,
          family_name: family.join(' '),
          picture: member.picture,
          locale: { country: 'US', language: 'en' },
        },
      };
    }
    if (!path.startsWith('/rest/')) return this.error(404, `No resource found for ${path}`);
    const version = request.headers['linkedin-version'];
    if (typeof version !== 'string' || !/^\d{6}$/.test(version)) {
      return this.error(
        400,
        'A version must be present. Please specify a version by adding the LinkedIn-Version header.',
        'VERSION_MISSING',
      );
    }
    if (!ACTIVE_VERSION.test(version))
      return this.error(426, `Requested version ${version} is not active`, 'NONEXISTENT_VERSION');
    if (request.headers['x-restli-protocol-version'] !== '2.0.0') {
      return this.error(400, 'Rest.li protocol version 2.0.0 is required', 'ILLEGAL_ARGUMENT');
    }
    const me = `urn:li:person:${grant.subject}`;
    const rest = path.slice('/rest'.length);
    if (method === 'GET' && rest === '/organizationAcls') {
      if (!grant.scopes.includes('rw_organization_admin'))
        return this.denied('organizationAcls.FINDER-roleAssignee');
      const elements = [...this.organizations.values()].flatMap((org) => {
        const role = org.roles.get(me);
        return role
          ? [{ organization: `urn:li:organization:${org.id}`, role, state: 'APPROVED', roleAssignee: me }]
          : [];
      });
      return { status: 200, body: { paging: { count: 100, start: 0, total: elements.length }, elements } };
    }
    const orgMatch = /^\/organizations\/(\d+)$/.exec(rest);
    if (method === 'GET' && orgMatch) {
      const org = this.organizations.get(Number(orgMatch[1]));
      if (!org) return this.error(404, `Organization ${orgMatch[1]} not found`);
      return {
        status: 200,
        body: { id: org.id, localizedName: org.localizedName, vanityName: org.vanityName },
      };
    }
    if (method === 'POST' && rest === '/images' && request.query.get('action') === 'initializeUpload') {
      const owner = (request.json as { initializeUploadRequest?: { owner?: string } } | null)
        ?.initializeUploadRequest?.owner;
      if (!owner)
        return this.error(
          422,
          'ERROR :: /initializeUploadRequest/owner :: field is required but not found and has no default value',
        );
      const denied = this.mayActAs(grant, owner);
      if (denied) return denied;
      const urn = `urn:li:image:C4E${this.id()}`;
      this.images.set(urn, { owner, bytes: null, contentType: null });
      return {
        status: 200,
        body: {
          value: {
            uploadUrlExpiresAt: Date.now() + 3_600_000,
            uploadUrl: `${this.url}/dms-uploads/${encodeURIComponent(urn)}`,
            image: urn,
          },
        },
      };
    }
    if (method === 'POST' && rest === '/videos' && request.query.get('action') === 'initializeUpload') {
      return this.initializeVideo(grant, request.json);
    }
    if (method === 'POST' && rest === '/videos' && request.query.get('action') === 'finalizeUpload') {
      return this.finalizeVideo(grant, request.json);
    }
    const videoMatch = /^\/videos\/([^/]+)$/.exec(rest);
    if (method === 'GET' && videoMatch) {
      const video = this.videos.get(decodeURIComponent(videoMatch[1] ?? ''));
      if (!video) return this.error(404, `Video ${videoMatch[1]} not found`);
      const denied = this.mayActAs(grant, video.owner);
      if (denied) return denied;
      if (video.status === 'PROCESSING') {
        video.status =
          (video.processing.length > 1 ? video.processing.shift() : video.processing[0]) ?? 'AVAILABLE';
        if (video.status === 'PROCESSING_FAILED') video.processingFailureReason = this.videoFailureReason;
      }
      return {
        status: 200,
        body: {
          id: video.urn,
          owner: video.owner,
          status: video.status,
          ...(video.status === 'PROCESSING_FAILED'
            ? { processingFailureReason: video.processingFailureReason }
            : {}),
        },
      };
    }
    if (method === 'POST' && rest === '/posts')
      return this.createPost(grant, request.json as Record<string, unknown> | null);
    if (method === 'GET' && rest === '/posts' && request.query.get('q') === 'author') {
      const author = request.query.get('author') ?? '';
      if (author.startsWith('urn:li:organization:') && !grant.scopes.includes('r_organization_social'))
        return this.denied('partnerApiPostsExternal.FINDER-author');
      const count = Number(request.query.get('count') ?? 10);
      const elements = [...this.posts.values()]
        .filter((post) => post.author === author)
        .sort((a, b) => b.createdAt - a.createdAt)
        .slice(0, count)
        .map((post) => ({
          id: post.urn,
          author: post.author,
          commentary: post.commentary,
          lifecycleState: 'PUBLISHED',
        }));
      return { status: 200, body: { paging: { count, start: 0 }, elements } };
    }
    if (method === 'GET' && rest === '/organizationalEntityShareStatistics') {
      const org = request.query.get('organizationalEntity') ?? '';
      if (!grant.scopes.includes('r_organization_social') || !this.isAdmin(me, org))
        return this.denied('organizationalEntityShareStatistics.FINDER-organizationalEntity');
      const list = request.query.get('shares') ?? request.query.get('ugcPosts') ?? '';
      const urns = /^List\((.*)\)$/.exec(list)?.[1]?.split(',').map(decodeURIComponent) ?? [];
      if (urns.length === 0)
        return this.error(400, 'Invalid query parameters passed to request', 'ILLEGAL_ARGUMENT');
      const elements = urns.flatMap((urn) => {
        const post = this.posts.get(urn);
        if (!post || post.author !== org) return [];
        return [
          {
            organizationalEntity: org,
            share: urn,
            totalShareStatistics: {
              uniqueImpressionsCount: 0,
              shareCount: 0,
              engagement: 0,
              clickCount: 0,
              likeCount: 0,
              impressionCount: 0,
              commentCount: 0,
              ...this.statistics.get(urn),
            },
          },
        ];
      });
      return { status: 200, body: { paging: { count: 10, start: 0 }, elements } };
    }
    const social = /^\/socialActions\/([^/]+)(\/comments)?$/.exec(rest);
    if (social) {
      const target = decodeURIComponent(social[1] ?? '');
      const post = this.postOf(target);
      if (!post) return this.error(404, `Not found: ${target}`);
      const isOrg = post.author.startsWith('urn:li:organization:');
      if (method === 'GET') {
        const readScope = isOrg ? 'r_organization_social' : 'r_member_social';
        if (!grant.scopes.includes(readScope)) return this.denied(`socialActions.GET`);
        const onPost = this.comments.filter((comment) => comment.object === post.urn);
        if (!social[2]) {
          return {
            status: 200,
            body: {
              target: post.urn,
              likesSummary: {
                totalLikes: this.statistics.get(post.urn)?.likeCount ?? 0,
                likedByCurrentUser: false,
              },
              commentsSummary: {
                aggregatedTotalComments: onPost.length,
                totalFirstLevelComments: onPost.filter((comment) => !comment.parentComment).length,
              },
            },
          };
        }
        const count = Number(request.query.get('count') ?? 10);
        return {
          status: 200,
          body: {
            paging: { count, start: 0, total: onPost.length },
            elements: onPost.slice(0, count).map((comment) => this.commentJson(comment)),
          },
        };
      }
      if (method === 'POST' && social[2]) {
        const body = (request.json ?? {}) as {
          actor?: string;
          object?: string;
          message?: { text?: string };
          parentComment?: string;
        };
        if (!body.actor)
          return this.error(
            422,
            'ERROR :: /actor :: field is required but not found and has no default value',
          );
        if (!body.message?.text)
          return this.error(
            422,
            'ERROR :: /message/text :: field is required but not found and has no default value',
          );
        const denied = this.mayActAs(grant, body.actor);
        if (denied) return denied;
        if (body.object !== post.urn)
          return this.error(
            400,
            `The object ${body.object ?? ''} does not match the target ${target}`,
            'ILLEGAL_ARGUMENT',
          );
        if ([...body.message.text].length > 1250)
          return this.error(422, 'ERROR :: /message/text :: length of 1251 exceeds the maximum allowed 1250');
        const parent = target.startsWith('urn:li:comment:') ? target : null;
        if (parent && body.parentComment !== parent)
          return this.error(400, 'parentComment must name the comment replied to', 'ILLEGAL_ARGUMENT');
        const comment = this.addComment(body.actor, post.urn, body.message.text, parent);
        return { status: 201, body: this.commentJson(comment), headers: { 'x-restli-id': comment.id } };
      }
    }
    return this.error(404, `No resource found for ${method} ${path}`);
  }

  private initializeVideo(grant: Grant, json: unknown): Answer {
    const ask = (json as { initializeUploadRequest?: { owner?: string; fileSizeBytes?: number } } | null)
      ?.initializeUploadRequest;
    if (!ask?.owner)
      return this.error(
        422,
        'ERROR :: /initializeUploadRequest/owner :: field is required but not found and has no default value',
      );
    const size = Number(ask.fileSizeBytes);
    if (!Number.isInteger(size) || size <= 0) {
      return this.error(
        422,
        'ERROR :: /initializeUploadRequest/fileSizeBytes :: field is required but not found and has no default value',
      );
    }
    if (size > 500 * 1024 * 1024) return this.error(400, `File size ${size} exceeds the maximum allowed`);
    const denied = this.mayActAs(grant, ask.owner);
    if (denied) return denied;
    const urn = `urn:li:video:C5F${this.id()}`;
    const parts: FakeVideo['parts'] = [];
    for (let first = 0; first < size; first += this.videoPartBytes) {
      parts.push({
        firstByte: first,
        lastByte: Math.min(size, first + this.videoPartBytes) - 1,
        bytes: null,
        etag: null,
      });
    }
    this.videos.set(urn, {
      urn,
      owner: ask.owner,
      size,
      parts,
      status: 'WAITING_UPLOAD',
      processing: [...this.videoProcessing],
      processingFailureReason: null,
    });
    return {
      status: 200,
      body: {
        value: {
          uploadUrlsExpireAt: Date.now() + 3_600_000,
          video: urn,
          uploadInstructions: parts.map((part, index) => ({
            uploadUrl: `${this.url}/dms-uploads/video/${encodeURIComponent(urn)}/${index}`,
            firstByte: part.firstByte,
            lastByte: part.lastByte,
          })),
          uploadToken: '',
        },
      },
    };
  }

  private putVideoPart(request: SeenRequest, encodedUrn: string, index: number): Answer {
    const video = this.videos.get(decodeURIComponent(encodedUrn));
    const part = video?.parts[index];
    if (!video || !part || video.status !== 'WAITING_UPLOAD')
      return this.error(404, 'Upload URL not found or expired');
    if (request.raw.length !== part.lastByte - part.firstByte + 1) {
      return this.error(400, `Part ${index} must be ${part.lastByte - part.firstByte + 1} bytes`);
    }
    part.bytes = request.raw;
    part.etag = `/ambry-video/signedId/${index}-${request.raw.length}`;
    return { status: 200, headers: { etag: part.etag } };
  }

  private finalizeVideo(grant: Grant, json: unknown): Answer {
    const ask = (
      json as {
        finalizeUploadRequest?: { video?: string; uploadToken?: string; uploadedPartIds?: string[] };
      } | null
    )?.finalizeUploadRequest;
    const video = this.videos.get(ask?.video ?? '');
    if (!video) return this.error(404, `Video ${ask?.video ?? ''} not found`);
    const denied = this.mayActAs(grant, video.owner);
    if (denied) return denied;
    const etags = video.parts.map((part) => part.etag);
    if (
      etags.some((etag) => etag === null) ||
      JSON.stringify(ask?.uploadedPartIds ?? []) !== JSON.stringify(etags)
    ) {
      return this.error(400, 'Uploaded part ids do not match the parts of the upload', 'BAD_REQUEST');
    }
    const [first, ...rest] = video.processing;
    video.status = first === 'PROCESSING_FAILED' ? first : 'PROCESSING';
    if (first === 'PROCESSING_FAILED') video.processingFailureReason = this.videoFailureReason;
    video.processing = first === 'PROCESSING' ? rest : video.processing;
    return { status: 200 };
  }

  /** A video's bytes as LinkedIn assembled them from its parts. */
  videoBytes(urn: string): Buffer | undefined {
    const video = this.videos.get(urn);
    return video ? Buffer.concat(video.parts.map((part) => part.bytes ?? Buffer.alloc(0))) : undefined;
  }

  private createPost(grant: Grant, body: Record<string, unknown> | null): Answer {
    for (const field of ['author', 'commentary', 'visibility', 'distribution', 'lifecycleState']) {
      if (body?.[field] === undefined)
        return this.error(
          422,
          `ERROR :: /${field} :: field is required but not found and has no default value`,
        );
    }
    const author = String(body?.author);
    const denied = this.mayActAs(grant, author);
    if (denied) return denied;
    const commentary = String(body?.commentary);
    if ([...commentary].length > 3000)
      return this.error(422, 'ERROR :: /commentary :: length of commentary exceeds the maximum allowed 3000');
    const content = body?.content as
      | {
          media?: { id: string; altText?: string };
          multiImage?: { images: Array<{ id: string; altText?: string }> };
        }
      | undefined;
    const video = content?.media?.id.startsWith('urn:li:video:') ? this.videos.get(content.media.id) : null;
    if (content?.media?.id.startsWith('urn:li:video:')) {
      if (!video || video.owner !== author)
        return this.error(422, `ERROR :: /content :: Video ${content.media.id} is not owned by ${author}`);
      if (video.status !== 'AVAILABLE')
        return this.error(
          422,
          `ERROR :: /content :: Video ${video.urn} is still being processed (status: ${video.status})`,
        );
    }
    const images = video ? [] : content?.media ? [content.media] : (content?.multiImage?.images ?? []);
    if (content?.multiImage && (images.length < 2 || images.length > 20))
      return this.error(
        422,
        'ERROR :: /content/multiImage/images :: MultiImage must contain between 2 and 20 images',
      );
    for (const image of images) {
      const stored = this.images.get(image.id);
      if (!stored || stored.owner !== author)
        return this.error(422, `ERROR :: /content :: Image ${image.id} is not owned by ${author}`);
      if (!stored.bytes)
        return this.error(
          422,
          `ERROR :: /content :: Image ${image.id} is still being processed (status: WAITING_UPLOAD)`,
        );
    }
    const kind = images.length > 0 || video ? 'ugcPost' : 'share';
    const post: FakePost = {
      urn: `urn:li:${kind}:${this.id()}`,
      author,
      commentary,
      shownText: readLittle(commentary),
      images: images.map((image) => image.id),
      altTexts: images.map((image) => image.altText ?? ''),
      video: video?.urn ?? null,
      createdAt: Date.now(),
    };
    this.posts.set(post.urn, post);
    return { status: 201, headers: { 'x-restli-id': post.urn, 'x-linkedin-id': post.urn } };
  }

  private postOf(target: string): FakePost | undefined {
    const comment = /^urn:li:comment:\((.+),[^,()]+\)$/.exec(target);
    return this.posts.get(comment?.[1] ?? target);
  }

  private isAdmin(member: string, org: string): boolean {
    const id = /^urn:li:organization:(\d+)$/.exec(org)?.[1];
    const role = id ? this.organizations.get(Number(id))?.roles.get(member) : undefined;
    return role === 'ADMINISTRATOR' || role === 'CONTENT_ADMINISTRATOR';
  }

  /** Whether the token may write as `author`: itself with w_member_social, a Page it runs with w_organization_social. */
  private mayActAs(grant: Grant, author: string): Answer | null {
    const me = `urn:li:person:${grant.subject}`;
    if (author === me)
      return grant.scopes.includes('w_member_social') ? null : this.denied('partnerApiPostsExternal.CREATE');
    if (
      author.startsWith('urn:li:organization:') &&
      grant.scopes.includes('w_organization_social') &&
      this.isAdmin(me, author)
    )
      return null;
    return this.denied('partnerApiPostsExternal.CREATE');
  }

  private denied(resource: string): Answer {
    return this.error(403, `Not enough permissions to access: ${resource}.20260501`, 'ACCESS_DENIED', 100);
  }

  private unauthorized(why: 'missing' | 'invalid' | 'expired'): Answer {
    if (why === 'expired')
      return this.error(401, 'The token used in the request has expired', 'EXPIRED_ACCESS_TOKEN', 65601);
    return this.error(401, 'Invalid access token', 'INVALID_ACCESS_TOKEN', 65600);
  }

  private commentJson(comment: FakeComment) {
    return {
      id: comment.id,
      commentUrn: comment.urn,
      actor: comment.actor,
      object: comment.object,
      ...(comment.parentComment ? { parentComment: comment.parentComment } : {}),
      message: { text: comment.text },
      created: { actor: comment.actor, time: comment.createdAt },
      lastModified: { actor: comment.actor, time: comment.createdAt },
    };
  }
}

/** What LinkedIn shows of a commentary: escapes read, cut at the first reserved character it cannot parse. */
function readLittle(commentary: string): string {
  let shown = '';
  for (let index = 0; index < commentary.length; index += 1) {
    const char = commentary[index] ?? '';
    if (char === '\\') {
      shown += commentary[index + 1] ?? '';
      index += 1;
      continue;
    }
    // A URL is shown as written; a `#word` is a hashtag.
    const url = /^https?:\/\/[^\s<>"]+/i.exec(commentary.slice(index));
    if (url) {
      shown += url[0];
      index += url[0].length - 1;
      continue;
    }
    if (char === '#' && /^[\p{L}\p{N}]/u.test(commentary.slice(index + 1))) {
      shown += char;
      continue;
    }
    if (RESERVED.has(char)) return shown;
    shown += char;
  }
  return shown;
}
