import type { TFunction } from 'i18next';
import { type AuditAction, isAuditAction } from '#shared/audit-actions.js';
import type { ApiKey, AuditEntry, Member } from '#shared/business.schema.js';
import { CAMPAIGN_STATUSES } from '#shared/campaign.schema.js';
import { CHANNEL_IDS, type ChannelId } from '#shared/channel-ids.js';
import { NETWORK_NAMES, type NetworkId } from '#shared/network.schema.js';
import { ROLES, type Role } from '#shared/roles.js';
import { channelName } from '#web/lib/channel-name.js';
import { formatNumber } from '#web/lib/workspace-format.js';

/**
 * What was done, in the reader's language: every code the server writes (src/shared/audit-actions.ts) has
 * its words in `audit.actions`. A code this build does not know (an entry from a newer server) is spelt
 * out from its parts, `member.role_changed` → "Member role changed", rather than shown raw.
 */
export function describeAction(action: string, t: TFunction<'workspaces'>): string {
  if (isAuditAction(action)) return t(`audit.actions.${actionKey(action)}`);
  const words = action
    .replace(/[._]+/g, ' ')
    .trim()
    .replace(/\bapi\b/gi, 'API');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** i18next reads dots as nesting: `member.role_changed` is kept under `member_role_changed`. */
function actionKey(action: AuditAction): AuditActionKey {
  return action.replace('.', '_') as AuditActionKey;
}

type AuditActionKey = ReplaceDot<AuditAction>;
type ReplaceDot<S extends string> = S extends `${infer Head}.${infer Tail}` ? `${Head}_${Tail}` : S;

/** Who did it: a member's name, an API key's name, or a neutral phrase when they are gone. */
export function describeActor(
  entry: AuditEntry,
  members: readonly Member[],
  keys: readonly ApiKey[],
  t: TFunction<'workspaces'>,
): string {
  if (entry.actor_user_id) {
    return members.find((member) => member.user_id === entry.actor_user_id)?.name ?? t('audit.formerMember');
  }
  if (entry.actor_api_key_id) {
    const key = keys.find((candidate) => candidate.id === entry.actor_api_key_id);
    return key ? t('audit.apiKey', { name: key.name }) : t('audit.anApiKey');
  }
  return t('audit.system');
}

/**
 * What it was done to: targets are ids, so name the member or key they point at. An id that no longer
 * resolves (a removed member) says nothing useful to a person and is left out.
 */
export function describeTarget(
  entry: AuditEntry,
  members: readonly Member[],
  keys: readonly ApiKey[],
  t: TFunction<'workspaces'>,
): string | undefined {
  if (!entry.target) return undefined;
  const member = members.find((candidate) => candidate.user_id === entry.target);
  if (member) return member.name;
  const key = keys.find((candidate) => candidate.id === entry.target);
  if (key) return t('audit.apiKey', { name: key.name });
  return /^[0-9a-f]{8}-[0-9a-f]{4}-/i.test(entry.target) ? undefined : entry.target;
}

/** Keys whose name says what they hold better in other words. */
const KEY_WORDS = { fields: 'audit.changed', ids: 'audit.items' } as const;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const dollars = (value: number) => formatNumber(value, { style: 'currency', currency: 'USD' });

/** `content.published` → "content published", `time_zone` → "time zone". */
const words = (code: string) => code.replace(/[._]+/g, ' ').trim();

/**
 * A detail's key, or a field named in a `fields` list, in the reader's language where `audit.keys` has it
 * (the fields a workspace or a connector update names, and the keys entries share); else its code in words.
 */
function keyWords(key: string, t: TFunction<'workspaces'>): string {
  return t(`audit.keys.${key}` as 'audit.keys.name', { defaultValue: words(key) });
}

const isOneOf = <T extends string>(list: readonly T[], value: string): value is T =>
  (list as readonly string[]).includes(value);

/**
 * A value its key says the kind of, named as the rest of the app names it: a role, a network, a channel,
 * a campaign's status (`from`/`to` of a role or status change). Undefined for anything else.
 */
function namedValue(key: string, value: unknown, t: TFunction<'workspaces'>): string | undefined {
  if (typeof value !== 'string') return undefined;
  const change = key === 'from' || key === 'to';
  if ((key === 'role' || change) && isOneOf<Role>(ROLES, value)) return t(`roles.${value}.inSentence`);
  if (change && isOneOf(CAMPAIGN_STATUSES, value)) return t(`audit.campaignStatuses.${value}`);
  if (key === 'network' && value in NETWORK_NAMES) return NETWORK_NAMES[value as NetworkId];
  if (key === 'channel' && isOneOf<ChannelId>(CHANNEL_IDS, value)) return channelName(value);
  return undefined;
}

/** One value in words: lists joined, ids counted, yes and no, nested values as `key value` pairs. */
function describeValue(value: unknown, t: TFunction<'workspaces'>): string {
  if (value === null || value === undefined) return t('audit.none');
  if (typeof value === 'boolean') return value ? t('audit.yes') : t('audit.no');
  if (typeof value === 'number') return formatNumber(value);
  // Codes (`time_zone`, `content.published`) read as words; names, emails and addresses stay as typed.
  if (typeof value === 'string') return /^[a-z][a-z0-9]*([._][a-z0-9]+)+$/.test(value) ? words(value) : value;
  if (Array.isArray(value)) {
    if (value.length === 0) return t('audit.none');
    if (value.every((entry) => typeof entry === 'string' && UUID.test(entry))) return String(value.length);
    return value.map((entry) => describeValue(entry, t)).join('; ');
  }
  if (typeof value === 'object') {
    const entries = Object.entries(value);
    if (entries.length === 0) return t('audit.none');
    return entries.map(([key, entry]) => `${words(key)} ${describeValue(entry, t)}`).join(', ');
  }
  return String(value);
}

/**
 * The details column in words: `key: value` pairs, lists and nested values written out rather than as
 * JSON, `from`/`to` as one change, amounts in micro-dollars as money. Keys and changed fields are in the
 * reader's language where `audit.keys` has them; other keys and codes read as English words (`time zone`).
 *
 * @example describeDetails({ fields: ['name', 'time_zone'] }, t) // 'changed: name, time zone'
 */
export function describeDetails(details: AuditEntry['details'], t: TFunction<'workspaces'>): string {
  const parts: string[] = [];
  const { from, to, ...rest } = details;
  if (from !== undefined && to !== undefined) {
    const [before, after] = [
      namedValue('from', from, t) ?? describeValue(from, t),
      namedValue('to', to, t) ?? describeValue(to, t),
    ];
    parts.push(t('audit.change', { from: before, to: after }));
  } else Object.assign(rest, from === undefined ? {} : { from }, to === undefined ? {} : { to });
  for (const [key, value] of Object.entries(rest)) {
    // A bare id (an invitation's) names nothing a person can read; the entry's target says what it was.
    if (typeof value === 'string' && UUID.test(value)) continue;
    if (key.endsWith('_micro_usd')) {
      const label = keyWords(key.slice(0, -'_micro_usd'.length), t);
      const amount = typeof value === 'number' ? dollars(value / 1_000_000) : describeValue(value, t);
      parts.push(t('audit.pair', { key: label, value: amount }));
      continue;
    }
    const list =
      Array.isArray(value) && value.every((entry) => typeof entry === 'string' && !UUID.test(entry));
    const term = key === 'fields' || key === 'ids' ? t(KEY_WORDS[key]) : keyWords(key, t);
    const described = list
      ? (value as string[])
          .map((entry) => (key === 'fields' ? keyWords(entry, t) : describeValue(entry, t)))
          .join(', ')
      : (namedValue(key, value, t) ?? describeValue(value, t));
    parts.push(t('audit.pair', { key: term, value: described }));
  }
  return parts.join(' · ');
}
