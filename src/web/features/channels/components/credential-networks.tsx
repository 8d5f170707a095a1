import type { TFunction } from 'i18next';
import type { ReactNode } from 'react';
import { Trans } from 'react-i18next';
import {
  BLUESKY_DEFAULT_PDS,
  type CredentialsNetworkId,
  type NetworkAccount,
  type NetworkId,
} from '#shared/network.schema.js';

// What each network's credentials form asks for, described once: the shared CredentialsForm draws the
// fields, checks them with the network's schema (NETWORK_CREDENTIALS_SCHEMAS) and shows the server's
// refusals beside them. A field's `name` is its key in that schema; its words are in the `channels`
// strings (credentials.<network>.…), the menu names of each network in the reader's language.

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
export const CREDENTIAL_NETWORK_IDS = [
  'mastodon',
  'bluesky',
  'telegram',
  'discord',
  'slack',
] as const satisfies readonly CredentialsNetworkId[];

/** Menu names in bold and commands in code, inside a hint's sentence. */
const HINT_TAGS = { strong: <strong />, code: <code /> };

/** The credential networks' forms, in the reader's language (`t` of the `channels` strings). */
export function credentialNetworks(t: TFunction<'channels'>): CredentialNetwork[] {
  return [
    {
      network: 'mastodon',
      description: t('credentials.mastodon.description'),
      reconnectDescription: t('credentials.mastodon.reconnect'),
      fields: [
        {
          name: 'instance_url',
          label: t('credentials.mastodon.instanceUrl'),
          kind: 'url',
          placeholder: 'https://mastodon.social',
          fromAccount: (account) => account.base_url ?? '',
          readOnly: true,
        },
        {
          name: 'access_token',
          label: t('credentials.mastodon.accessToken'),
          kind: 'secret',
          hint: <Trans t={t} i18nKey="credentials.mastodon.accessTokenHint" components={HINT_TAGS} />,
        },
      ],
    },
    {
      network: 'bluesky',
      description: t('credentials.bluesky.description'),
      reconnectDescription: t('credentials.bluesky.reconnect'),
      fields: [
        {
          name: 'handle',
          label: t('credentials.bluesky.handle'),
          kind: 'text',
          placeholder: 'bakery.bsky.social',
          fromAccount: (account) => account.handle.replace(/^@/, ''),
          readOnly: true,
        },
        {
          name: 'app_password',
          label: t('credentials.bluesky.appPassword'),
          kind: 'secret',
          placeholder: 'abcd-efgh-ijkl-mnop',
          hint: <Trans t={t} i18nKey="credentials.bluesky.appPasswordHint" components={HINT_TAGS} />,
        },
        {
          name: 'pds_url',
          label: t('credentials.bluesky.pdsUrl'),
          kind: 'url',
          initial: BLUESKY_DEFAULT_PDS,
          hint: t('credentials.bluesky.pdsUrlHint'),
          fromAccount: (account) => account.base_url ?? '',
          readOnly: true,
        },
      ],
    },
    {
      network: 'telegram',
      description: t('credentials.telegram.description'),
      reconnectDescription: t('credentials.telegram.reconnect'),
      fields: [
        {
          name: 'bot_token',
          label: t('credentials.telegram.botToken'),
          kind: 'secret',
          placeholder: '123456789:AAH…',
          hint: <Trans t={t} i18nKey="credentials.telegram.botTokenHint" components={HINT_TAGS} />,
        },
        {
          name: 'channel',
          label: t('credentials.telegram.channel'),
          kind: 'text',
          placeholder: '@bakerynews',
          hint: t('credentials.telegram.channelHint'),
          fromAccount: (account) => account.handle,
          readOnly: true,
        },
      ],
    },
    {
      network: 'discord',
      description: t('credentials.discord.description'),
      reconnectDescription: t('credentials.discord.reconnect'),
      fields: [
        {
          name: 'webhook_url',
          label: t('credentials.discord.webhookUrl'),
          kind: 'secret',
          placeholder: 'https://discord.com/api/webhooks/…',
          hint: <Trans t={t} i18nKey="credentials.discord.webhookUrlHint" components={HINT_TAGS} />,
        },
        {
          name: 'thread_id',
          label: t('credentials.discord.threadId'),
          kind: 'text',
          hint: t('credentials.discord.threadIdHint'),
        },
      ],
    },
    {
      network: 'slack',
      description: t('credentials.slack.description'),
      reconnectDescription: t('credentials.slack.reconnect'),
      fields: [
        {
          name: 'webhook_url',
          label: t('credentials.slack.webhookUrl'),
          kind: 'secret',
          placeholder: 'https://hooks.slack.com/services/…',
          hint: <Trans t={t} i18nKey="credentials.slack.webhookUrlHint" components={HINT_TAGS} />,
        },
        {
          name: 'channel_name',
          label: t('credentials.slack.channelName'),
          kind: 'text',
          placeholder: t('credentials.slack.channelNamePlaceholder'),
          hint: t('credentials.slack.channelNameHint'),
          fromAccount: (account) => account.display_name.replace(/^#/, ''),
        },
      ],
    },
  ];
}

/** Whether the network connects through a credentials form (not OAuth). */
export function isCredentialNetwork(network: NetworkId): network is CredentialsNetworkId {
  return (CREDENTIAL_NETWORK_IDS as readonly NetworkId[]).includes(network);
}

/** The form description of a credential network, in the reader's language. */
export function credentialNetwork(
  network: NetworkId,
  t: TFunction<'channels'>,
): CredentialNetwork | undefined {
  return credentialNetworks(t).find((candidate) => candidate.network === network);
}
