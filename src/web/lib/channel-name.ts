import { getI18n } from 'react-i18next';
import type { ChannelId } from '#shared/channel-ids.js';
import { CHANNEL_RULES } from '#shared/channels.js';

/**
 * A channel's name in the interface's language. Most are brands, written the same everywhere (Instagram,
 * LinkedIn); the ones that are words ("Email", "Google Business Profile") are in `common`'s `channelNames`.
 *
 * @example channelName('email') // 'E-mail' in French
 */
export function channelName(channel: ChannelId): string {
  const fallback = CHANNEL_RULES[channel].name;
  // Without an i18n instance (a script, a test that set none up), the shared English name.
  return getI18n()?.t(`channelNames.${channel}`, { ns: 'common', defaultValue: fallback }) ?? fallback;
}
