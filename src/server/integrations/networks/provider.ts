import type { Readable } from 'node:stream';
import type { ConnectorFailureKind } from '../connectors/connector.js';
import type { ByteRange } from '../storage/object-store.js';

// The contract every native network keeps (one folder per network beside this file). A provider speaks
// one network's API and answers in the publisher's terms; it never touches the database or the queue:
// the services store what it returns (sealed tokens, remote ids) and hand it back on the next call.

/** A failure in the publisher's terms; `retryAt`: when the network said to try again (rate limits). */
export interface NetworkFailure {
  kind: ConnectorFailureKind;
  /** Readable, in the network's own words where it gave some. Never holds a token. */
  message: string;
  statusCode: number | null;
  retryAt: Date | null;
  /**
   * The network said to slow down: an HTTP 429, or its own throttling code in another status (Meta's
   * Graph answers 400 or 403 with code 4, 17, 32 or 613). Nothing more is asked of it before `retryAt`.
   */
  rateLimited?: boolean;
  /** The network's own words about it (from its error body), where it gave some: shown as they are. */
  networkSaid?: string;
  /** No HTTP answer came: the request failed on the way, or this server may not call that address. */
  unanswered?: 'no_answer' | 'address_refused';
}

/** How one call went. */
export type NetworkResult<T> = { ok: true; value: T } | { ok: false; failure: NetworkFailure };

/** What a stored account gives the provider back on each call (tokens opened from their sealed form). */
export interface NetworkSession {
  /** The instance or PDS address; '' for networks with a single one. */
  baseUrl: string;
  accessToken: string;
  refreshToken: string | null;
  tokenExpiresAt: string | null;
  remoteAccountId: string;
  /** As people see it (`@name@instance`, `@name.bsky.social`); some networks build post links from it. */
  handle: string;
  /**
   * The OAuth app the tokens were issued to (networks connected through OAuth): refreshing a token
   * needs it. Null for networks connected with a token or password the person pasted.
   */
  oauthClient?: OAuthClient | null;
  /**
   * Called when the provider renewed the tokens during a call (Bluesky rotates its refresh token on each
   * renewal, so the old one soon stops working): the caller stores them before the call returns.
   */
  onRenewed?: (renewed: NetworkSession) => Promise<void>;
}

/** The account a set of credentials opens, and the tokens to store for it. */
export interface ConnectedAccount extends NetworkSession {
  displayName: string;
  handle: string;
  avatarUrl: string | null;
  profileUrl: string | null;
  scopes: string[];
}

/** What every attached file has, image or video. */
interface NetworkMediaFile {
  fileName: string;
  mimeType: string;
  /** Alt text; the networks that take it show it to screen-reader users. */
  description: string;
  /** In pixels, when known (networks that lay out a post before the file loads want the aspect ratio). */
  width: number | null;
  height: number | null;
  /**
   * The same file at a public, signed and expiring address (no sign-in), for networks that fetch media by
   * URL instead of taking an upload (Instagram's and Threads' containers, Pinterest's `image_url`, Google
   * Business Profile's `sourceUrl`). Absent when the server has no public address (PUBLIC_URL): such a
   * network cannot reach the file then.
   */
  url?: string | null;
}

/** An image rendition: a few megabytes at most, so it comes read. */
export interface NetworkImage extends NetworkMediaFile {
  kind: 'image';
  bytes: Buffer;
}

/**
 * A video, up to the library's limit (500 MB by default): never read whole. Networks that take it in parts
 * read each part with `open(range)`, so one part at a time is in memory.
 */
export interface NetworkVideo extends NetworkMediaFile {
  kind: 'video';
  size: number;
  /** The file's bytes (or those of `range`, inclusive) from storage, a fresh stream on each call. */
  open(range?: ByteRange): Promise<Readable>;
  /** What ffprobe read, when it could: in seconds. */
  durationSeconds: number | null;
}

/** One file to attach, read from the media library. */
export type NetworkMedia = NetworkImage | NetworkVideo;

/**
 * The whole file in memory, for networks whose API takes a video in one request (Bluesky's blob, a Page's
 * `source`, Telegram's multipart): they hold it once, as their API makes them.
 * @example const body = new Blob([new Uint8Array(await wholeFile(file))], { type: file.mimeType });
 */
