import type { ApiKey, AuditEntry, Member } from '#shared/business.schema.js';

/** `member.role_changed` → "Member role changed": readable without a lookup table that would drift. */
export function describeAction(action: string): string {
  const words = action
    .replace(/[._]+/g, ' ')
    .trim()
    .replace(/\bapi\b/gi, 'API');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** Who did it: a member's name, an API key's name, or a neutral phrase when they are gone. */
export function describeActor(
  entry: AuditEntry,
  members: readonly Member[],
  keys: readonly ApiKey[],
): string {
  if (entry.actor_user_id) {
    return members.find((member) => member.user_id === entry.actor_user_id)?.name ?? 'A former member';
  }
  if (entry.actor_api_key_id) {
    const key = keys.find((candidate) => candidate.id === entry.actor_api_key_id);
    return key ? `API key “${key.name}”` : 'An API key';
  }
  return 'System';
}

/**
 * What it was done to: targets are ids, so name the member or key they point at. An id that no longer
 * resolves (a removed member) says nothing useful to a person and is left out.
 */
export function describeTarget(
  entry: AuditEntry,
  members: readonly Member[],
  keys: readonly ApiKey[],
): string | undefined {
  if (!entry.target) return undefined;
  const member = members.find((candidate) => candidate.user_id === entry.target);
  if (member) return member.name;
  const key = keys.find((candidate) => candidate.id === entry.target);
  if (key) return `API key “${key.name}”`;
  return /^[0-9a-f]{8}-[0-9a-f]{4}-/i.test(entry.target) ? undefined : entry.target;
}

/** Flat `key: value` pairs for the details column; nested values are shown as compact JSON. */
export function describeDetails(details: AuditEntry['details']): string {
  return Object.entries(details)
    .map(
      ([key, value]) =>
        `${key.replaceAll('_', ' ')}: ${typeof value === 'string' ? value : JSON.stringify(value)}`,
    )
    .join(' · ');
}
