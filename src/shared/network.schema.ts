import { z } from 'zod';
import type { ChannelId } from './channel-ids.js';
import { idSchema, listOf, timestampSchema } from './common.schema.js';

// Network accounts: the workspace's own accounts on the networks (a Mastodon account on an instance, …)
// that content is published through natively, results are read from and conversations come in from.

/** Networks with a native provider; each publishes the channel of the same name. */
export const NETWORK_IDS = [
  'mastodon',
  'bluesky',
  'linkedin',
  'pinterest',
  'google_business',
  'facebook',
  'instagram',
  'threads',
  'x',
  'telegram',
  'discord',
  'slack',
] as const;
export type NetworkId = (typeof NETWORK_IDS)[number];

/** The channel each network publishes. */
export const NETWORK_CHANNELS: Readonly<Record<NetworkId, ChannelId>> = {
  mastodon: 'mastodon',
  bluesky: 'bluesky',
  linkedin: 'linkedin',
  pinterest: 'pinterest',
  google_business: 'google_business',
  facebook: 'facebook',
  instagram: 'instagram',
  threads: 'threads',
  x: 'x',
  telegram: 'telegram',
  discord: 'discord',
  slack: 'slack',
};

/** How each network is named to people. */
export const NETWORK_NAMES: Readonly<Record<NetworkId, string>> = {
  mastodon: 'Mastodon',
  bluesky: 'Bluesky',
  linkedin: 'LinkedIn',
  pinterest: 'Pinterest',
  google_business: 'Google Business Profile',
  facebook: 'Facebook',
  instagram: 'Instagram',
  threads: 'Threads',
  x: 'X',
  telegram: 'Telegram',
  discord: 'Discord',
  slack: 'Slack',
};

/**
 * Networks whose API only takes posts: incoming webhooks (Discord, Slack) report nothing back, and a
 * Telegram bot cannot read a channel's views or comments. Their accounts are never read for results or
 * mentions (no hourly reading, no "Sync now"), and inbox replies on their channels go the connector's way.
 */
export const PUBLISH_ONLY_NETWORKS: readonly NetworkId[] = ['telegram', 'discord', 'slack'];

/**
 * Networks whose direct messages reach the inbox and are answered privately from it (docs/channels.md,
 * "Direct messages"). A direct message on another network's channel (from the inbound webhook) is answered
 * the connector's way, never in public through the account.
 */
export const DIRECT_MESSAGE_NETWORKS: readonly NetworkId[] = [
  'mastodon',
  'bluesky',
  'x',
  'facebook',
  'instagram',
];

/** Whether the network gives results and conversations back (see PUBLISH_ONLY_NETWORKS). */
export function readsBack(network: NetworkId): boolean {
  return !PUBLISH_ONLY_NETWORKS.includes(network);
}

/** `needs_reconnect`: the network refused the token; nothing goes out through it until it is reconnected. */
export const NETWORK_ACCOUNT_STATUSES = ['connected', 'needs_reconnect'] as const;
export type NetworkAccountStatus = (typeof NETWORK_ACCOUNT_STATUSES)[number];

/** A connected account as the API shows it: never its tokens. */
export const networkAccountSchema = z.object({
  id: idSchema,
  business_id: idSchema,
  network: z.enum(NETWORK_IDS),
  display_name: z.string(),
  /** `@name@instance` on Mastodon, `@name.bsky.social` on Bluesky. */
  handle: z.string(),
  /** The avatar's address on the network, as it gave it (the web app cannot show it: see `avatar_src`). */
  avatar_url: z.string().nullable(),
  /**
   * The avatar as this server serves it (a 96-pixel WebP, to the workspace's members, with the Bearer
   * token); null when the network shows none or it could not be read.
   */
  avatar_src: z.string().nullable(),
  profile_url: z.string().nullable(),
  /** The instance (or PDS) address; null for networks with a single one. */
  base_url: z.string().nullable(),
  scopes: z.array(z.string()),
  /** When the token stops working (Bluesky: the session, renewed with every use); null when it does not expire. */
  token_expires_at: timestampSchema.nullable(),
  status: z.enum(NETWORK_ACCOUNT_STATUSES),
  /** Why the account needs reconnecting, in the network's words. */
  last_error: z.string().nullable(),
  /** When the token was last seen working (or refused). */
  checked_at: timestampSchema,
  created_at: timestampSchema,
  updated_at: timestampSchema,
});
export type NetworkAccount = z.infer<typeof networkAccountSchema>;
export const networkAccountListSchema = listOf(networkAccountSchema);

const instanceUrl = z
  .url({ protocol: /^https?$/, message: 'Use the instance’s address, such as https://mastodon.social' })
  .max(2048);
