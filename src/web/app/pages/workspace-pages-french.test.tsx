import { screen, within } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import { API } from '#shared/api-paths.js';
import { CHANNEL_IDS } from '#shared/channel-ids.js';
import { NOTIFICATION_KINDS } from '#shared/notifications.schema.js';
import type { Queues } from '#shared/queues.schema.js';
import { JobList } from '#web/features/jobs/components/job-list.js';
import { NotificationPreferencesCard } from '#web/features/notifications/components/notification-preferences-card.js';
import { QueueSettings } from '#web/features/publishing/components/queue-settings.js';
import { json } from '#web/test/fake-api.js';
import { aBusiness, aJob, aUser } from '#web/test/fixtures.js';
import { testI18n } from '#web/test/i18n.js';
import { fakeApi, renderWithProviders } from '#web/test/render.js';
import { OnboardingPage } from './onboarding-page.js';

function inFrench(node: React.ReactNode) {
  return <I18nextProvider i18n={testI18n('fr')}>{node}</I18nextProvider>;
}

describe('Workspace screens, in French', () => {
  it('the first onboarding step greets the person and names every step', () => {
    renderWithProviders(inFrench(<OnboardingPage />), {
      url: '/onboarding',
      signedIn: aUser({ name: 'Ada Lovelace' }),
    });
    expect(screen.getByRole('heading', { name: 'Créez votre première entreprise' })).toBeTruthy();
    expect(screen.getByText(/^Bienvenue, Ada Lovelace\. Son nom, où elle se trouve/)).toBeTruthy();
    const progress = screen.getByRole('navigation', { name: 'Progression de la configuration' });
    expect(within(progress).getByText('Étape 1 sur 4')).toBeTruthy();
    expect(within(progress).getByText('Ce que vous vendez')).toBeTruthy();
  });

  it('the jobs list names jobs, states and attempts in French', async () => {
    const business = aBusiness();
    fakeApi().on(
      'GET',
      API.jobs,
      json({
        items: [aJob({ business_id: business.id, state: 'dead', attempts: 2, max_attempts: 3 })],
        next_cursor: null,
      }),
    );
    renderWithProviders(inFrench(<JobList businessId={business.id} canManage />), {
      url: `/w/${business.id}/jobs`,
      route: '/w/:businessId/jobs',
    });
    const row = (await screen.findByRole('link', { name: 'Calendrier de contenu' })).closest('tr');
    expect(row).toBeTruthy();
    expect(within(row as HTMLElement).getByText('Échec')).toBeTruthy();
    expect(within(row as HTMLElement).getByText('Tentative 2 sur 3')).toBeTruthy();
    expect(
      within(row as HTMLElement).getByRole('button', { name: /^Réessayer Calendrier de contenu, / }),
    ).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Tâches récentes' })).toBeTruthy();
  });

  it('the email choices name each kind of notification in French', async () => {
    const business = aBusiness({ name: 'Boulangerie Merle' });
    fakeApi().on(
      'GET',
      API.notificationPreferences(business.id),
      json({ mail: 'smtp', items: NOTIFICATION_KINDS.map((kind) => ({ kind, in_app: true, email: true })) }),
    );
    renderWithProviders(
      inFrench(<NotificationPreferencesCard businessId={business.id} workspaceName={business.name} />),
    );
    // Testing Library reads the no-break space before the colon as a space.
    expect(await screen.findByLabelText('M’envoyer un e-mail : Résumé de la semaine')).toBeTruthy();
    expect(screen.getByLabelText('M’envoyer un e-mail : Message urgent ou négatif')).toBeTruthy();
    expect(screen.getByText(/^Celles de vos notifications dans Boulangerie Merle/)).toBeTruthy();
  });

  it('the queue counts posts with French plurals and typography', async () => {
    const business = aBusiness({ role: 'owner', locale: 'fr-FR', time_zone: 'Europe/Paris' });
    fakeApi().on(
      'GET',
      API.queues(business.id),
      json({
        time_zone: business.time_zone,
        channels: CHANNEL_IDS.map((channel) => ({
          channel,
          slots: [{ weekday: 1, time: '09:00' }],
          uses_defaults: false,
          suggested: {
            basis: 'results',
            results: 1,
            needed: 10,
            slots: [{ weekday: 5, time: '17:00', posts: 4, engagement_rate: 0.1 }],
          },
        })),
      } satisfies Queues),
    );
    renderWithProviders(inFrench(<QueueSettings business={business} />), { workspace: business });
    const slots = await screen.findByRole('region', { name: 'Créneaux Instagram' });
    expect(
      within(slots).getByText(
        'D’après votre 1 publication Instagram avec des résultats, en interactions par impression.',
      ),
    ).toBeTruthy();
    // Days and the percentage as a French workspace writes them (a decimal comma, a no-break space before %).
    expect(within(slots).getByRole('list', { name: 'Créneaux suggérés' }).textContent).toBe(
      'vendredi 17:00 · 10,0\u00a0% sur 4 publications',
    );
    expect(within(slots).getByRole('button', { name: 'Enregistrer les créneaux' })).toBeTruthy();
  });
});
