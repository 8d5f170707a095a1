/** Workspace roles, most powerful first. */
export const ROLES = ['owner', 'admin', 'editor', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

/**
 * The one permission table. Services ask `can(role, action)`; the web app uses the same table to hide
 * what a role cannot do (the server still decides).
 */
export const PERMISSIONS = {
  'business.read': ['owner', 'admin', 'editor', 'viewer'],
  'business.update': ['owner', 'admin'],
  'business.delete': ['owner'],
  'members.read': ['owner', 'admin', 'editor', 'viewer'],
  'members.manage': ['owner', 'admin'],
  'owners.manage': ['owner'],
  'api_keys.manage': ['owner', 'admin'],
  'audit.read': ['owner', 'admin'],
  'ai.use': ['owner', 'admin', 'editor'],
  'ai.usage.read': ['owner', 'admin', 'editor'],
  'ai.manage': ['owner', 'admin'],
  'jobs.read': ['owner', 'admin', 'editor', 'viewer'],
  /** Retry a failed job, cancel an unfinished one. */
  'jobs.manage': ['owner', 'admin', 'editor'],
  'campaigns.read': ['owner', 'admin', 'editor', 'viewer'],
  'campaigns.write': ['owner', 'admin', 'editor'],
  'campaigns.delete': ['owner', 'admin'],
  'content.read': ['owner', 'admin', 'editor', 'viewer'],
  /** Create, edit, submit for review, withdraw a submission. */
  'content.write': ['owner', 'admin', 'editor'],
  /** Approve, send back (with a comment), schedule and unschedule. */
  'content.approve': ['owner', 'admin'],
  'content.delete': ['owner', 'admin'],
  /** Forecasts, actual results, overviews and the benchmark table. */
  'analytics.read': ['owner', 'admin', 'editor', 'viewer'],
  /** Record actual results (API or CSV) and run forecasts. */
  'analytics.write': ['owner', 'admin', 'editor'],
  /** Change the workspace's overrides of the benchmark rates. */
  'analytics.manage': ['owner', 'admin'],
  // Webhook URLs are often bearer secrets themselves (Zapier, Slack, n8n catch URLs): reading is for
  // the roles that may change them.
  'webhooks.read': ['owner', 'admin'],
  /** Create, change, delete, rotate the secret, send a test, redeliver. */
  'webhooks.manage': ['owner', 'admin'],
  /** See, add, change, test and delete publishing connectors (their URLs can be secrets too). */
  'connectors.manage': ['owner', 'admin'],
  /** Read conversations, messages, canned replies and the knowledge base. */
  'inbox.read': ['owner', 'admin', 'editor', 'viewer'],
  /** Ingest and import messages, triage (assign, label, snooze, resolve), ask for AI drafts, reply, canned replies. */
  'inbox.reply': ['owner', 'admin', 'editor'],
  /** Rules, the knowledge base and the inbound webhook secret. */
  'inbox.manage': ['owner', 'admin'],
  /** See the media library and fetch its files. */
  'media.read': ['owner', 'admin', 'editor', 'viewer'],
  /** Upload, describe (alt text, tags, focal point), delete, and make signed links for networks. */
  'media.write': ['owner', 'admin', 'editor'],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

/** Whether `role` may perform `permission`. */
export function can(role: Role, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly Role[]).includes(role);
}
