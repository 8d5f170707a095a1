import { useTranslation } from 'react-i18next';
import { useCampaignChoices } from '#web/features/campaigns/api/get-campaigns.js';
import { StudioView } from '#web/features/content/components/studio/studio-view.js';
import { PageTitle } from '#web/lib/page-title.js';
import { useWorkspace } from '../layout/workspace-layout.js';

export function StudioPage() {
  const { t } = useTranslation('content');
  const business = useWorkspace();
  const options = useCampaignChoices(business.id);
  return (
    <>
      <PageTitle title={t('pages.studio.documentTitle', { workspace: business.name })} />
      <div className="page-header__text">
        <h1>{t('pages.studio.title')}</h1>
        <p className="muted">{t('pages.studio.intro')}</p>
      </div>
      <StudioView business={business} campaigns={options} />
    </>
  );
}