export async function wholeFile(file: NetworkMedia): Promise<Buffer> {
  if (file.kind === 'image') return file.bytes;
  const chunks: Buffer[] = [];
  for await (const chunk of await file.open()) {
    chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as Uint8Array));
  }
  return Buffer.concat(chunks);
}

/** The file's size in bytes. */
export function sizeOf(file: NetworkMedia): number {
  return file.kind === 'image' ? file.bytes.length : file.size;
}

/**
 * The bytes of `range` (inclusive) of a video, for one part of an upload (X's APPEND segment, LinkedIn's
 * part, at most a few megabytes each).
 */
export async function videoPart(file: NetworkVideo, range: ByteRange): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of await file.open(range)) {
    chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as Uint8Array));
  }
  const part = Buffer.concat(chunks);
  if (part.length !== range.end - range.start + 1) {
    throw new Error(
      `Storage gave ${part.length} bytes of ${file.fileName} where ${range.end - range.start + 1} were asked for`,
    );
  }
  return part;
}

/** What a network takes of a file: the media library picks the largest rendition within it. */
export interface NetworkMediaLimits {
  /** Most bytes one image may have (Bluesky: 1,000,000). */
  maxImageBytes?: number;
}

/** One published post (a part of a thread). */
export interface PublishedPart {
  position: number;
  remoteId: string;
  url: string | null;
}

/** What to publish, and what is out already. */
export interface NetworkPublication {
  /** The post, then the further posts of its thread, each already within the network's limit. */
  parts: string[];
  /** Attached to the first post; read only when that post is still to be sent. */
  media: (limits?: NetworkMediaLimits) => Promise<NetworkMedia[]>;
  /** The item's title, for networks that show one beside the text (a Pin's title); null or absent otherwise. */
  title?: string | null;
  /** Posted as a reply to the first post, where the network has no field for it. */
  firstComment: string | null;
  /** The same for every attempt of one scheduled publication; each part adds its position. */
  idempotencyKey: string;
  /** When the publication was due (ISO): the same for every attempt, like the key (Bluesky's record keys carry it). */
  dueAt: string;
  /** Parts an earlier attempt published (their remote ids were stored): never sent again. */
  published: PublishedPart[];
  /** Called as soon as a part is out, before the next is sent, so a crash in between loses nothing. */
  onPublished: (part: PublishedPart) => Promise<void>;
}

/** A post's counts as the network reports them; null where it reports no such figure. */
export interface PostMetrics {
  impressions: number | null;
  reach: number | null;
  likes: number;
  comments: number;
  shares: number;
  clicks: number | null;
}

/** A comment, reply or mention addressed to the account. */
export interface NetworkMention {
  /** The network's id of the message (unique on the network). */
  remoteId: string;
  /** The post it answers, if any (one of ours: a comment on that item). */
  inReplyTo: string | null;
  author: { remoteId: string; name: string | null; handle: string };
  /** Plain text (HTML removed). */
  text: string;
  url: string | null;
  sentAt: string;
  /** `direct`: a private message (a DM) to the account; public when absent. */
  visibility?: 'public' | 'direct';
}

/** A page of mentions, oldest first, and where to resume. */
export interface MentionPage {
  mentions: NetworkMention[];
  /** Pass back as `since` next time; null when nothing was seen yet. */
  cursor: string | null;
  /**
   * What was left unread while the rest was read, said for people (direct messages the token may not
   * read: how to allow them). Not a failure: the account stays connected and the mentions are stored.
   */
  notices?: string[];
}

/** An OAuth app registered with a network (from the instance's env, or a workspace's own settings). */
export interface OAuthClient {
  clientId: string;
  /** Null for public clients (PKCE only). */
  clientSecret: string | null;
}

/**
 * How a network's OAuth 2 authorization-code flow goes. The provider only describes it; the OAuth service
 * (one for every network) builds the authorization URL, binds `state` and the PKCE verifier to the signed-in
 * person, exchanges the code at `tokenUrl` and hands the tokens to `connect`.
 */
