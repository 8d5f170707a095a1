import { setTimeout as delay } from 'node:timers/promises';
import { DISCORD_WEBHOOK_URL, type DiscordCredentials } from '#shared/network.schema.js';
import { publishConsecutively, publishOnly, refusedBeforeSending } from '../consecutive-parts.js';
import {
  type ConnectedAccount,
  type NetworkMedia,
  type NetworkProvider,
  type NetworkSession,
  sizeOf,
  wholeFile,
} from '../provider.js';
import { DISCORD, type DiscordHttp, discordCall, exhaustedFor } from './discord-api.js';

// A Discord channel (or one thread of it) through an incoming webhook made under the channel's
// Integrations → Webhooks. The session keeps `{webhook id}/{token}` as its secret and
// `{guild}/{channel}[/{thread}]` as the account, so a new webhook for the same channel reconnects it.
// Posts go with `?wait=true` (Discord then answers the message, whose id makes its link); a thread's parts
// follow as consecutive messages, pausing when the webhook's rate-limit bucket runs out rather than
// running into its 429; images go with the first part as attachments with their alt text.
// Webhooks read nothing back (PUBLISH_ONLY_NETWORKS).

/** Execute Webhook: up to 10 files; 10 MiB in all for a server without boosts. */
const MAX_FILES = 10;
const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;
/** An attachment's `description` (alt text): up to 1,024 characters. */
const ALT_TEXT_LIMIT = 1024;
/**
 * The longest a thread waits in place for the webhook's bucket to refill (webhooks get a few messages
 * every couple of seconds); a longer reset ends the attempt, and the retry at the reset sends the rest.
 */
const MAX_PAUSE_MS = 5_000;

/** What the provider needs besides HTTP: a test seam for the pause between a thread's messages. */
export interface DiscordProviderDeps extends DiscordHttp {
  wait?: (ms: number) => Promise<void>;
}

interface Webhook {
  id: string;
  type: number;
  guild_id?: string | null;
  channel_id: string | null;
  name: string | null;
  avatar: string | null;
}
interface Message {
  id: string;
  channel_id: string;
}

/**
 * @example
 * const discord = createDiscordProvider({ fetch: createGuardedFetch(guard), timeoutMs: 10_000, now });
 * await discord.connect({ webhook_url: 'https://discord.com/api/webhooks/123/abc', thread_id: '' });
 */
export function createDiscordProvider(http: DiscordProviderDeps): NetworkProvider<DiscordCredentials> {
  const wait = http.wait ?? ((ms: number) => delay(ms));

  async function send(session: NetworkSession, text: string, media: NetworkMedia[]) {
    const destination = destinationOf(session.remoteAccountId);
    const query = new URLSearchParams({ wait: 'true' });
    if (destination.threadId) query.set('thread_id', destination.threadId);
    // Post text never pings anyone: `@everyone` in a post is text, not an alert to the whole server.
    const payload = { content: text, allowed_mentions: { parse: [] } };
    let body: object | FormData = payload;
    if (media.length > 0) {
      if (media.length > MAX_FILES)
        return refusedBeforeSending(`Discord takes at most ${MAX_FILES} files a message`);
      const bytes = media.reduce((sum, file) => sum + sizeOf(file), 0);
      if (bytes > MAX_UPLOAD_BYTES) {
        return refusedBeforeSending(
          `Discord webhooks take at most 10 MiB of files a message; these are ${bytes} bytes`,
        );
      }
      const form = new FormData();
      form.set(
        'payload_json',
        JSON.stringify({
          ...payload,
          attachments: media.map((file, index) => ({
            id: index,
            filename: file.fileName,
            ...(file.description ? { description: file.description.slice(0, ALT_TEXT_LIMIT) } : {}),
          })),
        }),
      );
      for (const [index, file] of media.entries()) {
        form.set(
          `files[${index}]`,
          new Blob([new Uint8Array(await wholeFile(file))], { type: file.mimeType }),
          file.fileName,
        );
      }
      body = form;
    }
    return discordCall<Message>(http, {
      method: 'POST',
      path: `webhooks/${session.accessToken}?${query}`,
      body,
      secret: session.accessToken,
    });
  }

  return {
    async connect(credentials) {
      const [, id, token] = DISCORD_WEBHOOK_URL.exec(credentials.webhook_url) ?? [];
      if (!id || !token) return refusedBeforeSending('This is not a Discord webhook URL');
      const secret = `${id}/${token}`;
      const read = await discordCall<Webhook>(http, { method: 'GET', path: `webhooks/${secret}`, secret });
      if (!read.ok) return read;
      const webhook = read.value.body;
      if (!webhook.guild_id || !webhook.channel_id) {
        return refusedBeforeSending('This webhook posts to no server channel (Discord named none)');
      }
      const threadId = credentials.thread_id || null;
      const name = webhook.name ?? 'Discord webhook';
      const connected: ConnectedAccount = {
        baseUrl: '',
        accessToken: secret,
        refreshToken: null,
        // A webhook works until someone deletes it.
        tokenExpiresAt: null,
        remoteAccountId: [webhook.guild_id, webhook.channel_id, threadId].filter(Boolean).join('/'),
        displayName: name,
        handle: threadId ? `${name} (thread ${threadId})` : name,
        avatarUrl: webhook.avatar
          ? `https://cdn.discordapp.com/avatars/${webhook.id}/${webhook.avatar}.png`
          : null,
        profileUrl: `https://discord.com/channels/${webhook.guild_id}/${threadId ?? webhook.channel_id}`,
        scopes: [],
      };
      return { ok: true, value: connected };
    },

    async refresh(session) {
      return { ok: true, value: session };
    },

    async publish(session, publication) {
      const { guildId } = destinationOf(session.remoteAccountId);
      /** How long the webhook's bucket stays empty after the last message, when it ran out. */
      let exhaustedMs: number | null = null;
      return publishConsecutively(publication, async (text, position) => {
        if (exhaustedMs !== null && exhaustedMs > MAX_PAUSE_MS) {
          return {
            ok: false,
            failure: {
              kind: 'retryable',
              message: `${DISCORD} allows this webhook no more messages for ${Math.ceil(exhaustedMs / 1000)} s; the rest follows then`,
              statusCode: null,
              retryAt: new Date(http.now().getTime() + exhaustedMs),
            },
          };
        }
        if (exhaustedMs !== null) await wait(exhaustedMs);
        const media = position === 0 ? await publication.media({ maxImageBytes: MAX_UPLOAD_BYTES }) : [];
        const sent = await send(session, text, media);
        if (!sent.ok) return sent;
        exhaustedMs = exhaustedFor(sent.value.headers);
        const message = sent.value.body;
        return {
          ok: true,
          value: {
            remoteId: message.id,
            url: `https://discord.com/channels/${guildId}/${message.channel_id}/${message.id}`,
          },
        };
      });
    },

    async metrics() {
      return publishOnly(DISCORD, 'webhooks report no reactions or views');
    },

    async mentions() {
      return publishOnly(DISCORD, 'webhooks receive no messages');
    },

    async reply() {
      return publishOnly(DISCORD, 'webhooks answer no messages');
    },
  };
}

/** `{guild}/{channel}[/{thread}]`, as `connect` stored it. */
function destinationOf(remoteAccountId: string): { guildId: string; threadId: string | null } {
  const [guildId = '', , threadId] = remoteAccountId.split('/');
  return { guildId, threadId: threadId ?? null };
}
