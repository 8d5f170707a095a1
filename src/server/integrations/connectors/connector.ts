import type { ChannelId, ContentFormat } from '#shared/channel-ids.js';
import type { ConnectorKind, PublishFailureKind } from '#shared/connector.schema.js';

// The contract every publishing connector keeps: a signed webhook today, native network APIs later. A
// connector turns one content item into one request to the outside world and says how it went in terms
// the publisher acts on (retry, reconnect, give up); it never touches the database or the queue.

/** One attached file as a receiver fetches it: a signed link that needs no sign-in, until `expires_at`. */
export interface PublishableMedia {
  id: string;
  kind: 'image' | 'video';
  /** The file's name, with the extension of what the link serves. */
  name: string;
  mime_type: string;
  width: number | null;
  height: number | null;
  alt_text: string;
  url: string;
  expires_at: string;
}

/** What a connector publishes: the item's text and metadata, never its history. */
export interface PublishableItem {
  id: string;
  business_id: string;
  campaign_id: string | null;
  channel: ChannelId;
  format: ContentFormat;
  title: string;
  body: string;
  thread: string[];
  hashtags: string[];
  call_to_action: string;
  media_brief: string;
  /** The attached library files, in publishing order, prepared for the channel. */
  media: PublishableMedia[];
  preheader: string;
  pillar: string | null;
  scheduled_at: string;
  version: number;
}

/** A connector's stored configuration, decrypted: its kind's settings and its signing secret. */
export interface ConnectorCredentials<Settings> {
  id: string;
  settings: Settings;
  secret: string;
}

/** What the publisher knows about this attempt. */
export interface PublishContext<Settings> {
  connector: ConnectorCredentials<Settings>;
  /** 1 on the first try; receivers see it, and may treat a repeat differently. */
  attempt: number;
  /** The same for every attempt of one scheduled publication, so a receiver can drop a repeat. */
  idempotencyKey: string;
}

/** The failures a connector reports; `no_connector` is the publisher's own. */
export type ConnectorFailureKind = Exclude<PublishFailureKind, 'no_connector'>;

/** How one request went. `externalId`/`externalUrl`: where the item now lives, if the receiver said. */
export type PublishResult = {
  statusCode: number | null;
  durationMs: number;
  /** A few of the answer's headers (never its body: see `safeResponseHeaders`). */
  responseHeaders: Record<string, string> | null;
} & (
  | { ok: true; externalId: string | null; externalUrl: string | null }
  | {
      ok: false;
      failure: {
        kind: ConnectorFailureKind;
        message: string;
        retryAt?: Date | null;
        /** Nothing was sent: the account is held by a rate limit until `retryAt` (no attempt spent). */
        notSent?: boolean;
      };
    }
);

/**
 * Settings that passed, or each problem by field name (`url`), for a 422 on `body.settings.<field>`.
 * `notAllowed`: the outbound guard refused an address (the API's `url_not_allowed`), not a typo.
 */
export type SettingsCheck<Settings> =
  | { ok: true; settings: Settings }
  | { ok: false; notAllowed: boolean; problems: Array<{ field: string; message: string; code: string }> };

/**
 * One kind of connector. Stateless: the credentials of a stored connector come with each call.
 *
 * @example
 * const check = await connector.validateSettings({ url: 'https://hooks.example.com/mcc' });
 * if (check.ok) await connector.publish(item, { connector: { id, settings: check.settings, secret }, … });
 */
export interface PublishingConnector<Settings = unknown> {
  readonly kind: ConnectorKind;
  /** Parse the settings and check them against the outside world's rules (the outbound URL guard). */
  validateSettings(settings: unknown): Promise<SettingsCheck<Settings>>;
  /** Publish one item. Never throws for the receiver's answers: every ending is a `PublishResult`. */
  publish(item: PublishableItem, context: PublishContext<Settings>): Promise<PublishResult>;
  /** Send something harmless that proves the connection works (a signed test payload for a webhook). */
  sendTest(connector: ConnectorCredentials<Settings>, businessId: string): Promise<PublishResult>;
}
