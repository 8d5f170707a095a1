import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FORECAST_METRICS, type ForecastResults } from '#shared/analytics.schema.js';
import { Card } from '#web/components/ui/card.js';
import { SelectField } from '#web/components/ui/field.js';
import { Table } from '#web/components/ui/table.js';
import { channelName } from '#web/lib/channel-name.js';
import { formatMetric } from '../analytics-format.js';

const COLUMNS = ['p5', 'p25', 'p50', 'p75', 'p95', 'mean'] as const;

/** Every metric's percentiles, in total or for one channel: nine in ten trials fall between 5% and 95%. */
export function PercentileTable({ results }: { results: ForecastResults }) {
  const [scope, setScope] = useState('total');
  const { t } = useTranslation('analytics');
  const channel = results.channels.find((entry) => entry.channel === scope);
  const metrics = channel?.metrics ?? results.totals;
  const scopeName = channel ? channelName(channel.channel) : t('percentiles.allChannels');
  const columnNames: Record<(typeof COLUMNS)[number], string> = {
    p5: '5%',
    p25: '25%',
    p50: t('median'),
    p75: '75%',
    p95: '95%',
    mean: t('percentiles.mean'),
  };
  return (
    <Card
      title={t('percentiles.title')}
      description={t('percentiles.description')}
      actions={
        <div className="forecast-scope">
          <SelectField
            label={t('percentiles.show')}
            value={channel ? scope : 'total'}
            onChange={(event) => setScope(event.currentTarget.value)}
          >
            <option value="total">{t('percentiles.allChannels')}</option>
            {results.channels.map((entry) => (
              <option key={entry.channel} value={entry.channel}>
                {channelName(entry.channel)}
              </option>
            ))}
          </SelectField>
        </div>
      }
    >
      <Table
        caption={t('percentiles.caption', { scope: scopeName })}
        head={
          <tr>
            <th scope="col">{t('metric')}</th>
            {COLUMNS.map((key) => (
              <th key={key} scope="col" className="analytics-num">
                {columnNames[key]}
              </th>
            ))}
          </tr>
        }
      >
        {FORECAST_METRICS.map((metric) => (
          <tr key={metric}>
            <th scope="row" className="analytics-rowhead">
              {t(`metrics.${metric}`)}
            </th>
            {COLUMNS.map((key) => (
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
