import { NavLink } from 'react-router';
import { Icon } from '../../components/ui/icon.js';
import { WORKSPACE_NAV } from '../navigation.js';

/** The workspace's screens, built from the one navigation table. */
export function SidebarNav({ workspaceId }: { workspaceId: string | undefined }) {
  if (!workspaceId) return null;
  return (
    <nav aria-label="Workspace">
      <ul className="sidebar__nav">
        {WORKSPACE_NAV.map((item) => (
          <li key={item.label}>
            <NavLink
              to={item.path ? `/w/${workspaceId}/${item.path}` : `/w/${workspaceId}`}
              end={item.end ?? false}
              className="sidebar__link"
            >
              <Icon name={item.icon} />
              {item.label}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
