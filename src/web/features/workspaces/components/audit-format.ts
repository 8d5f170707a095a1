import type { ApiKey, AuditEntry, Member } from '../../../../shared/business.schema.js';

/** `member.role_changed` → "Member role changed": readable without a lookup table that would drift. */
export function describeAction(action: string): string {
  const words = action.replace(/[._]+/g, ' ').trim();
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

/** Flat `key: value` pairs for the details column; nested values are shown as compact JSON. */
export function describeDetails(details: AuditEntry['details']): string {
  return Object.entries(details)
    .map(
      ([key, value]) =>
        `${key.replaceAll('_', ' ')}: ${typeof value === 'string' ? value : JSON.stringify(value)}`,
    )
    .join(' · ');
}
