import type { ForecastResults } from '#shared/analytics.schema.js';
import { CHANNEL_RULES } from '#shared/channels.js';
import { Badge } from '#web/components/ui/badge.js';
import { Card } from '#web/components/ui/card.js';
import { Table } from '#web/components/ui/table.js';
import { formatCount, formatInput, INPUT_LABELS, SOURCE_LABELS, SOURCE_TONES } from '../analytics-format.js';

/**
 * Every rate the forecast used, with where it came from: a published benchmark (source and year), the
 * workspace's override, this forecast's own input, or the business's results (a Bayesian update of the
 * prior, with how many observations moved it).
 */
export function AssumptionsTable({ results }: { results: ForecastResults }) {
  return (
    <Card title="Assumptions" description="The rates behind this forecast and where each one came from.">
      <Table
        caption="Forecast assumptions"
        head={
          <tr>
            <th scope="col">Channel</th>
            <th scope="col">Input</th>
            <th scope="col" className="analytics-num">
              Value
            </th>
            <th scope="col">From</th>
          </tr>
        }
      >
        {results.rates.map((rate) => (
          <tr key={`${rate.channel}-${rate.metric}`}>
            <th scope="row" className="analytics-rowhead">
              {CHANNEL_RULES[rate.channel].name}
            </th>
            <td>{INPUT_LABELS[rate.metric]}</td>
            <td className="analytics-num">{formatInput(rate.metric, rate.mean, results.currency)}</td>
            <td>
              <Badge tone={SOURCE_TONES[rate.source]}>{SOURCE_LABELS[rate.source]}</Badge>
              <span className="assumption-source">
                {rate.source === 'history' &&
                  `From ${formatCount(rate.n)} observations${rate.prior_source ? `, updating the ${SOURCE_LABELS[rate.prior_source].toLowerCase()}` : ''}. `}
                {rate.citation}
                {rate.year !== null && ` (${rate.year})`}
              </span>
            </td>
          </tr>
        ))}
      </Table>
    </Card>
  );
}
