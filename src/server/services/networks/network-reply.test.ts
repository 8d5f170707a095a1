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
    for (const channel of ['x', 'bluesky', 'facebook', 'instagram']) {
      const conversation = { channel, customer_handle: '@sam' } as ConversationRow;
      expect(await replyThroughNetwork(deps, conversation, message, 'remote-1')).toBeUndefined();
    }
    expect(listForNetwork).not.toHaveBeenCalled();
    await replyThroughNetwork(deps, { channel: 'mastodon' } as ConversationRow, message, 'remote-1');
    expect(listForNetwork).toHaveBeenCalledWith('b1', 'mastodon');
  });
});
