import { screen, within } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { createMemoryRouter, Outlet, RouterProvider } from 'react-router';
import { describe, expect, it } from 'vitest';
import { aiProviderSettingsSchema, budgetStatusSchema } from '#shared/ai.schema.js';
import type { Overview, Totals } from '#shared/analytics.schema.js';
import { API } from '#shared/api-paths.js';
import type { Business } from '#shared/business.schema.js';
import { TryAiCard } from '#web/features/ai/components/try-ai-card.js';
import { json } from '#web/test/fake-api.js';
import { aBusiness, aUser } from '#web/test/fixtures.js';
import { testI18n } from '#web/test/i18n.js';
import { fakeApi, mount, renderWithProviders, signIn } from '#web/test/render.js';
import { AiSettingsPage } from './ai-settings-page.js';
import { AnalyticsPage } from './analytics-page.js';

const NOTHING: Totals = {
  impressions: 0,
  reach: 0,
  engagements: 0,
  clicks: 0,
  conversions: 0,
  spend_minor: 0,
  ctr: null,
  engagement_rate: null,
  cvr: null,
  cpa_minor: null,
};

/** A page of the workspace at `/w/:businessId/<path>`, in French, with `business` as its workspace. */
function renderPageInFrench(business: Business, path: string, page: React.ReactNode) {
  signIn(aUser());
  const router = createMemoryRouter(
    [
      {
        path: '/w/:businessId',
        element: (
          <I18nextProvider i18n={testI18n('fr')}>
            <Outlet context={business} />
          </I18nextProvider>
        ),
        children: [{ path, element: page }],
      },
    ],
    { initialEntries: [`/w/${business.id}/${path}`] },
  );
  return mount(<RouterProvider router={router} />, () => router.state.location.pathname);
}

describe('Analytics and AI, in French', () => {
  it('the analytics page, with nothing recorded yet', async () => {
    const business = aBusiness({ name: 'Harbour Books', role: 'viewer' });
    const overview: Overview = {
      business_id: business.id,
      from: '2026-03-01',
      to: '2026-03-31',
      group_by: 'day',
      totals: NOTHING,
      trend: [],
      by_channel: [],
      by_campaign: [],
      best_content: [],
      worst_content: [],
    };
    fakeApi().on('GET', API.analyticsOverview, json(overview));
    renderPageInFrench(business, 'analytics', <AnalyticsPage />);

    expect(screen.getByRole('heading', { name: 'Statistiques', level: 1 })).toBeTruthy();
    expect(
      screen.getByText(
        'Ce qu’ont donné les contenus de Harbour Books, et ce qu’un plan donnera probablement.',
      ),
    ).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Faire une prévision' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Exporter en CSV' })).toBeTruthy();
    expect(
      await screen.findByText('Aucun résultat enregistré sur cette période pour l’instant.'),
    ).toBeTruthy();
    expect(screen.getByRole('region', { name: 'Par canal' }).textContent).toContain(
      'Rien d’enregistré pour l’instant.',
    );
    expect(screen.getByText('Coût par acquisition', { selector: 'dt' })).toBeTruthy();
    // A viewer reads results but does not import them.
    expect(screen.queryByRole('region', { name: 'Importer des résultats' })).toBeNull();
  });

  it('the AI settings page, read by an editor, with the offline writer in its sentence', async () => {
    const business = aBusiness({ role: 'editor' });
    fakeApi()
      .on(
        'GET',
        API.aiProvider(business.id),
        json(
          aiProviderSettingsSchema.parse({
            source: 'offline',
            base_url: null,
            model: 'offline',
            api_key_last4: null,
            updated_at: null,
          }),
        ),
      )
      .on(
        'GET',
        API.aiBudget(business.id),
        json(
          budgetStatusSchema.parse({
            monthly_limit_micro_usd: null,
            spent_this_month_micro_usd: 0,
            remaining_micro_usd: null,
            month_start: '2026-03-01T00:00:00.000Z',
            exceeded: false,
          }),
        ),
      );
    renderPageInFrench(business, 'settings/ai', <AiSettingsPage />);

    // The loading card is another element: wait for the budget itself.
    await screen.findByText('sans limite');
    const budget = screen.getByRole('region', { name: 'Budget mensuel' });
    expect(
      within(budget).getByText('Seuls les propriétaires et les administrateurs peuvent modifier le budget.'),
    ).toBeTruthy();
    const provider = screen.getByRole('region', { name: 'Fournisseur d’IA' });
    const offline = await within(provider).findByText(/intégré, sans clé, sans coût/);
    expect(offline.textContent).toMatch(/^Rédacteur hors ligne — intégré, sans clé, sans coût\./);
    expect(within(provider).getByText('Rédacteur hors ligne', { selector: 'strong' })).toBeTruthy();
  });

  it('the AI trial card counts its variants in French', () => {
    renderWithProviders(
      <I18nextProvider i18n={testI18n('fr')}>
        <TryAiCard business={aBusiness()} />
      </I18nextProvider>,
    );
    expect(screen.getByRole('heading', { name: 'Essayer l’IA' })).toBeTruthy();
    expect(screen.getByLabelText('Consigne')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Rédiger 2 variantes' })).toBeTruthy();
  });
});
