import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { API } from '#shared/api-paths.js';
import { json, never } from '#web/test/fake-api.js';
import { aBusiness, aCampaignReport, anId } from '#web/test/fixtures.js';
import { fakeApi, renderWithProviders } from '#web/test/render.js';
import { CampaignForecastCard } from './campaign-forecast-card.js';

const business = aBusiness();

function renderCard(report: ReturnType<typeof aCampaignReport>) {
  const api = fakeApi()
    .on('GET', API.analyticsCampaign(report.campaign_id), json(report))
    .on('GET', API.analyticsSimulation(report.simulation?.id ?? 'none'), never);
  renderWithProviders(
    <CampaignForecastCard business={business} campaignId={report.campaign_id} currency="USD" />,
  );
  return api;
}

const kpiRow = async (metric: string) =>
  within(await screen.findByRole('list', { name: 'Key results status' }))
    .getAllByRole('listitem')
    .find((item) => item.textContent?.startsWith(metric)) as HTMLElement;

describe('CampaignForecastCard', () => {
  it('reads “Not started” before the campaign starts, the forecast’s chance labelled as such', async () => {
    renderCard(
      aCampaignReport({
        campaign_id: anId(),
        days_elapsed: 0,
        kpis: [
          {
            metric: 'orders',
            target: 200,
            forecast_metric: 'conversions',
            actual: 0,
            projected: null,
            probability: 0.18,
            status: 'not_started',
          },
        ],
      }),
    );

    const orders = await kpiRow('orders');
    expect(within(orders).getByText('Not started')).toBeTruthy();
    expect(orders.textContent).not.toContain('Behind');
    expect(orders.textContent).toContain('Chance of reaching it by the end: 18%');
    expect(orders.textContent).toMatch(/in the forecast of /);
  });

  it('says what the status and the chance each measure, and why a forecast run now can differ', async () => {
    renderCard(
      aCampaignReport({
        campaign_id: anId(),
        simulation: {
          id: anId(),
          created_at: '2026-03-02T09:00:00.000Z',
          trials: 10_000,
          seed: 7,
          changed_since: ['results', 'rates'],
        },
        kpis: [
          {
            metric: 'orders',
            target: 200,
            forecast_metric: 'conversions',
            actual: 21,
            projected: 84,
            probability: 0.18,
            status: 'behind',
          },
        ],
      }),
    );

    const orders = await kpiRow('orders');
    expect(within(orders).getByText('Behind')).toBeTruthy();
    expect(orders.textContent).toContain('21 so far of 200: at this pace, 84 by the end');
    const stale = screen.getByRole('region', { name: 'Forecast out of date' });
    expect(stale.textContent).toContain('results were recorded and benchmark rates changed');
    expect(stale.textContent).toContain('run it again');
  });
});
