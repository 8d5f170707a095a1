import { NavLink, Outlet } from 'react-router';
import { can, type Permission } from '#shared/roles.js';
import { useWorkspace } from './workspace-layout.js';
import './settings-layout.css';

const TABS: { label: string; path: string; permission?: Permission }[] = [
  { label: 'General', path: '' },
  { label: 'Members', path: 'members' },
  { label: 'Notifications', path: 'notifications' },
  { label: 'API keys', path: 'api-keys', permission: 'api_keys.manage' },
  { label: 'Audit log', path: 'audit-log', permission: 'audit.read' },
  { label: 'AI', path: 'ai', permission: 'ai.usage.read' },
  { label: 'Publishing', path: 'publishing', permission: 'connectors.manage' },
  { label: 'Channels', path: 'channels', permission: 'connectors.manage' },
  { label: 'Inbox', path: 'inbox', permission: 'inbox.reply' },
  { label: 'Webhooks', path: 'webhooks', permission: 'webhooks.read' },
];

/** Settings of the current workspace, one tab per concern; tabs my role cannot use are not shown. */
export function SettingsLayout() {
  const business = useWorkspace();
  const base = `/w/${business.id}/settings`;
  return (
    <>
      <div className="page-header__text">
        <h1>Settings</h1>
        <p className="muted">{business.name}</p>
      </div>
      <nav aria-label="Settings" className="tabs">
        {TABS.filter((tab) => !tab.permission || can(business.role, tab.permission)).map((tab) => (
          <NavLink
            key={tab.path}
            to={tab.path ? `${base}/${tab.path}` : base}
            end={!tab.path}
            className="tabs__link"
          >
            {tab.label}
          </NavLink>
        ))}
      </nav>
      <Outlet context={business} />
    </>
  );
}
