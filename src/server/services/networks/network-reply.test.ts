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
    for (const channel of ['x', 'bluesky']) {
      const conversation = { channel, customer_handle: '@sam' } as ConversationRow;
      expect(await replyThroughNetwork(deps, conversation, message, 'remote-1')).toBeUndefined();
    }
    expect(listForNetwork).not.toHaveBeenCalled();
    await replyThroughNetwork(deps, { channel: 'mastodon' } as ConversationRow, message, 'remote-1');
    expect(listForNetwork).toHaveBeenCalledWith('b1', 'mastodon');
  });

  it('names the customer in front of a public answer and a Mastodon direct status, not in a private conversation', async () => {
    const sent: Array<[string, string, boolean | undefined]> = [];
    const reply = (network: string) =>
      vi.fn(async (_session: unknown, answer: { text: string; direct?: boolean }) => {
        sent.push([network, answer.text, answer.direct]);
        return { ok: true as const, value: { position: 0, remoteId: 'r1', url: null } };
      });
    const account = {
      business_id: 'b1',
      status: 'connected',
      access_token_encrypted: 'token',
      refresh_token_encrypted: null,
    };
    const deps = {
      repos: { networkAccounts: { listForNetwork: vi.fn(async () => [account]) } },
      networks: { facebook: { reply: reply('facebook') }, mastodon: { reply: reply('mastodon') } },
      secretBox: { open: (sealed: string) => sealed },
      now: () => new Date('2031-03-03T10:00:00.000Z'),
    } as unknown as NetworkReplyDeps;
    const message = (visibility: 'public' | 'direct') =>
      ({ id: 'm1', business_id: 'b1', body: 'Which size?', visibility, created_at: '' }) as MessageRow;
    for (const channel of ['facebook', 'mastodon'] as const) {
      const conversation = { channel, customer_handle: '@sam' } as ConversationRow;
      for (const visibility of ['public', 'direct'] as const) {
        expect(await replyThroughNetwork(deps, conversation, message(visibility), 'remote-1')).toEqual({
          status: 'sent',
          remoteId: 'r1',
        });
      }
    }
    expect(sent).toEqual([
      ['facebook', '@sam Which size?', false],
      ['facebook', 'Which size?', true],
      ['mastodon', '@sam Which size?', false],
      ['mastodon', '@sam Which size?', true],
    ]);
  });
});
