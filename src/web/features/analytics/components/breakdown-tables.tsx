import { Link } from 'react-router';
import type { Overview, Totals } from '#shared/analytics.schema.js';
import { CHANNEL_RULES } from '#shared/channels.js';
import { Card } from '#web/components/ui/card.js';
import { Table } from '#web/components/ui/table.js';
import { formatCount, formatMoney, formatPercent } from '../analytics-format.js';

const HEAD = (
  <>
    <th scope="col" className="analytics-num">
      Impressions
    </th>
    <th scope="col" className="analytics-num">
      Clicks
    </th>
    <th scope="col" className="analytics-num">
      Click-through
    </th>
    <th scope="col" className="analytics-num">
      Conversions
    </th>
    <th scope="col" className="analytics-num">
      Spend
    </th>
  </>
);

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
  return (
    <div className="analytics-grid">
      <Card title="By channel">
        {overview.by_channel.length === 0 ? (
          <p className="muted">Nothing recorded yet.</p>
        ) : (
          <Table
            caption="Results by channel"
            head={
              <tr>
                <th scope="col">Channel</th>
                {HEAD}
              </tr>
            }
          >
            {overview.by_channel.map((row) => (
              <tr key={row.channel}>
                <th scope="row" className="analytics-rowhead">
                  {CHANNEL_RULES[row.channel].name}
                </th>
                <Cells row={row} currency={currency} />
              </tr>
            ))}
          </Table>
        )}
      </Card>
      <Card title="By campaign">
        {overview.by_campaign.length === 0 ? (
          <p className="muted">Nothing recorded yet.</p>
        ) : (
          <Table
            caption="Results by campaign"
            head={
              <tr>
                <th scope="col">Campaign</th>
                {HEAD}
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
                    <span className="muted">No campaign</span>
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
  const lists = [
    { title: 'Best content', rows: overview.best_content },
    { title: 'Worst content', rows: overview.worst_content },
  ];
  return (
    <div className="analytics-stack">
      {lists.map((list) => (
        <Card key={list.title} title={list.title}>
          {list.rows.length === 0 ? (
            <p className="muted">Nothing to rank yet.</p>
          ) : (
            <Table
              caption={list.title}
              head={
                <tr>
                  <th scope="col">Content</th>
                  {HEAD}
                </tr>
              }
            >
              {list.rows.map((row) => (
                <tr key={row.content_item_id}>
                  <th scope="row" className="analytics-rowhead">
                    <Link to={`../content/${row.content_item_id}`} relative="path">
                      {row.title || 'Untitled'}
                    </Link>{' '}
                    <span className="muted">{CHANNEL_RULES[row.channel].name}</span>
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
