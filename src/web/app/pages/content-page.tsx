import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { can } from '#shared/roles.js';
import { useCampaignChoices } from '#web/features/campaigns/api/get-campaigns.js';
import { ContentListView } from '#web/features/content/components/list/content-list-view.js';
import { PageTitle } from '#web/lib/page-title.js';
import { useWorkspace } from '../layout/workspace-layout.js';

export function ContentPage() {
  const { t } = useTranslation('content');
  const business = useWorkspace();
  const campaigns = useCampaignChoices(business.id);
  return (
    <>
      <PageTitle title={t('pages.content.documentTitle', { workspace: business.name })} />
      <div className="page-header">
        <div className="page-header__text">
          <h1>{t('pages.content.title')}</h1>
          <p className="muted">{t('pages.content.intro')}</p>
        </div>
        {can(business.role, 'content.write') && (
          <Link to="../compose" relative="path" className="button button--primary button--md">
            {t('pages.content.newPost')}
          </Link>
        )}
      </div>
      <ContentListView business={business} campaigns={campaigns} />
    </>
  );
}
