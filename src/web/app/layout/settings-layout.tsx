import { useEffect, useRef } from 'react';
import { NavLink, Outlet, useLocation } from 'react-router';
import { can, type Permission } from '#shared/roles.js';
import { useScrollEdges } from '#web/components/ui/use-scroll-edges.js';
import { useWorkspace } from './workspace-layout.js';
import './settings-layout.css';
import { useTranslation } from 'react-i18next';

/** `label` is the tab's key under `settings.tabs.` in the common strings. */
const TABS: { label: SettingsTab; path: string; permission?: Permission }[] = [
  { label: 'general', path: '' },
  { label: 'members', path: 'members' },
  { label: 'notifications', path: 'notifications' },
  { label: 'apiKeys', path: 'api-keys', permission: 'api_keys.manage' },
  { label: 'auditLog', path: 'audit-log', permission: 'audit.read' },
  { label: 'ai', path: 'ai', permission: 'ai.usage.read' },
  { label: 'publishing', path: 'publishing', permission: 'connectors.manage' },
  { label: 'channels', path: 'channels', permission: 'connectors.manage' },
  { label: 'queue', path: 'queue' },
  { label: 'inbox', path: 'inbox', permission: 'inbox.reply' },
  { label: 'webhooks', path: 'webhooks', permission: 'webhooks.read' },
];

type SettingsTab =
  | 'general'
  | 'members'
  | 'notifications'
  | 'apiKeys'
  | 'auditLog'
  | 'ai'
  | 'publishing'
  | 'channels'
  | 'queue'
  | 'inbox'
  | 'webhooks';

/**
 * Settings of the current workspace, one tab per concern; tabs my role cannot use are not shown. On a
 * narrow screen the tabs scroll sideways: a fade marks the side that hides more, and the current tab is
 * brought into view.
 */
export function SettingsLayout() {
  const business = useWorkspace();
  const base = `/w/${business.id}/settings`;
  const nav = useRef<HTMLElement>(null);
  const more = useScrollEdges(nav);
  const { pathname } = useLocation();
  const { t } = useTranslation();

  // biome-ignore lint/correctness/useExhaustiveDependencies: the current tab changes with the path.
  useEffect(() => {
    const row = nav.current;
    const current = row?.querySelector<HTMLElement>('[aria-current="page"]');
    if (!row || !current) return;
    const start = current.offsetLeft - row.offsetLeft;
    const end = start + current.offsetWidth;
    if (start < row.scrollLeft || end > row.scrollLeft + row.clientWidth) {
      row.scrollLeft = Math.max(0, start - row.clientWidth / 4);
    }
  }, [pathname]);
  return (
    <>
      <div className="page-header__text">
        <h1>{t('settings.title')}</h1>
        <p className="muted">{business.name}</p>
      </div>
      <nav aria-label={t('settings.title')} className="tabs" ref={nav} data-more={more}>
        {TABS.filter((tab) => !tab.permission || can(business.role, tab.permission)).map((tab) => (
          <NavLink
            key={tab.path}
            to={tab.path ? `${base}/${tab.path}` : base}
            end={!tab.path}
            className="tabs__link"
          >
            {t(`settings.tabs.${tab.label}`)}
          </NavLink>
        ))}
      </nav>
      <Outlet context={business} />
    </>
  );
}
