import type { TFunction } from 'i18next';
import type { ChannelId } from '#shared/channel-ids.js';
import type { PublishOutcome } from '#shared/connector.schema.js';
import { channelName } from '#web/lib/channel-name.js';

export const OUTCOME_TONES = {
  succeeded: 'success',
  retrying: 'warning',
  failed: 'danger',
} as const satisfies Record<PublishOutcome, string>;

/** "All channels" for null (in the reader's language), else the networks' names. */
export function describeChannels(channels: readonly ChannelId[] | null, t: TFunction<'publishing'>): string {
  if (channels === null) return t('allChannels');
  return channels.map((channel) => channelName(channel)).join(', ');
}

/** "The receiver answered HTTP 422" → "… HTTP 422."; text that already ends a sentence is left alone. */
export function sentence(text: string): string {
  const trimmed = text.trim();
  return /[.!?…]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}