const accessToken = z
  .string()
  .trim()
  .min(1, 'Paste the access token')
  .max(1000)
  .regex(/^[\x21-\x7e]+$/, 'An access token has no spaces or special characters');

/** What connecting a Mastodon account takes: the instance and a token made under Preferences → Development. */
export const mastodonCredentialsSchema = z.strictObject({
  instance_url: instanceUrl,
  access_token: accessToken,
});
export type MastodonCredentials = z.infer<typeof mastodonCredentialsSchema>;

/** Where Bluesky accounts live unless the account says otherwise (its PDS, or an entryway to it). */
export const BLUESKY_DEFAULT_PDS = 'https://bsky.social';

/**
 * What connecting a Bluesky account takes: its handle (or the account's email or DID), an app password
 * made under Settings → Privacy and security → App passwords, and the PDS address for accounts hosted
 * elsewhere than bsky.social.
 */
export const blueskyCredentialsSchema = z.strictObject({
  handle: z
    .string()
    .trim()
    .transform((handle) => handle.replace(/^@/, ''))
    .pipe(
      z
        .string()
        .min(1, 'Enter the account’s handle, such as bakery.bsky.social')
        .max(253)
        .regex(/^[^\s/]+$/, 'A handle has no spaces, such as bakery.bsky.social'),
    ),
  // The reference PDS makes app passwords as four groups of four base32 characters; the account's own
  // password (full access, two-factor prompts) is refused before it ever reaches the network.
  app_password: z
    .string()
    .trim()
    .toLowerCase()
    .regex(
      /^[a-z2-7]{4}-[a-z2-7]{4}-[a-z2-7]{4}-[a-z2-7]{4}$/,
      'Use an app password (four groups of four letters and digits, such as abcd-efgh-ijkl-mnop), never the account’s own password',
    ),
  pds_url: z
    .url({ protocol: /^https?$/, message: 'Use the PDS address, such as https://bsky.social' })
    .max(2048)
    .default(BLUESKY_DEFAULT_PDS),
});
export type BlueskyCredentials = z.infer<typeof blueskyCredentialsSchema>;

/** A bot's token as @BotFather gives it: the bot's numeric id, a colon, then 35 letters, digits, `_` or `-`. */
export const TELEGRAM_BOT_TOKEN = /^\d{5,20}:[A-Za-z0-9_-]{30,60}$/;

/**
 * What connecting a Telegram channel takes: a bot's token from @BotFather, and the channel the bot was
 * made an administrator of (its public @username, a t.me link to it, or a private channel's numeric id).
 */
