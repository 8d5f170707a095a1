import { useTranslation } from 'react-i18next';
import type { ForecastResults } from '#shared/analytics.schema.js';
import { Badge } from '#web/components/ui/badge.js';
import { Card } from '#web/components/ui/card.js';
import { Table } from '#web/components/ui/table.js';
import { channelName } from '#web/lib/channel-name.js';
import { formatCount, formatInput, SOURCE_TONES } from '../analytics-format.js';

/**
 * Every rate the forecast used, with where it came from: a published benchmark (source and year), the
 * workspace's override, this forecast's own input, or the business's results (a Bayesian update of the
 * prior, with how many observations moved it).
 */
export function AssumptionsTable({ results }: { results: ForecastResults }) {
  const { t } = useTranslation('analytics');
  return (
    <Card title={t('assumptions.title')} description={t('assumptions.description')}>
      <Table
        caption={t('assumptions.caption')}
        head={
          <tr>
            <th scope="col">{t('channel')}</th>
            <th scope="col">{t('assumptions.input')}</th>
            <th scope="col" className="analytics-num">
              {t('assumptions.value')}
            </th>
            <th scope="col">{t('assumptions.from')}</th>
          </tr>
        }
      >
        {results.rates.map((rate) => (
          <tr key={`${rate.channel}-${rate.metric}`}>
            <th scope="row" className="analytics-rowhead">
              {channelName(rate.channel)}
            </th>
            <td>{t(`inputs.${rate.metric}`)}</td>
            <td className="analytics-num">{formatInput(rate.metric, rate.mean, results.currency)}</td>
            <td>
              <Badge tone={SOURCE_TONES[rate.source]}>{t(`sources.${rate.source}`)}</Badge>
              <span className="assumption-source">
                {rate.source === 'history' && (
                  <>
                    {rate.prior_source
                      ? t('assumptions.historyUpdating', {
                          count: rate.n,
                          number: formatCount(rate.n),
                          prior: t(`priorSources.${rate.prior_source}`),
                        })
                      : t('assumptions.history', { count: rate.n, number: formatCount(rate.n) })}{' '}
                  </>
                )}
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
