import { useState } from 'react';
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
import { formatCount, formatMoney, METRIC_LABELS } from '../analytics-format.js';
import { downloadCsv } from '../api/download-csv.js';
import { useCampaignReport } from '../api/get-campaign-report.js';
import { useSimulation } from '../api/get-simulation.js';
import { useSimulateCampaign } from '../api/simulate.js';
import { FAN_METRICS, type FanMetric, fanSeries } from '../fan-series.js';
import { FanChart } from './fan-chart.js';
import { KpiStatusList } from './kpi-status-list.js';
import { PrintButton } from './print-button.js';
import './analytics.css';

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

  const actions = (
    <div className="row">
      {writable && (
        <Button size="sm" loading={run.isPending} onClick={() => run.mutate()}>
          {report.data?.simulation ? 'Run the forecast again' : 'Run a forecast'}
        </Button>
      )}
      <Link
        to={`../../analytics/forecast?campaign=${campaignId}`}
        relative="path"
        className="button button--ghost button--sm"
      >
        Adjust in the forecast
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
          Download report (CSV)
        </Button>
      )}
      {report.data?.simulation && <PrintButton />}
    </div>
  );

  if (report.isPending) {
    return (
      <Card title="Forecast and results">
        <Spinner label="Loading the forecast" />
      </Card>
    );
  }
  if (report.isError) {
    return (
      <Card title="Forecast and results">
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
      title="Forecast and results"
      description={
        data.simulation
          ? `Day ${data.days_elapsed} of ${data.days_total}. Forecast of ${data.simulation.trials.toLocaleString()} trials, seed ${data.simulation.seed}.`
          : 'No forecast yet: run one to see the range of likely results and track the campaign against it.'
      }
      actions={actions}
    >
      <div className="stack">
        {run.isError && <Banner tone="danger">{describeError(run.error)}</Banner>}
        {exportError && <Banner tone="danger">{exportError}</Banner>}
        {simulation.isError && <Banner tone="danger">{describeError(simulation.error)}</Banner>}
        {data.simulation && !totals && !simulation.isError && <Spinner label="Loading the forecast" />}
        {totals && (
          <>
            <div className="forecast-scope">
              <SelectField
                label="Metric"
                value={metric}
                onChange={(event) => setMetric(event.currentTarget.value as FanMetric)}
              >
                {FAN_METRICS.map((entry) => (
                  <option key={entry} value={entry}>
                    {METRIC_LABELS[entry]}
                  </option>
                ))}
              </SelectField>
            </div>
            <FanChart
              title={`${METRIC_LABELS[metric]}: forecast and actual, cumulative`}
              summary={
                latest && latest.actual !== null
                  ? `${format(latest.actual)} so far, on day ${data.days_elapsed}; the forecast's middle by now is ${format(latest.p50)} (nine in ten between ${format(latest.p5)} and ${format(latest.p95)}).`
                  : `The campaign has not started; by its end the forecast's middle is ${format(points.at(-1)?.p50 ?? 0)}.`
              }
              points={points}
              format={format}
              formatTick={(value) =>
                metric === 'spend' ? formatMoney(value, money) : formatCount(value, true)
              }
            />
          </>
        )}
        <h3>Key results</h3>
        <KpiStatusList report={data} currency={money} />
      </div>
    </Card>
  );
}
