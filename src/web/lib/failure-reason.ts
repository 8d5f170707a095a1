import type { TFunction } from 'i18next';
import type { ChannelId } from '#shared/channel-ids.js';
import { placeholderKind, type ReadValue, readFailureReason } from '#shared/failure-reasons.js';
import { NETWORK_NAMES, type NetworkId } from '#shared/network.schema.js';
import { channelName } from '#web/lib/channel-name.js';
import { formatDateTime } from './format-date.js';
import { formatNumber } from './workspace-format.js';

/**
 * Why something failed, in the reader's language when the server wrote it from the shared list
 * (src/shared/failure-reasons.ts): numbers and instants as the workspace writes them (on its clock), channels and networks named as
 * everywhere else in the app, and a reason inside another read the same way. Anything else — a network's
 * own refusal, a text written before the list existed — is shown as it was written.
 *
 * @example failureReasonText('Mastodon refused the token (HTTP 401)', t) // 'Mastodon a refusé le jeton (HTTP 401)'
 */
export function failureReasonText(text: string, t: TFunction<'common'>): string {
  const reason = readFailureReason(text);
  if (!reason) return text;
  const values = Object.fromEntries(
    Object.entries(reason.values).map(([name, value]) => [name, shown(name, value, t)]),
  );
  // A code without words in this language reads as the server wrote it (failure-reason.test.ts holds that
  // every code has them in every language).
  return t(`failureReasons.${reason.code}`, { ...values, defaultValue: text });
}

function shown(name: string, value: ReadValue, t: TFunction<'common'>): string {
  switch (placeholderKind(name)) {
    case 'number':
      // A status or error code is an identifier, not an amount: "HTTP 401", never "HTTP 401,0" or "1 401".
      return name === 'status' || name === 'code' ? String(value) : formatNumber(Number(value));
    case 'channel':
      return channelName(value as ChannelId);
    case 'network':
      return NETWORK_NAMES[value as NetworkId];
    case 'errorName':
      return String(value);
    case 'time':
      return formatDateTime(String(value));
    case 'text':
      return failureReasonText(String(value), t);
  }
}
