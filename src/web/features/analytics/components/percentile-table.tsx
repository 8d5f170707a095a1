import { useState } from 'react';
import { FORECAST_METRICS, type ForecastResults } from '#shared/analytics.schema.js';
import { CHANNEL_RULES } from '#shared/channels.js';
import { Card } from '#web/components/ui/card.js';
import { SelectField } from '#web/components/ui/field.js';
import { Table } from '#web/components/ui/table.js';
import { formatMetric, METRIC_LABELS } from '../analytics-format.js';

const COLUMNS = [
  ['p5', '5%'],
  ['p25', '25%'],
  ['p50', 'Median'],
  ['p75', '75%'],
  ['p95', '95%'],
  ['mean', 'Mean'],
] as const;

/** Every metric's percentiles, in total or for one channel: nine in ten trials fall between 5% and 95%. */
export function PercentileTable({ results }: { results: ForecastResults }) {
  const [scope, setScope] = useState('total');
  const channel = results.channels.find((entry) => entry.channel === scope);
  const metrics = channel?.metrics ?? results.totals;
  const scopeName = channel ? CHANNEL_RULES[channel.channel].name : 'All channels';
  return (
    <Card
      title="Forecast"
      description="Nine trials in ten land between the 5% and 95% columns; half between 25% and 75%."
      actions={
        <div className="forecast-scope">
          <SelectField
            label="Show"
            value={channel ? scope : 'total'}
            onChange={(event) => setScope(event.currentTarget.value)}
          >
            <option value="total">All channels</option>
            {results.channels.map((entry) => (
              <option key={entry.channel} value={entry.channel}>
                {CHANNEL_RULES[entry.channel].name}
              </option>
            ))}
          </SelectField>
        </div>
      }
    >
      <Table
        caption={`Forecast percentiles: ${scopeName}`}
        head={
          <tr>
            <th scope="col">Metric</th>
            {COLUMNS.map(([key, label]) => (
              <th key={key} scope="col" className="analytics-num">
                {label}
              </th>
            ))}
          </tr>
        }
      >
        {FORECAST_METRICS.map((metric) => (
          <tr key={metric}>
            <th scope="row" className="analytics-rowhead">
              {METRIC_LABELS[metric]}
            </th>
            {COLUMNS.map(([key]) => (
              <td key={key} className="analytics-num">
                {formatMetric(metric, metrics[metric][key], results.currency)}
              </td>
            ))}
          </tr>
        ))}
      </Table>
    </Card>
  );
}
