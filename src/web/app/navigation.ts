import type { Permission } from '#shared/roles.js';
import type { IconName } from '../components/ui/icon.js';

/** One entry of the workspace sidebar; `path` is relative to `/w/:businessId`. */
export interface NavItem {
  label: string;
  path: string;
  icon: IconName;
  /** Active only on an exact match (the dashboard would otherwise match every page). */
  end?: boolean;
  /** Shown only to roles that have it. */
  permission?: Permission;
}

/**
 * The sidebar, in order. A new feature adds its screen here and its routes in router.tsx; nothing else
 * in the shell changes.
 */
export const WORKSPACE_NAV: readonly NavItem[] = [
  { label: 'Dashboard', path: '', icon: 'home', end: true },
  { label: 'Calendar', path: 'calendar', icon: 'calendar', permission: 'content.read' },
  { label: 'Content', path: 'content', icon: 'list', permission: 'content.read' },
  { label: 'Studio', path: 'studio', icon: 'sparkles', permission: 'ai.use' },
  { label: 'Media', path: 'media', icon: 'image', permission: 'media.read' },
  { label: 'Inbox', path: 'inbox', icon: 'inbox', permission: 'inbox.read' },
  { label: 'Campaigns', path: 'campaigns', icon: 'megaphone', permission: 'campaigns.read' },
  { label: 'Brand', path: 'brand', icon: 'palette', permission: 'business.read' },
  { label: 'Analytics', path: 'analytics', icon: 'chart', permission: 'analytics.read' },
  { label: 'AI usage', path: 'ai-usage', icon: 'chart', permission: 'ai.usage.read' },
  { label: 'Jobs', path: 'jobs', icon: 'pulse', permission: 'jobs.read' },
  { label: 'Settings', path: 'settings', icon: 'settings' },
];
