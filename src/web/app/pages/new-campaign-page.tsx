import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { defaultCurrency } from '#shared/currency.js';
import { todayIn } from '#shared/zoned-time.js';
import { useToast } from '#web/components/ui/toast.js';
import { useCreateCampaign } from '#web/features/campaigns/api/create-campaign.js';
import { CampaignForm } from '#web/features/campaigns/components/campaign-form.js';
import { PageTitle } from '#web/lib/page-title.js';
import { useWorkspace } from '../layout/workspace-layout.js';

export function NewCampaignPage() {
  const business = useWorkspace();
  const create = useCreateCampaign(business.id);
  const navigate = useNavigate();
  const toast = useToast();
  const { t } = useTranslation('campaigns');
  return (
    <>
      <PageTitle title={t('page.newTitle', { workspace: business.name })} />
      <div className="page-header__text">
        <h1>{t('page.newHeading')}</h1>
        <p className="muted">{t('page.newDescription')}</p>
      </div>
      <CampaignForm
        today={todayIn(business.time_zone)}
        defaults={{ currency: defaultCurrency(business), channels: business.brand.channels }}
        submitLabel={t('page.create')}
        onCancel={() => navigate('..', { relative: 'path' })}
        onSubmit={async (body) => {
          const campaign = await create.mutateAsync(body);
          toast(t('page.created', { name: campaign.name }));
          navigate(`../${campaign.id}`, { relative: 'path' });
        }}
      />
    </>
  );
}
