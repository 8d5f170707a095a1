import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { telegramCredentialsSchema } from '#shared/network.schema.js';
import { imageFile, publicationOf, sessionFrom } from '../../../../../test/support/networks/publication.js';
import {
  type FakeBot,
  type FakeChannel,
  FakeTelegramServer,
} from '../../../../../test/support/networks/telegram/fake-telegram-server.js';
import { createGuardedFetch } from '../../guarded-fetch.js';
import { createOutboundGuard } from '../../outbound-guard.js';
import { createTelegramProvider } from './telegram-provider.js';

// The provider over HTTP against the fake Bot API (test/support/networks/telegram/): connecting checks the
// bot may post in the channel, posts and albums go out with their links, and Telegram's refusals map onto
// the publisher's failure kinds.

const NOW = new Date('2031-03-03T10:00:00.000Z');

describe('Telegram provider', () => {
  let telegram: FakeTelegramServer;
  let bot: FakeBot;
  let news: FakeChannel;
  const provider = () =>
    createTelegramProvider({
      fetch: createGuardedFetch(createOutboundGuard({ allowedHosts: ['127.0.0.1'] })),
      timeoutMs: 5_000,
      now: () => NOW,
      baseUrl: telegram.url,
    });
  const connect = async (channel = '@bakerynews', token = bot.token) => {
    const credentials = telegramCredentialsSchema.parse({ bot_token: token, channel });
    return provider().connect(credentials);
  };
  const session = async () => {
    const connected = await connect();
    if (!connected.ok) throw new Error(connected.failure.message);
    return sessionFrom(connected.value);
  };

  beforeAll(async () => {
    telegram = await FakeTelegramServer.start();
    bot = telegram.addBot('bakery_bot');
    news = telegram.addChannel('Bakery news', 'bakerynews');
    telegram.promote(news, bot);
  });
  afterAll(async () => {
    await telegram.close();
  });

  it('connects a channel the bot may post in, by @username or t.me link', async () => {
    const connected = await connect('https://t.me/bakerynews');
    expect(connected.ok && connected.value).toMatchObject({
      baseUrl: '',
      remoteAccountId: String(news.id),
      displayName: 'Bakery news',
      handle: '@bakerynews',
      profileUrl: 'https://t.me/bakerynews',
      avatarUrl: null,
      tokenExpiresAt: null,
    });
  });

  it('refuses a channel the bot is no administrator of, saying how to fix it', async () => {
    const other = telegram.addChannel('Other', 'otherchannel');
    const connected = await connect('@otherchannel');
    expect(connected.ok).toBe(false);
    if (connected.ok) return;
    expect(connected.failure.kind).toBe('rejected');
    expect(connected.failure.message).toMatch(/@bakery_bot is not an administrator of @otherchannel/);
    telegram.promote(other, bot, false);
    const readOnly = await connect('@otherchannel');
    expect(!readOnly.ok && readOnly.failure.message).toMatch(/allowed to post/);
  });

  it('says a channel does not exist in Telegram’s words', async () => {
    const connected = await connect('@nosuchchannel');
    expect(!connected.ok && connected.failure).toMatchObject({
      kind: 'rejected',
      statusCode: 400,
      message: expect.stringContaining('Bad Request: chat not found'),
    });
  });

  it('publishes a thread as consecutive messages with their t.me links, skipping parts already out', async () => {
    const s = await session();
    const publication = publicationOf(['Fresh loaves at 7', 'Rye on Tuesdays', 'Closed Sunday']);
    const first = await provider().publish(s, { ...publication, published: [] });
    expect(first.ok).toBe(true);
    const ids = publication.out.map((part) => part.remoteId);
    expect(publication.out.map((part) => part.url)).toEqual(ids.map((id) => `https://t.me/bakerynews/${id}`));
    const before = telegram.messagesIn(news).length;
    // A retry after everything went out sends nothing again.
    const again = await provider().publish(
      s,
      publicationOf(publication.parts, { published: publication.out }),
    );
    expect(again.ok && again.value.map((part) => part.remoteId)).toEqual(ids);
    expect(telegram.messagesIn(news)).toHaveLength(before);
  });

  it('links a private channel’s messages through t.me/c/', async () => {
    const secret = telegram.addChannel('Staff', null);
    telegram.promote(secret, bot);
    const connected = await connect(String(secret.id));
    if (!connected.ok) throw new Error(connected.failure.message);
    const publication = publicationOf(['Inventory on Friday']);
    await provider().publish(sessionFrom(connected.value), publication);
    const id = publication.out[0]?.remoteId;
    expect(publication.out[0]?.url).toBe(`https://t.me/c/${String(secret.id).slice(4)}/${id}`);
  });

  it('sends one image with sendPhoto and several as an album, the text as the caption', async () => {
    const s = await session();
    await provider().publish(s, publicationOf(['One loaf'], { files: [imageFile('loaf.jpg')] }));
    const single = telegram.messagesIn(news).at(-1);
    expect(single).toMatchObject({ caption: 'One loaf', files: [{ type: 'photo', name: 'loaf.jpg' }] });

    const album = publicationOf(['Three loaves'], {
      files: [imageFile('a.jpg'), imageFile('b.jpg'), imageFile('c.jpg')],
    });
    await provider().publish(s, album);
    const sent = telegram.messagesIn(news).slice(-3);
    expect(sent.map((message) => message.files[0]?.name)).toEqual(['a.jpg', 'b.jpg', 'c.jpg']);
    expect(sent.map((message) => message.caption)).toEqual(['Three loaves', null, null]);
    expect(album.out[0]?.remoteId).toBe(String(sent[0]?.message_id));
  });

  it('refuses a caption over 1,024 characters before sending anything', async () => {
    const s = await session();
    const calls = telegram.calls.length;
    const result = await provider().publish(
      s,
      publicationOf(['x'.repeat(1025)], { files: [imageFile('a.jpg')] }),
    );
    expect(!result.ok && result.failure).toMatchObject({
      kind: 'rejected',
      message: expect.stringMatching(/1024 characters/),
    });
    expect(telegram.calls.length).toBe(calls);
  });

  it('maps a flood limit to a retry at retry_after, and keeps the parts already out', async () => {
    const s = await session();
    telegram.rateLimit('sendMessage', 7);
    const publication = publicationOf(['one']);
    const limited = await provider().publish(s, publication);
    expect(!limited.ok && limited.failure).toMatchObject({
      kind: 'retryable',
      statusCode: 429,
      retryAt: new Date(NOW.getTime() + 7_000),
      message: expect.stringContaining('Too Many Requests: retry after 7'),
    });
    telegram.inject('sendMessage', { status: 502, description: 'Bad Gateway' });
    const down = await provider().publish(s, publicationOf(['two']));
    expect(!down.ok && down.failure.kind).toBe('retryable');
  });

  it('marks a revoked token for reconnecting and never shows the token', async () => {
    const gone = telegram.addBot('old_bot');
    telegram.promote(news, gone);
    const connected = await connect('@bakerynews', gone.token);
    if (!connected.ok) throw new Error(connected.failure.message);
    telegram.revoke(gone);
    const result = await provider().publish(sessionFrom(connected.value), publicationOf(['hello']));
    expect(!result.ok && result.failure).toMatchObject({ kind: 'auth_expired', statusCode: 401 });
    expect(!result.ok && result.failure.message).not.toContain(gone.token);
  });

  it('maps a bot removed from the channel to a refusal in Telegram’s words', async () => {
    const s = await session();
    news.admins.delete(bot.id);
    const result = await provider().publish(s, publicationOf(['hello']));
    telegram.promote(news, bot);
    expect(!result.ok && result.failure).toMatchObject({
      kind: 'rejected',
      statusCode: 403,
      message: expect.stringContaining('Forbidden: bot is not a member of the channel chat'),
    });
  });

  it('reads nothing back: results, mentions and replies are refused, not retried', async () => {
    const s = await session();
    const p = provider();
    for (const result of [await p.metrics(s, '1'), await p.mentions(s, null)]) {
      expect(!result.ok && result.failure.kind).toBe('rejected');
    }
  });
});
