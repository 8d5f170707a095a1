import type { ConnectorFailureKind } from '../connectors/connector.js';

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

/** One file to attach, read from the media library. */
export interface NetworkMedia {
  kind: 'image' | 'video';
  fileName: string;
  mimeType: string;
  bytes: Buffer;
  /** Alt text; the networks that take it show it to screen-reader users. */
  description: string;
  /** In pixels, when known (networks that lay out a post before the file loads want the aspect ratio). */
  width: number | null;
  height: number | null;
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
}

/** A page of mentions, oldest first, and where to resume. */
export interface MentionPage {
  mentions: NetworkMention[];
  /** Pass back as `since` next time; null when nothing was seen yet. */
  cursor: string | null;
}

/**
 * One network.
 *
 * @example
 * const connected = await providers.mastodon.connect({ instance_url, access_token });
 * if (connected.ok) await providers.mastodon.publish(connected.value, publication);
 */
export interface NetworkProvider<Credentials = unknown> {
  /** Open the account the credentials (a form's fields) belong to; refuses ones the network refuses. */
  connect(credentials: Credentials): Promise<NetworkResult<ConnectedAccount>>;
  /** Fresh tokens before they expire (the same ones where they never do). */
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
    reply: { inReplyTo: string; text: string; idempotencyKey: string; writtenAt: string },
  ): Promise<NetworkResult<PublishedPart>>;
}
