import { CHANNEL_IDS, type ChannelId } from './channel-ids.js';
import { NETWORK_IDS, NETWORK_NAMES, type NetworkId } from './network.schema.js';

/**
 * Why something failed, from a closed list: a content item's `publish_error` (and the history note and
 * notification that repeat it), a job's `last_error`, a network account's `last_error`, a webhook
 * delivery's `last_error`. The API carries the English, which webhook receivers and API clients read; the
 * web app reads the text back (`readFailureReason`) to show it in the reader's language. A text not
 * written from this list is shown as it is.
 *
 * A placeholder's name says what it holds (`placeholderKind`): a number, a channel (written as its id), a
 * network (written as `NETWORK_NAMES` spells it, read back as its id), a network's one-word error name, an
 * instant (`time`, written as an ISO-8601 UTC timestamp, shown on the workspace's clock), or
 * text — another reason from this list, or someone else's words (a network's refusal) that stay as they
 * were written.
 *
 * Order matters where two templates could read the same text: the more specific one comes first.
 */
export const FAILURE_REASONS = {
  // Publishing an item.
  noConnector: 'No publishing connector is set up for {channel}: add one in the workspace settings',
  accountNeedsReconnect: 'The account needs reconnecting in Settings → Channels',
  accountNeedsReconnectBecause: 'The account needs reconnecting in Settings → Channels: {reason}',
  noLongerAccepted: '“{via}” no longer accepts our requests (reconnect it): {reason}',
  itemRefused: '“{via}” refused the item: {reason}',
  gaveUp: 'Gave up after {attempts} attempts through “{via}”: {reason}',
  failedThrough: 'Failed through “{via}”: {reason}',
  failedInsideApp: 'Publishing failed inside the app: {error}',
  notQueued: 'Publishing could not be scheduled ({error}); schedule the item again',
  attemptFailed: 'Attempt {attempt} of {max}: {reason}',
  // A network that no longer takes the account's token (the account's `last_error`).
  sessionNotStored:
    '{network} refused the session (HTTP {status}): no refresh token is stored; reconnect the account',
  tokenRefused: '{network} refused the token (HTTP {status})',
  tokenRefusedBecause: '{network} refused the token (HTTP {status}): {reason}',
  tokenRefusedCode: '{network} refused the token (code {code})',
  tokenRefusedCodeBecause: '{network} refused the token (code {code}): {reason}',
  tokenExpired: '{network} refused the token: it expired; sign in again',
  renewalRefused: '{network} refused to renew the token; connect the account again ({reason})',
  appGone:
    '{network}: the {network} app this account was connected with is no longer configured; connect the account again',
  noRefreshToken:
    '{network}: the token expired and {network} issued no refresh token for it; connect the account again',
  sessionRefused: '{network} refused the session (HTTP {status})',
  sessionRefusedBecause: '{network} refused the session (HTTP {status}): {reason}',
  sessionRefusedNamed: '{network} refused the session (HTTP {status} {errorName})',
  sessionRefusedNamedBecause: '{network} refused the session (HTTP {status} {errorName}): {reason}',
  // A network's answer to a post or a read (the first that fits; its own words, when it gave some, stay).
  rateLimitedBecauseUntil: '{network} rate-limited us (HTTP {status}): {reason}; try again after {time}',
  rateLimitedUntil: '{network} rate-limited us (HTTP {status}); try again after {time}',
  rateLimitedBecause: '{network} rate-limited us (HTTP {status}): {reason}',
  rateLimited: '{network} rate-limited us (HTTP {status})',
  networkBusyBecauseUntil:
    '{network} could not take it just now (HTTP {status}): {reason}; try again after {time}',
  networkBusyUntil: '{network} could not take it just now (HTTP {status}); try again after {time}',
  networkBusyBecause: '{network} could not take it just now (HTTP {status}): {reason}',
  networkBusy: '{network} could not take it just now (HTTP {status})',
  networkRefusedItBecause: '{network} refused it (HTTP {status}): {reason}',
  networkRefusedIt: '{network} refused it (HTTP {status})',
  networkSilent: '{network} did not answer: {error}',
  networkOutOfReach: '{network} cannot be reached from this server: {error}',
  webhookRefused: '{network} refused the webhook (HTTP {status}): {reason}',
  webhookUnknown:
    '{network} no longer knows this webhook (HTTP {status}): {reason}; it was deleted, make a new one',
  // Delivering to a webhook's receiver (a delivery's `last_error`).
  webhookDisabled: 'The webhook is disabled',
  secretUnreadable: 'The signing secret cannot be read (SECRET_KEY changed?); rotate the webhook’s secret',
  receiverAnswered: 'The receiver answered HTTP {status}',
  receiverSilent: 'No answer within {ms} ms',
  tooManyRedirects: 'More than {max} redirects',
  receiverUnreachable: 'Could not reach the receiver: {error}',
  deliveryFailed: 'The delivery failed',
} as const;

