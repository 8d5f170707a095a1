import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { slackCredentialsSchema } from '#shared/network.schema.js';
import { imageFile, publicationOf, sessionFrom } from '../../../../../test/support/networks/publication.js';
import { FakeSlackServer } from '../../../../../test/support/networks/slack/fake-slack-server.js';
import { createGuardedFetch } from '../../guarded-fetch.js';
import { createOutboundGuard } from '../../outbound-guard.js';
import { createSlackProvider } from './slack-provider.js';

// The provider over HTTP against the fake incoming webhooks (test/support/networks/slack/): the probe at
// connect posts nothing, posts are escaped text, and Slack's plain-text errors map onto failure kinds.

const NOW = new Date('2031-03-03T10:00:00.000Z');

describe('Slack provider', () => {
  let slack: FakeSlackServer;
  const provider = () =>
    createSlackProvider({
      fetch: createGuardedFetch(createOutboundGuard({ allowedHosts: ['127.0.0.1'] })),
      timeoutMs: 5_000,
      now: () => NOW,
      baseUrl: slack.url,
    });
  const connect = (webhook_url: string, channel_name = '#announcements') =>
    provider().connect(slackCredentialsSchema.parse({ webhook_url, channel_name }));
  const session = async (url: string) => {
    const connected = await connect(url);
    if (!connected.ok) throw new Error(connected.failure.message);
    return sessionFrom(connected.value);
  };

  beforeAll(async () => {
    slack = await FakeSlackServer.start();
  });
  afterAll(async () => {
    await slack.close();
  });

  it('connects a live webhook without posting anything', async () => {
    const webhook = slack.addWebhook('announcements');
    const connected = await connect(webhook.url);
    expect(connected.ok && connected.value).toMatchObject({
      baseUrl: '',
      remoteAccountId: `${webhook.team}/${webhook.hook}`,
      displayName: '#announcements',
      handle: '#announcements',
    });
    expect(slack.messages.filter((message) => message.hook === webhook.hook)).toEqual([]);
  });

  it('refuses a removed webhook as a credential to replace, and an archived channel as a refusal', async () => {
    const webhook = slack.addWebhook('old');
    slack.remove(webhook);
    const removed = await connect(webhook.url);
    expect(!removed.ok && removed.failure).toMatchObject({
      kind: 'auth_expired',
      statusCode: 404,
      message: expect.stringContaining('no_service'),
    });
    const archived = slack.addWebhook('archive');
    archived.archived = true;
    const refused = await connect(archived.url);
    expect(!refused.ok && refused.failure).toMatchObject({
      kind: 'rejected',
      statusCode: 410,
      message: expect.stringContaining('channel_is_archived (the channel is archived)'),
    });
  });

  it('publishes a thread as consecutive messages, escaped, each named once', async () => {
    const webhook = slack.addWebhook('news');
    const s = await session(webhook.url);
    const publication = publicationOf(['Bread & <butter>', 'Part two']);
    const result = await provider().publish(s, publication);
    expect(result.ok).toBe(true);
    expect(
      slack.messages.filter((message) => message.hook === webhook.hook).map((message) => message.text),
    ).toEqual(['Bread &amp; &lt;butter&gt;', 'Part two']);
    expect(publication.out).toEqual([
      { position: 0, remoteId: 'item-1@2031-03-03T10:00:00.000Z#0', url: null },
      { position: 1, remoteId: 'item-1@2031-03-03T10:00:00.000Z#1', url: null },
    ]);
  });

  it('refuses media before sending: incoming webhooks take no files', async () => {
    const webhook = slack.addWebhook('pictures');
    const s = await session(webhook.url);
    const before = slack.received.length;
    const result = await provider().publish(s, publicationOf(['Look'], { files: [imageFile('a.jpg')] }));
    expect(!result.ok && result.failure).toMatchObject({
      kind: 'rejected',
      message: expect.stringMatching(/take no files/),
    });
    expect(slack.received.length).toBe(before);
  });

  it('waits out a 429 for its Retry-After; 5xx is retried; a removed webhook needs reconnecting', async () => {
    const webhook = slack.addWebhook('busy');
    const s = await session(webhook.url);
    slack.inject({ status: 429, body: 'rate_limited', headers: { 'retry-after': '30' } });
    const limited = await provider().publish(s, publicationOf(['one']));
    expect(!limited.ok && limited.failure).toMatchObject({
      kind: 'retryable',
      retryAt: new Date(NOW.getTime() + 30_000),
    });
    slack.inject({ status: 500, body: 'rollup_error' });
    const down = await provider().publish(s, publicationOf(['two']));
    expect(!down.ok && down.failure.kind).toBe('retryable');
    slack.remove(webhook);
    const gone = await provider().publish(s, publicationOf(['three']));
    expect(!gone.ok && gone.failure.kind).toBe('auth_expired');
    expect(!gone.ok && gone.failure.message).not.toContain(webhook.secret);
  });

  it('reads nothing back', async () => {
    const webhook = slack.addWebhook('quiet');
    const s = await session(webhook.url);
    const read = await provider().mentions(s, null);
    expect(!read.ok && read.failure.kind).toBe('rejected');
  });
});
