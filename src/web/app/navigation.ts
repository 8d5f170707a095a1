import type { Permission } from '#shared/roles.js';
import type { IconName } from '../components/ui/icon.js';

export type NavLabel =
  | 'dashboard'
  | 'calendar'
  | 'content'
  | 'studio'
  | 'media'
  | 'inbox'
  | 'campaigns'
  | 'brand'
  | 'analytics'
  | 'aiUsage'
  | 'jobs'
  | 'settings';

/** One entry of the workspace sidebar; `path` is relative to `/w/:businessId`. */
export interface NavItem {
  /** Its name's key under `nav.` in the common strings (src/web/locales/<language>/common.json). */
  label: NavLabel;
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
  { label: 'dashboard', path: '', icon: 'home', end: true },
  { label: 'calendar', path: 'calendar', icon: 'calendar', permission: 'content.read' },
  { label: 'content', path: 'content', icon: 'list', permission: 'content.read' },
  { label: 'studio', path: 'studio', icon: 'sparkles', permission: 'ai.use' },
  { label: 'media', path: 'media', icon: 'image', permission: 'media.read' },
  { label: 'inbox', path: 'inbox', icon: 'inbox', permission: 'inbox.read' },
  { label: 'campaigns', path: 'campaigns', icon: 'megaphone', permission: 'campaigns.read' },
  { label: 'brand', path: 'brand', icon: 'palette', permission: 'business.read' },
  { label: 'analytics', path: 'analytics', icon: 'chart', permission: 'analytics.read' },
  { label: 'aiUsage', path: 'ai-usage', icon: 'chart', permission: 'ai.usage.read' },
  { label: 'jobs', path: 'jobs', icon: 'pulse', permission: 'jobs.read' },
  { label: 'settings', path: 'settings', icon: 'settings' },
];
