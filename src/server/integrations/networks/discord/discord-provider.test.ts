import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { discordCredentialsSchema } from '#shared/network.schema.js';
import { FakeDiscordServer } from '../../../../../test/support/networks/discord/fake-discord-server.js';
import { imageFile, publicationOf, sessionFrom } from '../../../../../test/support/networks/publication.js';
import { createGuardedFetch } from '../../guarded-fetch.js';
import { createOutboundGuard } from '../../outbound-guard.js';
import { createDiscordProvider } from './discord-provider.js';

// The provider over HTTP against the fake webhook API (test/support/networks/discord/): connecting reads
// the webhook's name and avatar, posts come back with their links, and Discord's errors map onto the
// publisher's failure kinds.

const NOW = new Date('2031-03-03T10:00:00.000Z');

describe('Discord provider', () => {
  let discord: FakeDiscordServer;
  const provider = () =>
    createDiscordProvider({
      fetch: createGuardedFetch(createOutboundGuard({ allowedHosts: ['127.0.0.1'] })),
      timeoutMs: 5_000,
      now: () => NOW,
      baseUrl: discord.apiUrl,
    });
  const connect = (webhook_url: string, thread_id = '') =>
    provider().connect(discordCredentialsSchema.parse({ webhook_url, thread_id }));
  const session = async (url: string, thread = '') => {
    const connected = await connect(url, thread);
    if (!connected.ok) throw new Error(connected.failure.message);
    return sessionFrom(connected.value);
  };

  beforeAll(async () => {
    discord = await FakeDiscordServer.start();
  });
  afterAll(async () => {
    await discord.close();
  });

  it('connects a webhook: its name, avatar and channel, the token kept as the secret', async () => {
    const webhook = discord.addWebhook('Bakery news');
    const connected = await connect(webhook.url);
    expect(connected.ok && connected.value).toMatchObject({
      baseUrl: '',
      accessToken: `${webhook.id}/${webhook.token}`,
      remoteAccountId: `${webhook.guildId}/${webhook.channelId}`,
      displayName: 'Bakery news',
      handle: 'Bakery news',
      avatarUrl: `https://cdn.discordapp.com/avatars/${webhook.id}/a1b2c3.png`,
      profileUrl: `https://discord.com/channels/${webhook.guildId}/${webhook.channelId}`,
    });
  });

  it('refuses a deleted webhook or a wrong token as a credential to replace', async () => {
    const webhook = discord.addWebhook('Gone');
    discord.deleteWebhook(webhook);
    const deleted = await connect(webhook.url);
    expect(!deleted.ok && deleted.failure).toMatchObject({
      kind: 'auth_expired',
      statusCode: 404,
      message: expect.stringContaining('Unknown Webhook'),
    });
    const other = discord.addWebhook('Other');
    const wrong = await connect(other.url.replace(other.token, 'x'.repeat(40)));
    expect(!wrong.ok && wrong.failure).toMatchObject({
      kind: 'auth_expired',
      message: expect.stringContaining('Invalid Webhook Token'),
    });
  });

  it('publishes a thread as consecutive messages with links, pinging no one, skipping parts out already', async () => {
    const webhook = discord.addWebhook('Bakery');
    const s = await session(webhook.url);
    const publication = publicationOf(['@everyone fresh loaves', 'Rye on Tuesdays']);
    const result = await provider().publish(s, publication);
    expect(result.ok).toBe(true);
    const sent = discord.messages.filter((message) => message.webhookId === webhook.id);
    expect(sent.map((message) => message.content)).toEqual(['@everyone fresh loaves', 'Rye on Tuesdays']);
    expect(sent[0]?.allowedMentions).toEqual({ parse: [] });
    expect(publication.out.map((part) => part.url)).toEqual(
      sent.map(
        (message) => `https://discord.com/channels/${webhook.guildId}/${webhook.channelId}/${message.id}`,
      ),
    );
    const again = await provider().publish(
      s,
      publicationOf(publication.parts, { published: publication.out.slice(0, 1) }),
    );
    expect(again.ok).toBe(true);
    expect(discord.messages.filter((message) => message.webhookId === webhook.id)).toHaveLength(3);
  });

  it('posts into a thread of the channel, and links there', async () => {
    const webhook = discord.addWebhook('Forum');
    const thread = discord.addThread(webhook);
    const s = await session(webhook.url, thread);
    expect(s.remoteAccountId).toBe(`${webhook.guildId}/${webhook.channelId}/${thread}`);
    const publication = publicationOf(['In the thread']);
    await provider().publish(s, publication);
    expect(publication.out[0]?.url).toMatch(new RegExp(`/channels/${webhook.guildId}/${thread}/\\d+$`));
  });

  it('attaches images with their alt text to the first message', async () => {
    const webhook = discord.addWebhook('Pictures');
    const s = await session(webhook.url);
    await provider().publish(
      s,
      publicationOf(['Look', 'More'], {
        files: [imageFile('loaf.jpg', 'A round loaf'), imageFile('rye.jpg')],
      }),
    );
    const [first, second] = discord.messages.filter((message) => message.webhookId === webhook.id);
    expect(first?.attachments).toMatchObject([
      { filename: 'loaf.jpg', description: 'A round loaf' },
      { filename: 'rye.jpg', description: null },
    ]);
    expect(second?.attachments).toEqual([]);
  });

  it('honours a rate limit’s retry_after and reports validation in Discord’s words', async () => {
    const webhook = discord.addWebhook('Busy');
    const s = await session(webhook.url);
    discord.rateLimit(2.5);
    const limited = await provider().publish(s, publicationOf(['one']));
    expect(!limited.ok && limited.failure).toMatchObject({
      kind: 'retryable',
      statusCode: 429,
      retryAt: new Date(NOW.getTime() + 3_000),
      message: expect.stringContaining('You are being rate limited.'),
    });
    const tooLong = await provider().publish(s, publicationOf(['x'.repeat(2001)]));
    expect(!tooLong.ok && tooLong.failure).toMatchObject({
      kind: 'rejected',
      statusCode: 400,
      message: expect.stringContaining('Invalid Form Body: content: Must be 2000 or fewer in length.'),
    });
    discord.inject({
      path: /\/webhooks\//,
      status: 503,
      body: { message: 'upstream connect error', code: 0 },
    });
    const down = await provider().publish(s, publicationOf(['two']));
    expect(!down.ok && down.failure.kind).toBe('retryable');
  });

  it('waits out the webhook’s bucket between a long thread’s messages instead of running into its 429', async () => {
    const webhook = discord.addWebhook('Long thread');
    let clock = 1_000_000;
    discord.now = () => clock;
    const waits: number[] = [];
    const paced = createDiscordProvider({
      fetch: createGuardedFetch(createOutboundGuard({ allowedHosts: ['127.0.0.1'] })),
      timeoutMs: 5_000,
      now: () => NOW,
      baseUrl: discord.apiUrl,
      wait: async (ms) => {
        waits.push(ms);
        clock += ms;
      },
    });
    try {
      const s = await session(webhook.url);
      const parts = ['1', '2', '3', '4', '5', '6', '7'];
      const publication = publicationOf(parts);
      const result = await paced.publish(s, publication);
      expect(result.ok).toBe(true);
      expect(waits).toEqual([2_000]);
      expect(discord.overLimit).toBe(0);
      expect(discord.messages.filter((m) => m.webhookId === webhook.id).map((m) => m.content)).toEqual(parts);

      // A bucket that refills later than a short pause ends the attempt at its reset; the parts out stay out.
      discord.bucketWindowMs = 60_000;
      const slow = await session(discord.addWebhook('Slow bucket').url);
      const later = publicationOf(parts);
      const stopped = await paced.publish(slow, later);
      expect(!stopped.ok && stopped.failure).toMatchObject({
        kind: 'retryable',
        retryAt: new Date(NOW.getTime() + 60_000),
      });
      expect(later.out.map((part) => part.position)).toEqual([0, 1, 2, 3, 4]);
      expect(discord.overLimit).toBe(0);
    } finally {
      discord.now = () => Date.now();
      discord.bucketWindowMs = 2_000;
    }
  });

  it('marks a webhook deleted after connecting for reconnecting, never quoting its token', async () => {
    const webhook = discord.addWebhook('Later gone');
    const s = await session(webhook.url);
    discord.deleteWebhook(webhook);
    const result = await provider().publish(s, publicationOf(['hello']));
    expect(!result.ok && result.failure.kind).toBe('auth_expired');
    expect(!result.ok && result.failure.message).not.toContain(webhook.token);
  });

  it('reads nothing back', async () => {
    const webhook = discord.addWebhook('Quiet');
    const s = await session(webhook.url);
    const read = await provider().metrics(s, '1');
    expect(!read.ok && read.failure.kind).toBe('rejected');
  });
});
