import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { Attention, AttentionCampaign, AttentionItem } from '#shared/attention.schema.js';
import type { Business } from '#shared/business.schema.js';
import { channelRule } from '#shared/channels.js';
import { Badge } from '#web/components/ui/badge.js';
import { Card } from '#web/components/ui/card.js';
import {
  campaignStanding,
  formatChance,
  formatCount,
  formatKpiValue,
  formatWhen,
  KPI_STATUS_LABELS,
  KPI_STATUS_TONES,
  waitedFor,
} from '../attention-format.js';
import './attention-board.css';

interface BoardProps {
  business: Business;
  attention: Attention;
  /** The AI spend tile, which the AI feature draws; absent for roles that may not see AI usage. */
  aiSpend?: ReactNode;
}

/**
 * What needs a person, one card per kind of work: each says how many, names the first few, and links to
 * where to act. Counts of zero say so plainly, so an all-clear reads as one.
 */
export function AttentionBoard({ business, attention, aiSpend }: BoardProps) {
  const base = `/w/${business.id}`;
  const region = business;
  const count = (value: number) => formatCount(value, business.locale);
  const itemLink = (item: AttentionItem) => (
    <Link to={`${base}/content/${item.id}`}>{item.title || 'Untitled item'}</Link>
  );
  const channel = (item: AttentionItem) => channelRule(item.channel).name;
  const { approvals, next_up: nextUp, failed, inbox, campaigns } = attention;
  return (
    <div className="attention-board">
      <Card title="Waiting for approval">
        <Figure
          value={count(approvals.count)}
          label={approvals.count === 1 ? 'item in review' : 'items in review'}
        />
        {approvals.oldest.length > 0 && (
          <ul className="attention-list" aria-label="Waiting longest">
            {approvals.oldest.map((item) => (
              <li key={item.id}>
                {itemLink(item)}
                <span className="muted">
                  {channel(item)} · waiting{' '}
                  {waitedFor(item.waiting_since ?? item.updated_at, attention.generated_at, business.locale)}
                </span>
              </li>
            ))}
          </ul>
        )}
        {approvals.count > 0 && (
          <p className="attention-more">
            {/* The list, not the calendar: an item in review often has no date yet, and there it can be
                approved with the others at once. */}
            <Link to={`${base}/content?status=in_review`}>All items in review</Link>
          </p>
        )}
      </Card>

      <Card title="Going out next">
        <Figure
          value={count(nextUp.count)}
          label={nextUp.count === 1 ? 'item scheduled' : 'items scheduled'}
        />
        {nextUp.items.length > 0 && (
          <ul className="attention-list" aria-label="Next to go out">
            {nextUp.items.map((item) => (
              <li key={item.id}>
                {itemLink(item)}
                <span className="muted">
                  {channel(item)}
                  {item.scheduled_at && (
                    <>
                      {' · '}
                      <time dateTime={item.scheduled_at}>{formatWhen(item.scheduled_at, region)}</time>
                    </>
                  )}
                </span>
              </li>
            ))}
          </ul>
        )}
        <p className="attention-more">
          <Link to={`${base}/calendar?status=scheduled`}>Scheduled items on the calendar</Link>
        </p>
      </Card>

      <Card title="Failed to publish" tone={failed.count > 0 ? 'danger' : 'default'}>
        <Figure
          value={count(failed.count)}
          label={failed.count === 1 ? 'publication failed' : 'publications failed'}
        />
        {failed.items.length > 0 && (
          <ul className="attention-list" aria-label="Latest failures">
            {failed.items.map((item) => (
              <li key={item.id}>
                {itemLink(item)}
                <span className="muted">
                  {channel(item)}
                  {item.publish_error && ` · ${item.publish_error}`}
                </span>
              </li>
            ))}
          </ul>
        )}
        {failed.count > 0 && (
          <p className="attention-more">
            <Link to={`${base}/content?status=failed`}>All failed items</Link>
          </p>
        )}
      </Card>

      <Card title="Inbox">
        <Figure value={count(inbox.unanswered)} label="waiting for a reply" />
        <ul className="attention-list attention-list--inline" aria-label="Open conversations">
          <li>
            <Link to={`${base}/inbox?priority=urgent`}>
              {count(inbox.urgent)} urgent<Hidden> {conversations(inbox.urgent)}</Hidden>
            </Link>
          </li>
          <li>
            <Link to={`${base}/inbox?sentiment=negative`}>
              {count(inbox.negative)} negative<Hidden> {conversations(inbox.negative)}</Hidden>
            </Link>
          </li>
          <li>
            <Link to={`${base}/inbox`}>
              {count(inbox.open)} open<Hidden> {conversations(inbox.open)}</Hidden> in all
            </Link>
          </li>
        </ul>
      </Card>

      <Card title="Campaigns running">
        {campaigns.items.length === 0 ? (
          <p className="muted">No active campaign runs today.</p>
        ) : (
          <ul className="attention-list" aria-label="Campaigns and their key results">
            {campaigns.items.map((campaign) => (
              <CampaignRow
                key={campaign.campaign_id}
                base={base}
                campaign={campaign}
                locale={business.locale}
              />
            ))}
          </ul>
        )}
        <p className="attention-more">
          <Link to={`${base}/campaigns`}>
            {campaigns.more ? 'All campaigns (more are running)' : 'All campaigns'}
          </Link>
        </p>
      </Card>

      {aiSpend}
    </div>
  );
}

/** Words a screen reader's list of links needs (out of the card, "2 urgent" says too little). */
function Hidden({ children }: { children: ReactNode }) {
  return <span className="visually-hidden">{children}</span>;
}

const conversations = (count: number) => (count === 1 ? 'conversation' : 'conversations');

/** The card's headline number, with what it counts. */
function Figure({ value, label }: { value: string; label: string }) {
  return (
    <p className="attention-figure">
      <strong>{value}</strong> {label}
    </p>
  );
}

function CampaignRow({
  base,
  campaign,
  locale,
}: {
  base: string;
  campaign: AttentionCampaign;
  locale: string;
}) {
  const standing = campaignStanding(campaign);
  return (
    <li>
      <div className="attention-campaign">
        <Link to={`${base}/campaigns/${campaign.campaign_id}`}>{campaign.name}</Link>
        {standing && <Badge tone={KPI_STATUS_TONES[standing]}>{KPI_STATUS_LABELS[standing]}</Badge>}
      </div>
      <span className="muted">
        Day {formatCount(campaign.days_elapsed, locale)} of {formatCount(campaign.days_total, locale)}
      </span>
      {campaign.kpis.length > 0 && (
        <ul className="attention-kpis">
          {campaign.kpis.map((kpi) => {
            const value = (number: number) =>
              formatKpiValue(kpi.forecast_metric, number, campaign.currency, locale);
            return (
              <li key={kpi.metric}>
                <span className="attention-kpis__name">{kpi.metric}</span>{' '}
                {kpi.actual === null
                  ? `target ${value(kpi.target)}`
                  : `${value(kpi.actual)} of ${value(kpi.target)}`}
                {' · '}
                {KPI_STATUS_LABELS[kpi.status]}
                {kpi.probability !== null && ` · ${formatChance(kpi.probability, locale)} chance`}
              </li>
            );
          })}
        </ul>
      )}
    </li>
  );
}
