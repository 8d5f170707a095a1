import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { can } from '#shared/roles.js';
import { Badge } from '#web/components/ui/badge.js';
import { Banner } from '#web/components/ui/banner.js';
import { Button } from '#web/components/ui/button.js';
import { Card } from '#web/components/ui/card.js';
import { EmptyState } from '#web/components/ui/empty-state.js';
import { PageSpinner } from '#web/components/ui/spinner.js';
import { CampaignForecastCard } from '#web/features/analytics/components/campaign-forecast-card.js';
import { useCampaign } from '#web/features/campaigns/api/get-campaign.js';
import { STATUS_TONES } from '#web/features/campaigns/components/campaign-format.js';
import { CampaignStatusActions } from '#web/features/campaigns/components/campaign-status-actions.js';
import { CampaignSummary } from '#web/features/campaigns/components/campaign-summary.js';
import { ContentItemList } from '#web/features/content/components/content-item-list.js';
import { GenerateCalendarDialog } from '#web/features/content/components/generate/generate-calendar-dialog.js';
import { ApiError } from '#web/lib/api-error.js';
import { describeError } from '#web/lib/error-messages.js';
import { PageTitle } from '#web/lib/page-title.js';
import { useWorkspace } from '../layout/workspace-layout.js';

/** One campaign: its plan, KPIs, forecast against results, status moves and the content that belongs to it. */
export function CampaignPage() {
  const business = useWorkspace();
  const { campaignId = '' } = useParams();
  const campaign = useCampaign(business.id, campaignId);
  const navigate = useNavigate();
  const [generating, setGenerating] = useState(false);
  const { t } = useTranslation('campaigns');
  if (campaign.isPending) return <PageSpinner label={t('page.loading')} />;
  if (campaign.isError) {
    if (campaign.error instanceof ApiError && campaign.error.status === 404) {
      return (
        <EmptyState
          title={t('page.notFound')}
          action={
            <Link to=".." relative="path">
              {t('page.all')}
            </Link>
          }
        >
          {t('page.notFoundHint')}
        </EmptyState>
      );
    }
    return <Banner tone="danger">{describeError(campaign.error)}</Banner>;
  }
  const writable = can(business.role, 'campaigns.write');
  const canGenerate = can(business.role, 'ai.use') && can(business.role, 'content.write');
  return (
    <>
      <PageTitle title={`${campaign.data.name} · ${business.name}`} />
      <div className="page-header">
        <div className="page-header__text">
          <Link to=".." relative="path" className="muted">
            {t('page.back')}
          </Link>
          <div className="row">
            <h1>{campaign.data.name}</h1>
            <Badge tone={STATUS_TONES[campaign.data.status]}>{t(`statuses.${campaign.data.status}`)}</Badge>
          </div>
        </div>
        {(writable || canGenerate) && (
          <div className="row">
            {canGenerate && (
              <Button size="sm" onClick={() => setGenerating(true)}>
                {t('page.generate')}
              </Button>
            )}
            {writable && <CampaignStatusActions campaign={campaign.data} />}
            {writable && (
              <Link to="edit" className="button button--secondary button--sm">
                {t('page.edit')}
              </Link>
            )}
          </div>
        )}
      </div>
      <CampaignSummary campaign={campaign.data} />
      {can(business.role, 'analytics.read') && (
        <CampaignForecastCard
          business={business}
          campaignId={campaign.data.id}
          currency={campaign.data.currency}
        />
      )}
      <Card title={t('page.content')} description={t('page.contentDescription')}>
        <ContentItemList
          businessId={business.id}
          filters={{ campaign_id: campaign.data.id }}
          emptyTitle={t('page.noContent')}
          emptyText={t('page.noContentHint')}
        />
      </Card>
      {canGenerate && (
        <GenerateCalendarDialog
          business={business}
          campaigns={[]}
          campaign={campaign.data}
          open={generating}
          onClose={() => setGenerating(false)}
          onShow={(date) => navigate(`/w/${business.id}/calendar?date=${date}&campaign=${campaign.data.id}`)}
        />
      )}
    </>
  );
}