export type FailureReasonCode = keyof typeof FAILURE_REASONS;

const NUMBER_PLACEHOLDERS = ['attempt', 'attempts', 'max', 'status', 'code', 'ms'] as const;
type NumberPlaceholder = (typeof NUMBER_PLACEHOLDERS)[number];

/** What a placeholder holds, by its name. */
export type PlaceholderKind = 'number' | 'channel' | 'network' | 'errorName' | 'time' | 'text';

export function placeholderKind(name: string): PlaceholderKind {
  if ((NUMBER_PLACEHOLDERS as readonly string[]).includes(name)) return 'number';
  if (name === 'channel' || name === 'network' || name === 'errorName' || name === 'time') return name;
  return 'text';
}

type PlaceholdersOf<T extends string> = T extends `${string}{${infer Name}}${infer Rest}`
  ? Name | PlaceholdersOf<Rest>
  : never;

type WrittenValue<Name extends string> = Name extends NumberPlaceholder
  ? number
  : Name extends 'channel'
    ? ChannelId
    : string;

/** What a reason's text names, by placeholder; a network as the integrations name it (`NETWORK_NAMES`). */
export type FailureReasonValues<C extends FailureReasonCode> = {
  [Name in PlaceholdersOf<(typeof FAILURE_REASONS)[C]>]: WrittenValue<Name>;
};

/** What a reason read back names: numbers, a channel's or a network's id, text. */
export type ReadValue = number | string;

const PLACEHOLDER = /\{(\w+)\}/g;

/**
 * A reason's English text, its placeholders filled.
 * @example failureReason('itemRefused', { via: 'Blog', reason: 'Title missing' }) // '“Blog” refused the item: Title missing'
 */
export function failureReason<C extends FailureReasonCode>(code: C, values: FailureReasonValues<C>): string {
  const filled = values as Record<string, string | number>;
  return FAILURE_REASONS[code].replace(PLACEHOLDER, (_, name: string) => String(filled[name] ?? ''));
}

const literal = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

// Longest first, so "Google Business Profile" is not read as a shorter name that starts it.
const byLength = (names: readonly string[]) => [...names].sort((a, b) => b.length - a.length).map(literal);

const PATTERNS: Record<PlaceholderKind, string> = {
  number: '(\\d+)',
  channel: `(${byLength(CHANNEL_IDS).join('|')})`,
  network: `(${byLength(Object.values(NETWORK_NAMES)).join('|')})`,
  // A network's error name ("ExpiredToken"): one word, so it cannot swallow the reason after it.
  errorName: '([A-Za-z][\\w.]*)',
  // An instant as `Date.toISOString()` writes it.
  time: '(\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(?:\\.\\d+)?Z)',
  // Lazy, and anchored at both ends: a text takes what the template's next words leave it, newlines too.
  text: '([\\s\\S]*?)',
};

const NETWORK_BY_NAME = new Map(NETWORK_IDS.map((id) => [NETWORK_NAMES[id], id] as const));

function readValue(kind: PlaceholderKind, written: string): ReadValue {
  if (kind === 'number') return Number(written);
  if (kind === 'network') return NETWORK_BY_NAME.get(written) as NetworkId;
  return written;
}

const READERS = (Object.entries(FAILURE_REASONS) as [FailureReasonCode, string][]).map(([code, template]) => {
  const names: string[] = [];
  const pattern = template
    .split(PLACEHOLDER)
    .map((part, index) => {
      if (index % 2 === 0) return literal(part);
      // A placeholder said twice ("{network}: the {network} app…") must say the same both times.
      const seen = names.indexOf(part);
      if (seen >= 0) return `\\${seen + 1}`;
      names.push(part);
      return PATTERNS[placeholderKind(part)];
    })
    .join('');
  return { code, names, pattern: new RegExp(`^${pattern}$`) };
});

/** A reason read back: which template, and what it named. */
export interface ReadFailureReason {
  code: FailureReasonCode;
  values: Record<string, ReadValue>;
}

/**
 * The template a text was written from, with its values; undefined for any other text.
 * @example readFailureReason('Mastodon refused the token (HTTP 401)')
 * // { code: 'tokenRefused', values: { network: 'mastodon', status: 401 } }
 */
export function readFailureReason(text: string): ReadFailureReason | undefined {
  for (const { code, names, pattern } of READERS) {
    const match = pattern.exec(text);
    if (match) {
      const values = names.map((name, index) => [
        name,
        readValue(placeholderKind(name), match[index + 1] ?? ''),
      ]);
      return { code, values: Object.fromEntries(values) };
    }
  }
  return undefined;
}