export const telegramCredentialsSchema = z.strictObject({
  bot_token: z
    .string()
    .trim()
    .regex(
      TELEGRAM_BOT_TOKEN,
      'Paste the token @BotFather gave, such as 123456789:AAH… (digits, a colon, then letters and digits)',
    ),
  channel: z
    .string()
    .trim()
    // `https://t.me/name`, `t.me/name` and `name` all mean `@name`.
    .transform((channel) => channel.replace(/^(?:https?:\/\/)?t\.me\//i, '').replace(/^@?/, '@'))
    .transform((channel) => (/^@-?\d+$/.test(channel) ? channel.slice(1) : channel))
    .pipe(
      z
        .string()
        .regex(
          /^(?:@[A-Za-z][A-Za-z0-9_]{3,31}|-100\d{5,20})$/,
          'Enter the channel’s @username (such as @bakerynews) or, for a private channel, its id (such as -1001234567890)',
        ),
    ),
});
export type TelegramCredentials = z.infer<typeof telegramCredentialsSchema>;

/** `https://discord.com/api/webhooks/{id}/{token}` (also discordapp.com, the canary and ptb hosts, a versioned path). */
export const DISCORD_WEBHOOK_URL =
  /^https:\/\/(?:(?:canary|ptb)\.)?discord(?:app)?\.com\/api(?:\/v\d+)?\/webhooks\/(\d{5,25})\/([A-Za-z0-9_-]{20,100})\/?$/;

/**
 * What connecting a Discord channel takes: a webhook made under the channel's Integrations → Webhooks,
 * and, to post into one thread (or a forum post) of that channel, the thread's id.
 */
export const discordCredentialsSchema = z.strictObject({
  webhook_url: z
    .string()
    .trim()
    .regex(
      DISCORD_WEBHOOK_URL,
      'Paste the webhook URL Discord shows under Copy Webhook URL, such as https://discord.com/api/webhooks/123…/abc…',
    ),
  thread_id: z
    .string()
    .trim()
    .regex(
      /^(\d{15,25})?$/,
      'A thread id is a long number (right-click the thread → Copy Thread ID); leave it empty for the channel itself',
    )
    .default(''),
});
export type DiscordCredentials = z.infer<typeof discordCredentialsSchema>;

/** `https://hooks.slack.com/services/T…/B…/…`: the workspace, the webhook, and its secret. */
export const SLACK_WEBHOOK_URL =
  /^https:\/\/hooks\.slack\.com\/services\/(T[A-Z0-9]+)\/(B[A-Z0-9]+)\/([A-Za-z0-9]{16,64})\/?$/;

/**
 * What connecting a Slack channel takes: an incoming webhook's URL (a Slack app with Incoming Webhooks
 * turned on, added to the channel), and the channel's name to show here (Slack does not tell it).
 */
export const slackCredentialsSchema = z.strictObject({
  webhook_url: z
    .string()
    .trim()
    .regex(
      SLACK_WEBHOOK_URL,
      'Paste the incoming webhook URL Slack shows, such as https://hooks.slack.com/services/T…/B…/…',
    ),
  channel_name: z.string().trim().max(80, 'Keep the channel’s name under 80 characters').default(''),
});
export type SlackCredentials = z.infer<typeof slackCredentialsSchema>;

/**
 * Each credentials form, for the networks connected with one. Networks absent here (LinkedIn, Pinterest,
 * Google Business Profile, Facebook, Instagram, Threads, X) connect only through their OAuth authorization
 * flow, which their provider describes in `oauth` (`POST /api/oauth/{network}/start`, oauth.schema.ts).
 */
export const NETWORK_CREDENTIALS_SCHEMAS = {
  mastodon: mastodonCredentialsSchema,
  bluesky: blueskyCredentialsSchema,
  telegram: telegramCredentialsSchema,
  discord: discordCredentialsSchema,
  slack: slackCredentialsSchema,
} as const satisfies Partial<Record<NetworkId, z.ZodType>>;

/** The networks with a credentials form. */
export type CredentialsNetworkId = keyof typeof NETWORK_CREDENTIALS_SCHEMAS;

/** The fields that name an account's address and its secret, where a network's refusal is shown. */
export const NETWORK_CREDENTIAL_FIELDS: Readonly<
  Record<CredentialsNetworkId, { address: string; secret: string }>
> = {
  mastodon: { address: 'instance_url', secret: 'access_token' },
  bluesky: { address: 'pds_url', secret: 'app_password' },
  telegram: { address: 'channel', secret: 'bot_token' },
  discord: { address: 'webhook_url', secret: 'webhook_url' },
  slack: { address: 'webhook_url', secret: 'webhook_url' },
};

/** `POST /api/network-accounts`: one member per network. */
export const connectNetworkAccountBodySchema = z.discriminatedUnion('network', [
  z.strictObject({
    business_id: idSchema,
    network: z.literal('mastodon'),
    credentials: mastodonCredentialsSchema,
  }),
  z.strictObject({
    business_id: idSchema,
    network: z.literal('bluesky'),
    credentials: blueskyCredentialsSchema,
  }),
  z.strictObject({
    business_id: idSchema,
    network: z.literal('telegram'),
    credentials: telegramCredentialsSchema,
  }),
  z.strictObject({
    business_id: idSchema,
    network: z.literal('discord'),
    credentials: discordCredentialsSchema,
  }),
  z.strictObject({
    business_id: idSchema,
    network: z.literal('slack'),
    credentials: slackCredentialsSchema,
  }),
]);
export type ConnectNetworkAccountBody = z.infer<typeof connectNetworkAccountBodySchema>;

/**
 * `PUT /api/network-accounts/{id}/credentials`: new credentials for the same remote account, in the
 * shape of the account's network (the service checks which).
 */
export const reconnectNetworkAccountBodySchema = z.strictObject({
  credentials: z.union([
    mastodonCredentialsSchema,
    blueskyCredentialsSchema,
    telegramCredentialsSchema,
    discordCredentialsSchema,
    slackCredentialsSchema,
  ]),
});
export type ReconnectNetworkAccountBody = z.infer<typeof reconnectNetworkAccountBodySchema>;

export const networkAccountListQuerySchema = z.strictObject({ business_id: idSchema });
export const networkAccountParamsSchema = z.strictObject({ id: idSchema });

/** `POST /api/network-accounts/{id}/sync`: results and conversations read now. */
export const networkSyncResultSchema = z.object({
  /** Published posts whose results were read into the actuals. */
  posts_measured: z.number().int(),
  /** New messages (mentions, replies) stored in the inbox; ones seen before are not counted. */
  messages_received: z.number().int(),
  /**
   * Why something could not be read, in the network's words, and what was left unread with how to allow
   * it (direct messages an account's token may not read); empty when all went well.
   */
  problems: z.array(z.string()),
});
export type NetworkSyncResult = z.infer<typeof networkSyncResultSchema>;
