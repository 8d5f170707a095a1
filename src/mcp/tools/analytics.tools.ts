import {
  type ForecastMetric,
  type MetricSummary,
  type Simulation,
  simulateBodySchema,
  simulationSchema,
} from '#shared/analytics.schema.js';
import { API } from '#shared/api-paths.js';
import { money, num } from '../format.js';
import { defineTool, inWorkspace, WRITES } from '../tool.js';

export const analyticsTools = [
  defineTool({
    name: 'run_forecast',
    title: 'Run a forecast',
    description:
      'A Monte Carlo forecast of a plan or of a campaign (campaign_id fills in its channels, budget, dates, KPIs and planned content): impressions, reach, engagements, clicks, conversions, spend, cost per acquisition and return on ad spend as ranges (5th–95th percentile), and the chance of reaching each KPI. Money is in minor units (cents). The same seed and inputs give the same forecast. The forecast is saved in the workspace.',
    input: inWorkspace(simulateBodySchema),
    output: simulationSchema,
    annotations: WRITES,
    async run(args, { api, workspace }) {
      const body = { ...args, business_id: await workspace(args.business_id) };
      const data = await api.post(API.analyticsSimulate, { body, schema: simulationSchema });
      return { text: describeForecast(data), data };
    },
  }),
];

const SHOWN: ForecastMetric[] = [
  'impressions',
  'reach',
  'engagements',
  'clicks',
  'conversions',
  'spend',
  'cpa',
  'roas',
];

function describeForecast(simulation: Simulation): string {
  const { results } = simulation;
  const value = (metric: ForecastMetric, x: number | null) =>
    x === null
      ? 'n/a'
      : metric === 'spend' || metric === 'cpa'
        ? money(Math.round(x), results.currency)
        : num(x, metric === 'roas' ? 2 : 0);
  const range = (metric: ForecastMetric, summary: MetricSummary) =>
    `${metric}: ${value(metric, summary.p50)} (likely ${value(metric, summary.p5)} to ${value(metric, summary.p95)})`;
  const lines = [
    `Forecast ${simulation.id}: ${num(results.trials)} trials, seed ${results.seed}, budget ${money(results.spend_minor, results.currency)}.`,
    'Totals (median, 5th to 95th percentile):',
    ...SHOWN.map((metric) => `- ${range(metric, results.totals[metric])}`),
  ];
  if (results.channels.length > 1) {
    lines.push('By channel (median):');
    for (const channel of results.channels) {
      lines.push(
        `- ${channel.channel}: budget ${money(channel.budget_minor, results.currency)}, ${channel.posts} posts, ` +
          `${num(channel.metrics.clicks.p50)} clicks, ${num(channel.metrics.conversions.p50)} conversions`,
      );
    }
  }
  for (const kpi of results.kpis) {
    const chance =
      kpi.probability === null ? 'cannot be forecast' : `${Math.round(kpi.probability * 100)}% chance`;
    lines.push(`KPI ${kpi.metric} ≥ ${num(kpi.target)}: ${chance}`);
  }
  const driver = results.sensitivity[0];
  if (driver) lines.push(`Biggest driver of conversions: ${driver.input} on ${driver.channel}.`);
  return lines.join('\n');
}
