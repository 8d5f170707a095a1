import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { CAMPAIGN_STATUSES, type CampaignStatus } from '#shared/campaign.schema.js';
import { Badge } from '#web/components/ui/badge.js';
import { Banner } from '#web/components/ui/banner.js';
import { Button } from '#web/components/ui/button.js';
import { EmptyState } from '#web/components/ui/empty-state.js';
import { SelectField } from '#web/components/ui/field.js';
import { PageSpinner } from '#web/components/ui/spinner.js';
import { describeError } from '#web/lib/error-messages.js';
import { useCampaigns } from '../api/get-campaigns.js';
import { formatBudget, formatCalendarDate, STATUS_TONES } from './campaign-format.js';
import './campaigns.css';
import { channelName } from '#web/lib/channel-name.js';

/** The workspace's campaigns, filtered by status, a page at a time. */
export function CampaignList({ businessId, canCreate }: { businessId: string; canCreate: boolean }) {
  const [status, setStatus] = useState<CampaignStatus | ''>('');
  const campaigns = useCampaigns(businessId, status || undefined);
  const items = campaigns.data?.pages.flatMap((page) => page.items) ?? [];
  const { t } = useTranslation('campaigns');

  return (
    <div className="stack">
      <div className="campaign-toolbar">
        <SelectField
          label={t('list.status')}
          value={status}
          onChange={(event) => setStatus(event.target.value as CampaignStatus | '')}
        >
          <option value="">{t('list.allStatuses')}</option>
          {CAMPAIGN_STATUSES.map((value) => (
            <option key={value} value={value}>
              {t(`statuses.${value}`)}
            </option>
          ))}
        </SelectField>
      </div>
      {campaigns.isPending ? (
        <PageSpinner label={t('list.loading')} />
      ) : campaigns.isError ? (
        <Banner tone="danger">{describeError(campaigns.error)}</Banner>
      ) : items.length === 0 ? (
        <EmptyState
          title={status ? t(`list.noneWithStatus.${status}`) : t('list.none')}
          action={canCreate && !status && <Link to="new">{t('list.planFirst')}</Link>}
        >
          {t('list.emptyText')}
        </EmptyState>
      ) : (
        <ul className="campaign-list" aria-label={t('list.label')}>
          {items.map((campaign) => (
            <li key={campaign.id} className="campaign-row">
              <div className="campaign-row__main">
                <Link to={campaign.id} className="campaign-row__name">
                  {campaign.name}
                </Link>
                <span className="muted campaign-row__meta">
                  {t(`objectives.${campaign.objective}`)} · {formatCalendarDate(campaign.start_date)} –{' '}
                  {formatCalendarDate(campaign.end_date)}
                </span>
              </div>
              <span className="campaign-row__channels muted">
                {campaign.channels.map((channel) => channelName(channel)).join(', ')}
              </span>
              <span className="campaign-row__budget">
                {campaign.budget_minor > 0 ? formatBudget(campaign.budget_minor, campaign.currency) : '—'}
              </span>
              <Badge tone={STATUS_TONES[campaign.status]}>{t(`statuses.${campaign.status}`)}</Badge>
            </li>
          ))}
        </ul>
      )}
      {campaigns.hasNextPage && (
        <div>
          <Button loading={campaigns.isFetchingNextPage} onClick={() => campaigns.fetchNextPage()}>
            {t('list.loadMore')}
          </Button>
        </div>
      )}
    </div>
  );
}
