import type { ReactNode } from 'react';
import {
  BLUESKY_DEFAULT_PDS,
  type CredentialsNetworkId,
  type NetworkAccount,
  type NetworkId,
} from '#shared/network.schema.js';

// What each network's credentials form asks for, described once: the shared CredentialsForm draws the
// fields, checks them with the network's schema (NETWORK_CREDENTIALS_SCHEMAS) and shows the server's
// refusals beside them. A field's `name` is its key in that schema.

/** One field of a credentials form. */
export interface CredentialField {
  name: string;
  label: string;
  /** `secret`: masked, never filled in again (a token, an app password, a webhook URL). */
  kind: 'text' | 'url' | 'secret';
  placeholder?: string;
  /** Where to find the value, in the network's own menu names. */
  hint?: ReactNode;
  /** Filled in when the form opens for a new account. */
  initial?: string;
  /**
   * Reconnecting: the account's value. `readOnly` fields name the account itself (it stays the same
   * account); the others are only filled in to spare typing.
   */
  fromAccount?: (account: NetworkAccount) => string;
  readOnly?: boolean;
}

/** A network connected through a credentials form (not OAuth). */
export interface CredentialNetwork {
  network: CredentialsNetworkId;
  /** Under the "Connect …" heading. */
  description: string;
  /** In the reconnect dialog. */
  reconnectDescription: string;
  fields: CredentialField[];
}

/** The credential networks, in the order Settings → Channels offers them. */
export const CREDENTIAL_NETWORKS: readonly CredentialNetwork[] = [
  {
    network: 'mastodon',
    description: 'Your instance’s address and an access token made there for mcc.',
    reconnectDescription: 'Paste a new access token for this account; the old one is forgotten.',
    fields: [
      {
        name: 'instance_url',
        label: 'Instance address',
        kind: 'url',
        placeholder: 'https://mastodon.social',
        fromAccount: (account) => account.base_url ?? '',
        readOnly: true,
      },
      {
        name: 'access_token',
        label: 'Access token',
        kind: 'secret',
        hint: (
          <>
            On your instance: <strong>Preferences → Development → New application</strong>, keep the scopes{' '}
            <code>read</code> and <code>write</code>, save, and copy “Your access token”.
          </>
        ),
      },
    ],
  },
  {
    network: 'bluesky',
    description:
      'Your handle and an app password made in Bluesky for mcc; the PDS address only if your account is hosted elsewhere than bsky.social.',
    reconnectDescription: 'Paste a new app password for this account; the old session is forgotten.',
    fields: [
      {
        name: 'handle',
        label: 'Handle',
        kind: 'text',
        placeholder: 'bakery.bsky.social',
        fromAccount: (account) => account.handle.replace(/^@/, ''),
        readOnly: true,
      },
      {
        name: 'app_password',
        label: 'App password',
        kind: 'secret',
        placeholder: 'abcd-efgh-ijkl-mnop',
        hint: (
          <>
            In Bluesky: <strong>Settings → Privacy and security → App passwords → Add App Password</strong>,
            name it “mcc”, leave direct messages off, and copy the password shown. Never your account’s own
            password.
          </>
        ),
      },
      {
        name: 'pds_url',
        label: 'PDS address',
        kind: 'url',
        initial: BLUESKY_DEFAULT_PDS,
        hint: 'Leave https://bsky.social unless your account is hosted on another PDS.',
        fromAccount: (account) => account.base_url ?? '',
        readOnly: true,
      },
    ],
  },
  {
    network: 'telegram',
    description:
      'A bot’s token and the channel it posts to; the bot has to be one of the channel’s administrators. mcc publishes there and reads nothing back.',
    reconnectDescription: 'Paste the bot’s new token (after Revoke in @BotFather); the old one is forgotten.',
    fields: [
      {
        name: 'bot_token',
        label: 'Bot token',
        kind: 'secret',
        placeholder: '123456789:AAH…',
        hint: (
          <>
            In Telegram, message <strong>@BotFather</strong>: <code>/newbot</code>, choose a name and a
            username, and copy the token it answers. Then in your channel:{' '}
            <strong>Administrators → Add Admin</strong>, pick the bot, and leave “Post Messages” on.
          </>
        ),
      },
      {
        name: 'channel',
        label: 'Channel',
        kind: 'text',
        placeholder: '@bakerynews',
        hint: 'The channel’s public link name (@bakerynews or t.me/bakerynews); for a private channel, its id (-100…), shown in Telegram Web’s address bar when the channel is open.',
        fromAccount: (account) => account.handle,
        readOnly: true,
      },
    ],
  },
  {
    network: 'discord',
    description: 'An incoming webhook of the channel to post to. mcc publishes there and reads nothing back.',
    reconnectDescription: 'Paste the URL of a new webhook for the same channel; the old one is forgotten.',
    fields: [
      {
        name: 'webhook_url',
        label: 'Webhook URL',
        kind: 'secret',
        placeholder: 'https://discord.com/api/webhooks/…',
        hint: (
          <>
            In Discord: the channel’s <strong>Edit Channel → Integrations → Webhooks → New Webhook</strong>,
            name it, then <strong>Copy Webhook URL</strong> (it needs the Manage Webhooks permission).
          </>
        ),
      },
      {
        name: 'thread_id',
        label: 'Thread id (optional)',
        kind: 'text',
        hint: 'To post in one thread or forum post of that channel: turn on Developer Mode (User Settings → Advanced), right-click the thread, Copy Thread ID. Empty: the channel itself.',
      },
    ],
  },
  {
    network: 'slack',
    description:
      'An incoming webhook of the channel to post to. Text only: Slack’s webhooks take no files. mcc publishes there and reads nothing back.',
    reconnectDescription: 'Paste the URL of the webhook again, or of one that replaced it.',
    fields: [
      {
        name: 'webhook_url',
        label: 'Webhook URL',
        kind: 'secret',
        placeholder: 'https://hooks.slack.com/services/…',
        hint: (
          <>
            At <strong>api.slack.com/apps</strong>: Create New App → From scratch, pick your workspace, open{' '}
            <strong>Incoming Webhooks</strong>, turn them on, <strong>Add New Webhook to Workspace</strong>,
            pick the channel, and copy the Webhook URL.
          </>
        ),
      },
      {
        name: 'channel_name',
        label: 'Channel name',
        kind: 'text',
        placeholder: '#announcements',
        hint: 'How the account is named here: Slack does not tell which channel a webhook posts to.',
        fromAccount: (account) => account.display_name.replace(/^#/, ''),
      },
    ],
  },
];

/** The form description of a credential network. */
export function credentialNetwork(network: NetworkId): CredentialNetwork | undefined {
  return CREDENTIAL_NETWORKS.find((candidate) => candidate.network === network);
}
