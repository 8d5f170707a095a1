import { Trans, useTranslation } from 'react-i18next';
import { Menu, type MenuItem } from '#web/components/ui/menu.js';
import { useBusinesses } from '../api/get-businesses.js';
import './workspace-switcher.css';

/** Lists my workspaces with my role in each; choosing one navigates to it, so the URL holds the choice. */
export function WorkspaceSwitcher({ currentId }: { currentId: string | undefined }) {
  const businesses = useBusinesses();
  const { t } = useTranslation('workspaces');
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
            <span className="switcher__role">{t(`roles.${business.role}.label`)}</span>
          </>
        ),
      }),
    ),
    { kind: 'separator', key: 'separator' },
    { kind: 'link', key: 'new', to: '/new-business', label: t('switcher.new') },
  ];

  return (
    <Menu
      label={current ? t('switcher.label', { name: current.name }) : t('switcher.choose')}
      items={items}
      trigger={
        <>
          <span className="switcher__avatar" aria-hidden="true">
            {(current?.name ?? '?').charAt(0).toUpperCase()}
          </span>
          {current ? (
            <Trans
              t={t}
              i18nKey="switcher.trigger"
              values={{ name: current.name }}
              components={{
                hidden: <span className="visually-hidden" />,
                name: <span className="switcher__name" />,
              }}
            />
          ) : (
            <span className="switcher__name">{t('switcher.choose')}</span>
          )}
          <span className="switcher__chevron" aria-hidden="true">
            ▾
          </span>
        </>
      }
    />
  );
}
