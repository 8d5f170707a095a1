import type { TFunction } from 'i18next';
import type {
  DeliveryStatus,
  ImportMessagesBody,
  InboxRule,
  Priority,
  Sentiment,
} from '#shared/inbox.schema.js';
import { channelName } from '#web/lib/channel-name.js';
import { formatNumber } from '#web/lib/workspace-format.js';

type Tone = 'neutral' | 'accent' | 'success' | 'warning' | 'danger';

export const PRIORITY_TONES = {
  low: 'neutral',
  normal: 'neutral',
  high: 'warning',
  urgent: 'danger',
} as const satisfies Record<Priority, Tone>;

export const SENTIMENT_TONES = {
  positive: 'success',
  neutral: 'neutral',
  negative: 'danger',
} as const satisfies Record<Sentiment, Tone>;

export const DELIVERY_TONES = {
  draft: 'accent',
  pending: 'neutral',
  sent: 'success',
  failed: 'danger',
} as const satisfies Record<DeliveryStatus, Tone>;

/** Languages offered in the filter and the correction form; any other code the classifier found still shows. */
export const COMMON_LANGUAGES = ['en', 'fr', 'de', 'es', 'it', 'nl', 'pt'] as const;

/** "fr" → "French" in the interface's language (`uiLanguage`); an unknown code is shown as it is. */
export function languageName(code: string, uiLanguage: string): string {
  try {
    return new Intl.DisplayNames([uiLanguage, 'en'], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
}

export { channelName };

/**
 * A wait in its two largest units, as the workspace's locale abbreviates them: 7_500 → "2 hrs 5 mins" in
 * en-GB, "2 h 5 min" in fr-FR; 200_000 → "2 days 7 hrs", "2 j 7 h".
 */
export function formatSeconds(seconds: number): string {
  const unit = (value: number, name: 'second' | 'minute' | 'hour' | 'day') =>
    formatNumber(value, { style: 'unit', unit: name, unitDisplay: 'short' });
  if (seconds < 60) return unit(seconds, 'second');
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return unit(minutes, 'minute');
  const hours = Math.floor(minutes / 60);
  if (hours < 24)
    return minutes % 60 === 0
      ? unit(hours, 'hour')
      : `${unit(hours, 'hour')} ${unit(minutes % 60, 'minute')}`;
  const days = Math.floor(hours / 24);
  return hours % 24 === 0 ? unit(days, 'day') : `${unit(days, 'day')} ${unit(hours % 24, 'hour')}`;
}

/** The customer as a person reads them: their name, else their handle, else the channel's id for them. */
export function customerName(customer: { name: string | null; handle: string | null; external_id: string }) {
  return customer.name ?? customer.handle ?? customer.external_id;
}

/** A `datetime-local` value (local wall time, minutes) → ISO UTC; undefined when empty or invalid. */
export function localInputToIso(value: string): string | undefined {
  if (!value) return undefined;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

/** The `datetime-local` value for `date` in the reader's time zone. */
export function isoToLocalInput(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/**
 * A rule in one sentence, in the reader's language: "When “refund” or /order #\d+/ → label billing, assign
 * Ana, priority High, AI draft for review."
 */
export function describeRule(
  rule: InboxRule,
  memberName: (id: string) => string,
  t: TFunction<'inbox'>,
): string {
  const when = [
    ...rule.match.keywords.map((keyword) => t('rules.keyword', { keyword })),
    ...(rule.match.regex ? [`/${rule.match.regex}/`] : []),
  ];
  const { labels, assignee_id: assignee, priority, prepare_draft: draft } = rule.actions;
  const then = [
    ...(labels.length > 0 ? [t('rules.addLabels', { labels: labels.join(', ') })] : []),
    ...(assignee ? [t('rules.assign', { member: memberName(assignee) })] : []),
    ...(priority ? [t('rules.setPriority', { priority: t(`priority.${priority}`) })] : []),
    ...(draft ? [rule.auto_send ? t('rules.autoSent') : t('rules.draft')] : []),
  ];
  return t('rules.summary', { conditions: when.join(t('rules.or')), actions: then.join(', ') });
}

/** Why a file cannot be imported, as a key of the `import` strings. */
export type ImportFileProblem = 'notAnArray' | 'notJson';

/**
 * The import request for a file (JSON by its `.json` name, CSV otherwise), or why the file cannot be
 * sent.
 *
 * @example
 * importBodyFor(id, 'history.csv', text); // { business_id: id, csv: text }
 */
export function importBodyFor(
  businessId: string,
  name: string,
  text: string,
): ImportMessagesBody | ImportFileProblem {
  if (!name.toLowerCase().endsWith('.json')) return { business_id: businessId, csv: text };
  try {
    const parsed: unknown = JSON.parse(text);
    return Array.isArray(parsed) ? { business_id: businessId, messages: parsed } : 'notAnArray';
  } catch {
    return 'notJson';
  }
}
