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
  if (campaign.isPending) return <PageSpinner label="Loading the campaign" />;
  if (campaign.isError) return <Banner tone="danger">{describeError(campaign.error)}</Banner>;
  return (
    <>
      <PageTitle title={`Edit ${campaign.data.name} · ${business.name}`} />
      <div className="page-header__text">
        <h1>Edit campaign</h1>
        <p className="muted">{campaign.data.name}</p>
      </div>
      <CampaignForm
        key={campaign.data.updated_at}
        campaign={campaign.data}
        today={todayIn(business.time_zone)}
        submitLabel="Save campaign"
        onCancel={() => navigate('..', { relative: 'path' })}
        onSubmit={async (body) => {
          await update.mutateAsync(body);
          toast('Campaign saved');
          navigate('..', { relative: 'path' });
        }}
      />
    </>
  );
}
