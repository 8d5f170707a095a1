import { Suspense, useEffect, useState } from 'react';
import { Outlet, useLocation, useParams } from 'react-router';
import { Icon } from '#web/components/ui/icon.js';
import { PageSpinner } from '#web/components/ui/spinner.js';
import { NotificationBell } from '#web/features/notifications/components/notification-bell.js';
import { WorkspaceSwitcher } from '#web/features/workspaces/components/workspace-switcher.js';
import { getLastWorkspaceId } from '#web/lib/last-workspace.js';
import { Brand } from './brand.js';
import { SidebarNav } from './sidebar-nav.js';
import { UserMenu } from './user-menu.js';
import './app-shell.css';
import { useTranslation } from 'react-i18next';

/**
 * The signed-in frame: sidebar navigation, a top bar with the workspace switcher, the notification bell
 * and the user menu, and the page. Under 768px the sidebar becomes a drawer opened from the top bar.
 */
export function AppShell() {
  const { businessId } = useParams();
  const workspaceId = businessId ?? getLastWorkspaceId();
  const [drawerOpen, setDrawerOpen] = useState(false);
  const { pathname } = useLocation();
  const { t } = useTranslation();

  // biome-ignore lint/correctness/useExhaustiveDependencies: closing the drawer is the point of watching the path.
  useEffect(() => setDrawerOpen(false), [pathname]);

  useEffect(() => {
    if (!drawerOpen) return;
    const closeOnEscape = (event: KeyboardEvent) => event.key === 'Escape' && setDrawerOpen(false);
    document.addEventListener('keydown', closeOnEscape);
    return () => document.removeEventListener('keydown', closeOnEscape);
  }, [drawerOpen]);

  return (
    <div className="shell" data-drawer={drawerOpen ? 'open' : 'closed'}>
      <aside id="sidebar" className="sidebar" aria-label={t('shell.mainNavigation')}>
        <div className="sidebar__inner">
          <div className="sidebar__brand">
            <Brand />
            <button type="button" className="icon-button sidebar__close" onClick={() => setDrawerOpen(false)}>
              <Icon name="close" />
              <span className="visually-hidden">{t('shell.closeNavigation')}</span>
            </button>
          </div>
          <SidebarNav workspaceId={workspaceId} />
        </div>
      </aside>
      <button
        type="button"
        className="shell__scrim"
        tabIndex={-1}
        aria-hidden="true"
        onClick={() => setDrawerOpen(false)}
      />
      <div className="shell__body">
        <header className="topbar">
          <button
            type="button"
            className="icon-button topbar__menu"
            aria-expanded={drawerOpen}
            aria-controls="sidebar"
            onClick={() => setDrawerOpen(true)}
          >
            <Icon name="menu" />
            <span className="visually-hidden">{t('shell.openNavigation')}</span>
          </button>
          <div className="topbar__switcher">
            <WorkspaceSwitcher currentId={workspaceId} />
          </div>
          {workspaceId && <NotificationBell key={workspaceId} businessId={workspaceId} />}
          <UserMenu />
        </header>
        <main id="main" className="page" tabIndex={-1}>
          <Suspense fallback={<PageSpinner />}>
            <Outlet />
          </Suspense>
        </main>
      </div>
    </div>
  );
}
