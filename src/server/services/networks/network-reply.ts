import type { ConversationRow, MessageRow } from '#server/db/schema.js';
import type { NetworkRegistry } from '#server/integrations/networks/index.js';
import type { Repositories } from '#server/repositories/index.js';
import {
  DIRECT_MESSAGE_NETWORKS,
  NETWORK_CHANNELS,
  type NetworkId,
  readsBack,
} from '#shared/network.schema.js';
import type { SecretBox } from '../access/security/secret-box.js';
import { type SessionDeps, sessionOf } from './network-session.js';

/**
 * Networks whose direct message is a post that reaches the accounts it names (Mastodon's private mention):
 * the answer names the customer as a public one does. Elsewhere a direct message lives in a private
 * conversation (Bluesky's chat, X's DMs, Messenger, Instagram Direct), where the answer goes as it was
 * written.
 */
const DIRECT_BY_MENTION: readonly NetworkId[] = ['mastodon'];

/** What answering on a network needs. */
export interface NetworkReplyDeps {
  repos: Repositories;
  networks: NetworkRegistry;
  /** The network accounts' tokens. */
  secretBox: SecretBox;
  now: () => Date;
  /** The OAuth app an account's tokens renew with (network-session.ts). */
  oauthApps?: SessionDeps['oauthApps'];
}

/** How the reply went; `remoteId`: the network's id of the reply, stored on the message. */
export type NetworkReplyResult = { status: 'sent'; remoteId: string } | { status: 'failed'; error: string };

/**
 * Send an inbox reply through the workspace's account on the conversation's network, as an answer to
 * the customer's last message (naming them, so they are notified, unless it goes into a private
 * conversation). Undefined when the channel has no
 * network account, or its network answers nothing (a webhook): the reply then goes the connector's way.
 *
 * @example
 * const sent = await replyThroughNetwork(deps, conversation, message, inReplyTo);
 */
export async function replyThroughNetwork(
  deps: NetworkReplyDeps,
  conversation: ConversationRow,
  message: MessageRow,
  inReplyTo: string | null,
): Promise<NetworkReplyResult | undefined> {
  const network = (Object.keys(NETWORK_CHANNELS) as NetworkId[]).find(
    (id) => NETWORK_CHANNELS[id] === conversation.channel,
  );
  if (!network || !readsBack(network)) return undefined;
  const direct = message.visibility === 'direct';
  // A private message is never answered in public: networks that cannot answer privately leave it to the connector.
  if (direct && !DIRECT_MESSAGE_NETWORKS.includes(network)) return undefined;
  const accounts = await deps.repos.networkAccounts.listForNetwork(message.business_id, network);
  if (accounts.length === 0) return undefined;
  const account = accounts.find((candidate) => candidate.status === 'connected');
  if (!account) {
    return {
      status: 'failed',
      error: 'The account needs reconnecting in Settings → Channels, then send again',
    };
  }
  if (!inReplyTo) {
    return { status: 'failed', error: 'There is no message from the customer on the network to answer' };
  }
  const handle = conversation.customer_handle;
  const names = !direct || DIRECT_BY_MENTION.includes(network);
  const text = names && handle && !message.body.includes(handle) ? `${handle} ${message.body}` : message.body;
  const result = await deps.networks[network].reply(await sessionOf(account, deps), {
    inReplyTo,
    text,
    // The message's own id: sending the same reply again cannot post it twice.
    idempotencyKey: `reply:${message.id}`,
    writtenAt: message.created_at,
    direct,
  });
  if (result.ok) return { status: 'sent', remoteId: result.value.remoteId };
  if (result.failure.kind === 'auth_expired') {
    // As for publishing: a refused token (or a refused renewal of it) stops the account until reconnected.
    const at = deps.now().toISOString();
    await deps.repos.networkAccounts.update(account.business_id, account.id, {
      status: 'needs_reconnect',
      last_error: result.failure.message.slice(0, 2000),
      checked_at: at,
      updated_at: at,
    });
  }
  return { status: 'failed', error: result.failure.message };
}
