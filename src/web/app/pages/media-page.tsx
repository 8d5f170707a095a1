import { useTranslation } from 'react-i18next';
import { can } from '#shared/roles.js';
import { MediaLibrary } from '#web/features/media/components/media-library.js';
import { PageTitle } from '#web/lib/page-title.js';
import { useWorkspace } from '../layout/workspace-layout.js';

export function MediaPage() {
  const business = useWorkspace();
  const { t } = useTranslation('media');
  return (
    <>
      <PageTitle title={t('page.title', { workspace: business.name })} />
      <div className="page-header">
        <div className="page-header__text">
          <h1>{t('page.heading')}</h1>
          <p className="muted">{t('page.intro')}</p>
        </div>
      </div>
      <MediaLibrary businessId={business.id} canEdit={can(business.role, 'media.write')} />
    </>
  );
}