export interface OAuthSpec {
  /** Where the person is sent to approve (the test fakes' address when a base URL is overridden). */
  authorizeUrl: string;
  /** Where the code is exchanged for tokens, and a refresh token for new ones. */
  tokenUrl: string;
  /** The least scopes that publishing, reading results and conversations need. */
  scopes: string[];
  /** How the network joins scopes in the authorization URL (most: a space; Facebook, LinkedIn's v1: a comma). */
  scopeSeparator: ' ' | ',';
  /** Whether the network takes (or requires) PKCE with S256. */
  pkce: boolean;
  /** How the app's credentials go to the token endpoint: HTTP Basic, or `client_id`/`client_secret` in the form. */
  clientAuth: 'basic' | 'body';
  /** Further query parameters of the authorization URL (`access_type=offline` for Google, …). */
  authorizeParams?: Readonly<Record<string, string>>;
  /**
   * For networks that renew a long-lived token with the token itself instead of a refresh token (Threads'
   * `th_refresh_token`): renewal starts `aheadMs` before expiry, needs no refresh token, and a refused
   * renewal (a short-lived token the network will not renew) is not the call's failure: the token serves
   * until it lapses. Absent: RFC 6749 refresh tokens, renewed minutes before expiry.
   */
  renewal?: { withAccessToken: true; aheadMs: number };
}

/** What the token endpoint answered, as `connect` takes it for OAuth networks. */
export interface OAuthTokens {
  access_token: string;
  refresh_token: string | null;
  /** Seconds from now, as the network said; null when the token does not expire. */
  expires_in: number | null;
  /** The scopes granted (they may be fewer than those asked for). */
  scopes: string[];
  /** For networks where one login manages several accounts (Facebook Pages, LinkedIn organizations, …): the one picked. */
  target_id?: string;
  /**
   * The app the code was exchanged with. Networks whose first token is short-lived trade it for a
   * long-lived one with the app's secret (Facebook's `fb_exchange_token`, Threads' `th_exchange_token`);
   * without it they keep the short-lived token and its expiry.
   */
  client?: OAuthClient;
}

/** One account a login can publish as (a Page, an organization, a business location, …). */
export interface OAuthTarget {
  id: string;
  name: string;
  avatarUrl: string | null;
}

/**
 * One network.
 *
 * @example
 * const connected = await providers.mastodon.connect({ instance_url, access_token });
 * if (connected.ok) await providers.mastodon.publish(connected.value, publication);
 */
export interface NetworkProvider<Credentials = unknown> {
  /**
   * Open the account the credentials belong to (a form's fields; for OAuth networks, the `OAuthTokens` the
   * code was exchanged for); refuses ones the network refuses.
   */
  connect(credentials: Credentials): Promise<NetworkResult<ConnectedAccount>>;
  /** Present on networks connected through OAuth 2. */
  readonly oauth?: OAuthSpec;
  /**
   * The accounts a login may publish as, where it manages several (Pages, organizations, locations): the
   * person picks one, and `connect` gets its id as `target_id`. Absent where a login is one account.
   */
  targets?(tokens: OAuthTokens): Promise<NetworkResult<OAuthTarget[]>>;
  /** Fresh tokens before they expire (the same ones where they never do; OAuth networks use `session.oauthClient`). */
  refresh(session: NetworkSession): Promise<NetworkResult<NetworkSession>>;
  /** Publish every part not yet out, each through the network's idempotency key where it has one. */
  publish(session: NetworkSession, publication: NetworkPublication): Promise<NetworkResult<PublishedPart[]>>;
  metrics(session: NetworkSession, remoteId: string): Promise<NetworkResult<PostMetrics>>;
  /** Mentions and replies after `since` (a cursor from an earlier page), oldest first. */
  mentions(session: NetworkSession, since: string | null): Promise<NetworkResult<MentionPage>>;
  /**
   * Answer a message; `idempotencyKey` keeps a repeated send from posting twice, `writtenAt` (ISO) is when
   * the answer was written, the same on every send.
   */
  reply(
    session: NetworkSession,
    reply: {
      inReplyTo: string;
      text: string;
      idempotencyKey: string;
      writtenAt: string;
      /**
       * Answer privately: the message answered was a direct message. Only networks in
       * DIRECT_MESSAGE_NETWORKS (network.schema.ts) are asked to.
       */
      direct?: boolean;
    },
  ): Promise<NetworkResult<PublishedPart>>;
}
