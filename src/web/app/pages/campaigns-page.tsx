import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { can } from '#shared/roles.js';
import { CampaignList } from '#web/features/campaigns/components/campaign-list.js';
import { PageTitle } from '#web/lib/page-title.js';
import { useWorkspace } from '../layout/workspace-layout.js';

export function CampaignsPage() {
  const business = useWorkspace();
  const canCreate = can(business.role, 'campaigns.write');
  const { t } = useTranslation('campaigns');
  return (
    <>
      <PageTitle title={t('page.title', { workspace: business.name })} />
      <div className="page-header">
        <div className="page-header__text">
          <h1>{t('page.heading')}</h1>
          <p className="muted">{t('page.description')}</p>
        </div>
        {canCreate && (
          <Link to="new" className="button button--primary button--md">
            {t('page.new')}
          </Link>
        )}
      </div>
      <CampaignList businessId={business.id} canCreate={canCreate} />
    </>
  );
}
