import { describe, expect, it, vi } from 'vitest';
import type { ConversationRow, MessageRow } from '#server/db/schema.js';
import type { NetworkReplyDeps } from './network-reply.js';
import { replyThroughNetwork } from './network-reply.js';

// Which inbox replies go through a connected account: never on a publish-only network (a webhook or a bot
// answers no one), whose conversations come from the signed inbound webhook and keep the connector's way.

describe('replyThroughNetwork', () => {
  it('leaves replies on a publish-only network to the connector, without looking for an account', async () => {
    const listForNetwork = vi.fn(async () => []);
    const deps = { repos: { networkAccounts: { listForNetwork } } } as unknown as NetworkReplyDeps;
    const message = { business_id: 'b1', body: 'Thanks!' } as MessageRow;
    for (const channel of ['slack', 'discord', 'telegram']) {
      const conversation = { channel, customer_handle: '@sam' } as ConversationRow;
      expect(await replyThroughNetwork(deps, conversation, message, 'remote-1')).toBeUndefined();
    }
    expect(listForNetwork).not.toHaveBeenCalled();
    await replyThroughNetwork(deps, { channel: 'mastodon' } as ConversationRow, message, 'remote-1');
    expect(listForNetwork).toHaveBeenCalledWith('b1', 'mastodon');
  });

  it('never answers a direct message in public: networks that cannot answer privately leave it to the connector', async () => {
    const listForNetwork = vi.fn(async () => []);
    const deps = { repos: { networkAccounts: { listForNetwork } } } as unknown as NetworkReplyDeps;
    const message = { business_id: 'b1', body: 'Which size?', visibility: 'direct' } as MessageRow;
    for (const channel of ['linkedin', 'threads']) {
      const conversation = { channel, customer_handle: '@sam' } as ConversationRow;
      expect(await replyThroughNetwork(deps, conversation, message, 'remote-1')).toBeUndefined();
    }
    expect(listForNetwork).not.toHaveBeenCalled();
    await replyThroughNetwork(deps, { channel: 'mastodon' } as ConversationRow, message, 'remote-1');
    expect(listForNetwork).toHaveBeenCalledWith('b1', 'mastodon');
  });

  it('answers a direct message privately: naming the customer only where a direct message is a mention (Mastodon)', async () => {
    const sent: Array<{ network: string; text: string; inReplyTo: string; direct: boolean | undefined }> = [];
    const provider = (network: string) => ({
      reply: vi.fn(
        async (_session: unknown, reply: { text: string; inReplyTo: string; direct?: boolean }) => {
          sent.push({ network, text: reply.text, inReplyTo: reply.inReplyTo, direct: reply.direct });
          return { ok: true as const, value: { position: 0, remoteId: `${network}-answer`, url: null } };
        },
      ),
    });
    const account = (network: string) => ({
      id: `${network}-account`,
      business_id: 'b1',
      network,
      status: 'connected',
      access_token_encrypted: 'sealed',
      refresh_token_encrypted: null,
      base_url: '',
      token_expires_at: null,
      remote_account_id: 'me',
      handle: '@shop',
    });
    const deps = {
      repos: {
        networkAccounts: { listForNetwork: async (_b: string, network: string) => [account(network)] },
      },
      networks: {
        mastodon: provider('mastodon'),
        bluesky: provider('bluesky'),
        x: provider('x'),
        facebook: provider('facebook'),
        instagram: provider('instagram'),
      },
      secretBox: { open: (sealed: string) => `opened ${sealed}` },
      now: () => new Date('2031-03-03T10:00:00.000Z'),
    } as unknown as NetworkReplyDeps;
    const message = {
      id: 'm1',
      business_id: 'b1',
      body: 'Yes: which size?',
      visibility: 'direct',
      created_at: '2031-03-03T10:00:00.000Z',
    } as MessageRow;
    for (const channel of ['mastodon', 'bluesky', 'x', 'facebook', 'instagram']) {
      const conversation = { channel, customer_handle: '@sam' } as ConversationRow;
      expect(await replyThroughNetwork(deps, conversation, message, `dm:c1:${channel}`)).toEqual({
        status: 'sent',
        remoteId: `${channel}-answer`,
      });
    }
    expect(sent).toEqual([
      { network: 'mastodon', text: '@sam Yes: which size?', inReplyTo: 'dm:c1:mastodon', direct: true },
      { network: 'bluesky', text: 'Yes: which size?', inReplyTo: 'dm:c1:bluesky', direct: true },
      { network: 'x', text: 'Yes: which size?', inReplyTo: 'dm:c1:x', direct: true },
      { network: 'facebook', text: 'Yes: which size?', inReplyTo: 'dm:c1:facebook', direct: true },
      { network: 'instagram', text: 'Yes: which size?', inReplyTo: 'dm:c1:instagram', direct: true },
    ]);
  });
});
