import { useTranslation } from 'react-i18next';
import type { Campaign } from '#shared/campaign.schema.js';
import { Card } from '#web/components/ui/card.js';
import { formatNumber } from '#web/lib/workspace-format.js';
import { formatBudget, formatCalendarDate } from './campaign-format.js';
import './campaigns.css';
import { channelName } from '#web/lib/channel-name.js';

/** What a campaign is for: objective, dates, budget, channels and the KPIs it aims at. */
export function CampaignSummary({ campaign }: { campaign: Campaign }) {
  const { t } = useTranslation('campaigns');
  return (
    <div className="campaign-summary">
      <Card title={t('summary.plan')}>
        <dl className="campaign-facts">
          <div>
            <dt>{t('summary.objective')}</dt>
            <dd>{t(`objectives.${campaign.objective}`)}</dd>
          </div>
          <div>
            <dt>{t('summary.dates')}</dt>
            <dd>
              {formatCalendarDate(campaign.start_date)} – {formatCalendarDate(campaign.end_date)}
            </dd>
          </div>
          <div>
            <dt>{t('summary.budget')}</dt>
            <dd>
              {campaign.budget_minor > 0
                ? formatBudget(campaign.budget_minor, campaign.currency)
                : t('summary.noBudget')}
            </dd>
          </div>
          <div>
            <dt>{t('summary.channels')}</dt>
            <dd>{campaign.channels.map((channel) => channelName(channel)).join(', ')}</dd>
          </div>
        </dl>
      </Card>
      <Card title={t('summary.keyResults')}>
        {campaign.kpis.length === 0 ? (
          <p className="muted">{t('summary.noKpi')}</p>
        ) : (
          <ul className="campaign-kpis">
            {campaign.kpis.map((kpi) => (
              <li key={kpi.metric}>
                <span>{kpi.metric}</span>
                <strong>{formatNumber(kpi.target)}</strong>
              </li>
            ))}
          </ul>
        )}
      </Card>
    </div>
  );
}
