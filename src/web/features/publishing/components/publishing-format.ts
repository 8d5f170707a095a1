import type { ChannelId } from '#shared/channel-ids.js';
import { CHANNEL_RULES } from '#shared/channels.js';
import type { PublishFailureKind, PublishOutcome } from '#shared/connector.schema.js';

export const OUTCOME_LABELS: Record<PublishOutcome, string> = {
  succeeded: 'Published',
  retrying: 'Failed, will retry',
  failed: 'Failed',
};

export const OUTCOME_TONES = {
  succeeded: 'success',
  retrying: 'warning',
  failed: 'danger',
} as const satisfies Record<PublishOutcome, string>;

/** Why an attempt failed, in words that say what to do. */
export const FAILURE_KIND_LABELS: Record<PublishFailureKind, string> = {
  retryable: 'The receiver was unavailable; tried again later',
  auth_expired: 'The receiver refused our credentials: check the connector',
  rejected: 'The receiver refused the item',
  no_connector: 'No connector publishes this channel',
};

/** "All channels" for null, else the networks' names. */
export function describeChannels(channels: readonly ChannelId[] | null): string {
  if (channels === null) return 'All channels';
  return channels.map((channel) => CHANNEL_RULES[channel].name).join(', ');
}

/** 87 → "87 ms", 2350 → "2.4 s". */
export function formatDuration(ms: number): string {
  return ms < 1000 ? `${ms} ms` : `${(ms / 1000).toFixed(1)} s`;
}

/** "The receiver answered HTTP 422" → "… HTTP 422."; text that already ends a sentence is left alone. */
export function sentence(text: string): string {
  const trimmed = text.trim();
  return /[.!?…]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}
