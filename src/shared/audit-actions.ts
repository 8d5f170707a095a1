/**
 * What the audit log records, one code per kind of change: dotted names, past tense. The server writes
 * only these (audit.service.ts); the web app names each in the reader's language (`audit.actions` in
 * workspaces.json), and the API carries the code.
 */
export const AUDIT_ACTIONS = [
  'business.created',
  'business.updated',
  'member.added',
  'member.role_changed',
  'member.removed',
  'member.invited',
  'member.invitation_resent',
  'member.invitation_revoked',
  'member.joined',
  'api_key.created',
  'api_key.revoked',
  'ai.budget_changed',
  'ai.provider_changed',
  'ai.provider_tested',
  'campaign.created',
  'campaign.status_changed',
  'campaign.deleted',
  'content.deleted',
  'queue.updated',
  'content.restored',
  'calendar_feed.created',
  'calendar_feed.revoked',
  'review_link.created',
  'review_link.revoked',
  'webhook.created',
  'webhook.updated',
  'webhook.secret_rotated',
  'webhook.deleted',
  'connector.created',
  'connector.updated',
  'connector.secret_rotated',
  'network_account.connected',
  'network_account.reconnected',
  'network_account.disconnected',
  'network_oauth_app.saved',
  'network_oauth_app.cleared',
  'connector.deleted',
  'inbox.inbound_secret_created',
  'inbox.inbound_secret_rotated',
  'inbox.rule_created',
  'inbox.rule_updated',
  'inbox.rule_deleted',
  'media.deleted',
] as const;

export type AuditAction = (typeof AUDIT_ACTIONS)[number];

const KNOWN: ReadonlySet<string> = new Set(AUDIT_ACTIONS);

/** Whether `action` is one of the codes above (an entry written by an older or newer server may not be). */
export function isAuditAction(action: string): action is AuditAction {
  return KNOWN.has(action);
}
