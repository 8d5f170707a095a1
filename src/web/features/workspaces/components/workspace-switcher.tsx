import { Menu, type MenuItem } from '#web/components/ui/menu.js';
import { useBusinesses } from '../api/get-businesses.js';
import { ROLE_LABELS } from './role-labels.js';
import './workspace-switcher.css';

/** Lists my workspaces with my role in each; choosing one navigates to it, so the URL holds the choice. */
export function WorkspaceSwitcher({ currentId }: { currentId: string | undefined }) {
  const businesses = useBusinesses();
  const current = businesses.data?.find((business) => business.id === currentId);
  const items: MenuItem[] = [
    ...(businesses.data ?? []).map(
      (business): MenuItem => ({
        kind: 'link',
        key: business.id,
        to: `/w/${business.id}`,
        current: business.id === currentId,
        label: (
          <>
            <span className="switcher__name">{business.name}</span>
            <span className="switcher__role">{ROLE_LABELS[business.role].label}</span>
          </>
        ),
      }),
    ),
    { kind: 'separator', key: 'separator' },
    { kind: 'link', key: 'new', to: '/new-business', label: '+ New business' },
  ];

  return (
    <Menu
      label={current ? `Workspace: ${current.name}. Switch workspace` : 'Choose a workspace'}
      items={items}
      trigger={
        <>
          <span className="switcher__avatar" aria-hidden="true">
            {(current?.name ?? '?').charAt(0).toUpperCase()}
          </span>
          {current && <span className="visually-hidden">Workspace: </span>}
          <span className="switcher__name">{current?.name ?? 'Choose a workspace'}</span>
          {current && <span className="visually-hidden">. Switch workspace</span>}
          <span className="switcher__chevron" aria-hidden="true">
            ▾
          </span>
        </>
      }
    />
  );
}
