import type { Campaign } from '#shared/campaign.schema.js';
import { CHANNEL_RULES } from '#shared/channels.js';
import { Card } from '#web/components/ui/card.js';
import { formatBudget, formatCalendarDate, OBJECTIVE_LABELS } from './campaign-format.js';
import './campaigns.css';

/** What a campaign is for: objective, dates, budget, channels and the KPIs it aims at. */
export function CampaignSummary({ campaign }: { campaign: Campaign }) {
  return (
    <div className="campaign-summary">
      <Card title="Plan">
        <dl className="campaign-facts">
          <div>
            <dt>Objective</dt>
            <dd>{OBJECTIVE_LABELS[campaign.objective]}</dd>
          </div>
          <div>
            <dt>Dates</dt>
            <dd>
              {formatCalendarDate(campaign.start_date)} – {formatCalendarDate(campaign.end_date)}
            </dd>
          </div>
          <div>
            <dt>Budget</dt>
            <dd>
              {campaign.budget_minor > 0 ? formatBudget(campaign.budget_minor, campaign.currency) : 'None'}
            </dd>
          </div>
          <div>
            <dt>Channels</dt>
            <dd>{campaign.channels.map((channel) => CHANNEL_RULES[channel].name).join(', ')}</dd>
          </div>
        </dl>
      </Card>
      <Card title="Key results">
        {campaign.kpis.length === 0 ? (
          <p className="muted">No KPI set. Edit the campaign to add targets.</p>
        ) : (
          <ul className="campaign-kpis">
            {campaign.kpis.map((kpi) => (
              <li key={kpi.metric}>
                <span>{kpi.metric}</span>
                <strong>{kpi.target.toLocaleString()}</strong>
              </li>
            ))}
          </ul>
        )}
      </Card>
    </div>
  );
}
