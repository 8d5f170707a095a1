import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Overview, Totals } from '#shared/analytics.schema.js';
import { Card } from '#web/components/ui/card.js';
import { Table } from '#web/components/ui/table.js';
import { channelName } from '#web/lib/channel-name.js';
import { formatCount, formatMoney, formatPercent } from '../analytics-format.js';

/** The columns every breakdown shares, after its first. */
function Head() {
  const { t } = useTranslation('analytics');
  return (
    <>
      <th scope="col" className="analytics-num">
        {t('metrics.impressions')}
      </th>
      <th scope="col" className="analytics-num">
        {t('metrics.clicks')}
      </th>
      <th scope="col" className="analytics-num">
        {t('clickThrough')}
      </th>
      <th scope="col" className="analytics-num">
        {t('metrics.conversions')}
      </th>
      <th scope="col" className="analytics-num">
        {t('metrics.spend')}
      </th>
    </>
  );
}

function Cells({ row, currency }: { row: Totals; currency: string }) {
  return (
    <>
      <td className="analytics-num">{formatCount(row.impressions)}</td>
      <td className="analytics-num">{formatCount(row.clicks)}</td>
      <td className="analytics-num">{row.ctr === null ? '—' : formatPercent(row.ctr)}</td>
      <td className="analytics-num">{formatCount(row.conversions)}</td>
      <td className="analytics-num">{formatMoney(row.spend_minor, currency)}</td>
    </>
  );
}

/** Results per channel and per campaign over the range; a campaign links to its page. */
export function BreakdownTables({ overview, currency }: { overview: Overview; currency: string }) {
  const { t } = useTranslation('analytics');
  return (
    <div className="analytics-grid">
      <Card title={t('breakdown.byChannel')}>
        {overview.by_channel.length === 0 ? (
          <p className="muted">{t('breakdown.empty')}</p>
        ) : (
          <Table
            caption={t('breakdown.byChannelCaption')}
            head={
              <tr>
                <th scope="col">{t('channel')}</th>
                <Head />
              </tr>
            }
          >
            {overview.by_channel.map((row) => (
              <tr key={row.channel}>
                <th scope="row" className="analytics-rowhead">
                  {channelName(row.channel)}
                </th>
                <Cells row={row} currency={currency} />
              </tr>
            ))}
          </Table>
        )}
      </Card>
      <Card title={t('breakdown.byCampaign')}>
        {overview.by_campaign.length === 0 ? (
          <p className="muted">{t('breakdown.empty')}</p>
        ) : (
          <Table
            caption={t('breakdown.byCampaignCaption')}
            head={
              <tr>
                <th scope="col">{t('campaignLabel')}</th>
                <Head />
              </tr>
            }
          >
            {overview.by_campaign.map((row) => (
              <tr key={row.campaign_id ?? 'none'}>
                <th scope="row" className="analytics-rowhead">
                  {row.campaign_id ? (
                    <Link to={`../campaigns/${row.campaign_id}`} relative="path">
                      {row.campaign_name}
                    </Link>
                  ) : (
                    <span className="muted">{t('breakdown.noCampaign')}</span>
                  )}
                </th>
                <Cells row={row} currency={currency} />
              </tr>
            ))}
          </Table>
        )}
      </Card>
    </div>
  );
}

/** The best and worst content of the range, each linking to its item. */
export function ContentRankings({ overview, currency }: { overview: Overview; currency: string }) {
  const { t } = useTranslation('analytics');
  const lists = [
    { key: 'best', title: t('breakdown.best'), rows: overview.best_content },
    { key: 'worst', title: t('breakdown.worst'), rows: overview.worst_content },
  ];
  return (
    <div className="analytics-stack">
      {lists.map((list) => (
        <Card key={list.key} title={list.title}>
          {list.rows.length === 0 ? (
            <p className="muted">{t('breakdown.nothingToRank')}</p>
          ) : (
            <Table
              caption={list.title}
              head={
                <tr>
                  <th scope="col">{t('breakdown.content')}</th>
                  <Head />
                </tr>
              }
            >
              {list.rows.map((row) => (
                <tr key={row.content_item_id}>
                  <th scope="row" className="analytics-rowhead">
                    <Link to={`../content/${row.content_item_id}`} relative="path">
                      {row.title || t('breakdown.untitled')}
                    </Link>{' '}
                    <span className="muted">{channelName(row.channel)}</span>
                  </th>
                  <Cells row={row} currency={currency} />
                </tr>
              ))}
            </Table>
          )}
        </Card>
      ))}
    </div>
  );
}
