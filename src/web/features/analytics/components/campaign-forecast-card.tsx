import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { API } from '#shared/api-paths.js';
import type { Business } from '#shared/business.schema.js';
import { can } from '#shared/roles.js';
import { Banner } from '#web/components/ui/banner.js';
import { Button } from '#web/components/ui/button.js';
import { Card } from '#web/components/ui/card.js';
import { SelectField } from '#web/components/ui/field.js';
import { Spinner } from '#web/components/ui/spinner.js';
import { describeError } from '#web/lib/error-messages.js';
import { formatCount, formatMoney } from '../analytics-format.js';
import { downloadCsv } from '../api/download-csv.js';
import { useCampaignReport } from '../api/get-campaign-report.js';
import { useSimulation } from '../api/get-simulation.js';
import { useSimulateCampaign } from '../api/simulate.js';
import { FAN_METRICS, type FanMetric, fanSeries } from '../fan-series.js';
import { FanChart } from './fan-chart.js';
import { KpiStatusList } from './kpi-status-list.js';
import { PrintButton } from './print-button.js';
import './analytics.css';
import { formatNumber } from '#web/lib/workspace-format.js';

interface CampaignForecastCardProps {
  business: Business;
  campaignId: string;
  /** The campaign's currency, for amounts before any forecast exists. */
  currency: string;
}

/**
 * A campaign's latest forecast as a fan chart with its actuals drawn over it, and whether each KPI is on
 * track; runs the first forecast when there is none.
 */
export function CampaignForecastCard({ business, campaignId, currency }: CampaignForecastCardProps) {
  const report = useCampaignReport(business.id, campaignId);
  const simulation = useSimulation(business.id, report.data?.simulation?.id);
  const run = useSimulateCampaign(business.id, campaignId);
  const [metric, setMetric] = useState<FanMetric>('clicks');
  const [exportError, setExportError] = useState<string>();
  const writable = can(business.role, 'analytics.write');
  const money = simulation.data?.results.currency ?? currency;
  const { t } = useTranslation('analytics');

  const actions = (
    <div className="row">
      {writable && (
        <Button size="sm" loading={run.isPending} onClick={() => run.mutate()}>
          {report.data?.simulation ? t('campaign.runAgain') : t('campaign.run')}
        </Button>
      )}
      <Link
        to={`../../analytics/forecast?campaign=${campaignId}`}
        relative="path"
        className="button button--ghost button--sm"
      >
        {t('campaign.adjust')}
      </Link>
      {report.data && (
        <Button
          size="sm"
          variant="ghost"
          onClick={() =>
            downloadCsv(API.analyticsCampaignCsv(campaignId), {}, `campaign-report-${campaignId}.csv`).catch(
              (error: unknown) => setExportError(describeError(error)),
            )
          }
        >
          {t('campaign.download')}
        </Button>
      )}
      {report.data?.simulation && <PrintButton />}
    </div>
  );

  if (report.isPending) {
    return (
      <Card title={t('campaign.title')}>
        <Spinner label={t('campaign.loading')} />
      </Card>
    );
  }
  if (report.isError) {
    return (
      <Card title={t('campaign.title')}>
        <Banner tone="danger">{describeError(report.error)}</Banner>
      </Card>
    );
  }
  const data = report.data;
  const totals = simulation.data?.results.totals;
  const format = (value: number) => (metric === 'spend' ? formatMoney(value, money) : formatCount(value));
  const points = totals
    ? fanSeries(data.start_date, data.end_date, totals[metric], data.daily, metric, data.days_elapsed)
    : [];
  const latest = points[Math.max(0, Math.min(points.length, data.days_elapsed) - 1)];

  return (
    <Card
      title={t('campaign.title')}
      description={
        data.simulation
          ? t('campaign.description', {
              day: data.days_elapsed,
              total: data.days_total,
              count: data.simulation.trials,
              trials: formatNumber(data.simulation.trials),
              seed: data.simulation.seed,
            })
          : t('campaign.noForecast')
      }
      actions={actions}
    >
      <div className="stack">
        {run.isError && <Banner tone="danger">{describeError(run.error)}</Banner>}
        {exportError && <Banner tone="danger">{exportError}</Banner>}
        {simulation.isError && <Banner tone="danger">{describeError(simulation.error)}</Banner>}
        {data.simulation && !totals && !simulation.isError && <Spinner label={t('campaign.loading')} />}
        {totals && (
          <>
            <div className="forecast-scope">
              <SelectField
                label={t('metric')}
                value={metric}
                onChange={(event) => setMetric(event.currentTarget.value as FanMetric)}
              >
                {FAN_METRICS.map((entry) => (
                  <option key={entry} value={entry}>
                    {t(`metrics.${entry}`)}
                  </option>
                ))}
              </SelectField>
            </div>
            <FanChart
              title={t('campaign.chartTitle', { metric: t(`metrics.${metric}`) })}
              summary={
                latest && latest.actual !== null
                  ? t('campaign.chartSummary', {
                      actual: format(latest.actual),
                      day: data.days_elapsed,
                      p50: format(latest.p50),
                      p5: format(latest.p5),
                      p95: format(latest.p95),
                    })
                  : t('campaign.chartNotStarted', { p50: format(points.at(-1)?.p50 ?? 0) })
              }
              points={points}
              format={format}
              formatTick={(value) =>
                metric === 'spend' ? formatMoney(value, money) : formatCount(value, true)
              }
            />
          </>
        )}
        <h3>{t('campaign.keyResults')}</h3>
        <KpiStatusList report={data} currency={money} />
      </div>
    </Card>
  );
}
