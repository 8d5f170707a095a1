import type { TFunction } from 'i18next';
import type { ReactNode } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Attention, AttentionCampaign, AttentionItem } from '#shared/attention.schema.js';
import type { Business } from '#shared/business.schema.js';
import { Badge } from '#web/components/ui/badge.js';
import { Card } from '#web/components/ui/card.js';
import { failureReasonText } from '#web/lib/failure-reason.js';
import {
  campaignStanding,
  formatChance,
  formatCount,
  formatKpiValue,
  formatWhen,
  KPI_STATUS_TONES,
  waitedFor,
} from '../attention-format.js';
import './attention-board.css';
import { channelName } from '#web/lib/channel-name.js';

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
  const { t } = useTranslation('dashboard');
  const { t: common } = useTranslation();
  const base = `/w/${business.id}`;
  const region = business;
  const count = (value: number) => formatCount(value, business.locale);
  const itemLink = (item: AttentionItem) => (
    <Link to={`${base}/content/${item.id}`}>{item.title || t('untitledItem')}</Link>
  );
  const channel = (item: AttentionItem) => channelName(item.channel);
  const { approvals, next_up: nextUp, failed, inbox, campaigns } = attention;
  return (
    <div className="attention-board">
      <Card title={t('approvals.title')}>
        <Figure value={count(approvals.count)} label={t('approvals.figure', { count: approvals.count })} />
        {approvals.oldest.length > 0 && (
          <ul className="attention-list" aria-label={t('approvals.oldest')}>
            {approvals.oldest.map((item) => (
              <li key={item.id}>
                {itemLink(item)}
                <span className="muted">
                  {t('approvals.waiting', {
                    channel: channel(item),
                    duration: waitedFor(
                      item.waiting_since ?? item.updated_at,
                      attention.generated_at,
                      business.locale,
                    ),
                  })}
                </span>
              </li>
            ))}
          </ul>
        )}
        {approvals.count > 0 && (
          <p className="attention-more">
            {/* The list, not the calendar: an item in review often has no date yet, and there it can be
                approved with the others at once. */}
            <Link to={`${base}/content?status=in_review`}>{t('approvals.all')}</Link>
          </p>
        )}
      </Card>

      <Card title={t('nextUp.title')}>
        <Figure value={count(nextUp.count)} label={t('nextUp.figure', { count: nextUp.count })} />
        {nextUp.items.length > 0 && (
          <ul className="attention-list" aria-label={t('nextUp.list')}>
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
          <Link to={`${base}/calendar?status=scheduled`}>{t('nextUp.calendar')}</Link>
        </p>
      </Card>

      <Card title={t('failed.title')} tone={failed.count > 0 ? 'danger' : 'default'}>
        <Figure value={count(failed.count)} label={t('failed.figure', { count: failed.count })} />
        {failed.items.length > 0 && (
          <ul className="attention-list" aria-label={t('failed.list')}>
            {failed.items.map((item) => (
              <li key={item.id}>
                {itemLink(item)}
                <span className="muted">
                  {channel(item)}
                  {item.publish_error && ` · ${failureReasonText(item.publish_error, common)}`}
                </span>
              </li>
            ))}
          </ul>
        )}
        {failed.count > 0 && (
          <p className="attention-more">
            <Link to={`${base}/content?status=failed`}>{t('failed.all')}</Link>
          </p>
        )}
      </Card>

      <Card title={t('inbox.title')}>
        <Figure value={count(inbox.unanswered)} label={t('inbox.figure')} />
        <ul className="attention-list attention-list--inline" aria-label={t('inbox.list')}>
          <li>
            <Link to={`${base}/inbox?priority=urgent`}>
              <InboxCount t={t} i18nKey="inbox.urgent" count={inbox.urgent} number={count(inbox.urgent)} />
            </Link>
          </li>
          <li>
            <Link to={`${base}/inbox?sentiment=negative`}>
              <InboxCount
                t={t}
                i18nKey="inbox.negative"
                count={inbox.negative}
                number={count(inbox.negative)}
              />
            </Link>
          </li>
          <li>
            <Link to={`${base}/inbox`}>
              <InboxCount t={t} i18nKey="inbox.open" count={inbox.open} number={count(inbox.open)} />
            </Link>
          </li>
        </ul>
      </Card>

      <Card title={t('campaigns.title')}>
        {campaigns.items.length === 0 ? (
          <p className="muted">{t('campaigns.none')}</p>
        ) : (
          <ul className="attention-list" aria-label={t('campaigns.list')}>
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
          <Link to={`${base}/campaigns`}>{campaigns.more ? t('campaigns.allMore') : t('campaigns.all')}</Link>
        </p>
      </Card>

      {aiSpend}
    </div>
  );
}

/**
 * A count of conversations, with the words a screen reader's list of links needs hidden from sight (out of
 * the card, "2 urgent" says too little).
 */
function InboxCount({
  t,
  i18nKey,
  count,
  number,
}: {
  t: TFunction<'dashboard'>;
  i18nKey: 'inbox.urgent' | 'inbox.negative' | 'inbox.open';
  count: number;
  number: string;
}) {
  return (
    <Trans
      t={t}
      i18nKey={i18nKey}
      count={count}
      values={{ number }}
      components={{ hidden: <span className="visually-hidden" /> }}
    />
  );
}

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
  const { t } = useTranslation('dashboard');
  const standing = campaignStanding(campaign);
  return (
    <li>
      <div className="attention-campaign">
        <Link to={`${base}/campaigns/${campaign.campaign_id}`}>{campaign.name}</Link>
        {standing && <Badge tone={KPI_STATUS_TONES[standing]}>{t(`kpiStatus.${standing}`)}</Badge>}
      </div>
      <span className="muted">
        {t('campaigns.day', {
          day: formatCount(campaign.days_elapsed, locale),
          total: formatCount(campaign.days_total, locale),
        })}
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
                  ? t('campaigns.target', { target: value(kpi.target) })
                  : t('campaigns.progress', { actual: value(kpi.actual), target: value(kpi.target) })}
                {' · '}
                {t(`kpiStatus.${kpi.status}`)}
                {kpi.probability !== null && (
                  <>
                    {' · '}
                    {t('campaigns.chance', { chance: formatChance(kpi.probability, locale) })}
                  </>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </li>
  );
}
