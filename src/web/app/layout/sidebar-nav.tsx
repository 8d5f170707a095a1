import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import { can } from '#shared/roles.js';
import { Icon } from '#web/components/ui/icon.js';
import { useBusinesses } from '#web/features/workspaces/api/get-businesses.js';
import { WORKSPACE_NAV } from '../navigation.js';

/**
 * The workspace's screens, built from the one navigation table. Screens my role cannot use are left out
 * (until my role is known, so are all screens that need a permission).
 */
export function SidebarNav({ workspaceId }: { workspaceId: string | undefined }) {
  const businesses = useBusinesses();
  const { t } = useTranslation();
  if (!workspaceId) return null;
  const role = businesses.data?.find((business) => business.id === workspaceId)?.role;
  const items = WORKSPACE_NAV.filter(
    (item) => !item.permission || (role !== undefined && can(role, item.permission)),
  );
  return (
    <nav aria-label={t('shell.workspaceNavigation')}>
      <ul className="sidebar__nav">
        {items.map((item) => (
          <li key={item.label}>
            <NavLink
              to={item.path ? `/w/${workspaceId}/${item.path}` : `/w/${workspaceId}`}
              end={item.end ?? false}
              className="sidebar__link"
            >
              <Icon name={item.icon} />
              {t(`nav.${item.label}`)}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
