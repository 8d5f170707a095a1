import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { todayIn } from '#shared/zoned-time.js';
import { Banner } from '#web/components/ui/banner.js';
import { PageSpinner } from '#web/components/ui/spinner.js';
import { useToast } from '#web/components/ui/toast.js';
import { useCampaign } from '#web/features/campaigns/api/get-campaign.js';
import { useUpdateCampaign } from '#web/features/campaigns/api/update-campaign.js';
import { CampaignForm } from '#web/features/campaigns/components/campaign-form.js';
import { describeError } from '#web/lib/error-messages.js';
import { PageTitle } from '#web/lib/page-title.js';
import { useWorkspace } from '../layout/workspace-layout.js';

export function EditCampaignPage() {
  const business = useWorkspace();
  const { campaignId = '' } = useParams();
  const campaign = useCampaign(business.id, campaignId);
  const update = useUpdateCampaign(business.id, campaignId);
  const navigate = useNavigate();
  const toast = useToast();
  const { t } = useTranslation('campaigns');
  if (campaign.isPending) return <PageSpinner label={t('page.loading')} />;
  if (campaign.isError) return <Banner tone="danger">{describeError(campaign.error)}</Banner>;
  return (
    <>
      <PageTitle title={t('page.editTitle', { name: campaign.data.name, workspace: business.name })} />
      <div className="page-header__text">
        <h1>{t('page.editHeading')}</h1>
        <p className="muted">{campaign.data.name}</p>
      </div>
      <CampaignForm
        key={campaign.data.updated_at}
        campaign={campaign.data}
        today={todayIn(business.time_zone)}
        submitLabel={t('page.save')}
        onCancel={() => navigate('..', { relative: 'path' })}
        onSubmit={async (body) => {
          await update.mutateAsync(body);
          toast(t('page.saved'));
          navigate('..', { relative: 'path' });
        }}
      />
    </>
  );
}
