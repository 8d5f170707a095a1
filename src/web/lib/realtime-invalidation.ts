import type { LiveEvent, LiveEventType } from '#shared/events.schema.js';

/**
 * Events that change what the dashboard counts (items in review, scheduled or failed, the inbox, AI
 * spend; finished jobs bring generated content and forecasts), so its summary is fetched again.
 */
const DASHBOARD_EVENTS: ReadonlySet<LiveEventType> = new Set([
  'content.changed',
  'content.published',
  'content.failed',
  'message.received',
  'conversation.changed',
  'usage.changed',
  'job.completed',
]);

/**
 * Which cached queries an event makes stale, as query-key prefixes. Features key their workspace queries
 * `[feature, businessId, …]` (e.g. the AI feature's `['ai', businessId, 'usage', …]`), so one prefix
 * refreshes everything of that feature in that workspace. Kept here, as plain strings, because `lib` must
 * not import features.
 */
export function staleQueryPrefixes(event: LiveEvent): readonly (readonly string[])[] {
  const prefixes = featurePrefixes(event);
  return DASHBOARD_EVENTS.has(event.type) ? [...prefixes, ['dashboard', event.business_id]] : prefixes;
}

function featurePrefixes(event: LiveEvent): readonly (readonly string[])[] {
  const id = event.business_id;
  switch (event.type) {
    case 'usage.changed':
      return [['ai', id]];
    case 'job.progress':
      return [['jobs', id]];
    case 'job.failed':
      // Webhook deliveries and publications run as jobs: their logs change with every attempt; a network
      // that refuses a token marks its account for reconnecting.
      return [
        ['jobs', id],
        ['webhooks', id],
        ['publishing', id],
        ['channels', id],
      ];
    case 'job.completed':
      // Finished work (a generated calendar, a batch of drafts) lands as content and campaign data.
      return [
        ['jobs', id],
        ['content', id],
        ['campaigns', id],
        ['ai', id],
        ['webhooks', id],
        ['publishing', id],
      ];
    case 'content.changed':
    case 'content.published':
      return [
        ['content', id],
        ['publishing', id],
      ];
    case 'content.failed':
      // A post refused for an expired token leaves its account marked for reconnecting.
      return [
        ['content', id],
        ['publishing', id],
        ['channels', id],
      ];
    case 'message.received':
    case 'conversation.changed':
      return [['inbox', id]];
    case 'member.changed':
      // Member lists, and the workspace list, which shows the viewer's own role.
      return [['workspaces']];
    case 'notification.changed':
      // The bell's count and the notification lists (the server sends it only to the person concerned).
      return [['notifications', id]];
    case 'comment.changed':
      // Only that item's thread: a comment changes nothing else of the content.
      return [['content', id, 'item', event.data.content_item_id, 'comments']];
  }
}

/** After a resync every query of the workspace is suspect: any key that names it. */
export function isWorkspaceQuery(queryKey: readonly unknown[], businessId: string): boolean {
  return queryKey.includes(businessId);
}
