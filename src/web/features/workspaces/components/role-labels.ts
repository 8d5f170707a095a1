import type { Role } from '#shared/roles.js';

/** How each role reads in the UI, with what it may do, most powerful first. */
export const ROLE_LABELS: Record<Role, { label: string; description: string }> = {
  owner: { label: 'Owner', description: 'Everything, including deleting the workspace and managing owners' },
  admin: { label: 'Admin', description: 'Manages settings, members and API keys' },
  editor: { label: 'Editor', description: 'Creates and edits campaigns and content' },
  viewer: { label: 'Viewer', description: 'Reads everything, changes nothing' },
};
