import { getDefaultNormalizer, screen, within } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import { API } from '#shared/api-paths.js';
import { json } from '#web/test/fake-api.js';
import { aBusiness, aNotification } from '#web/test/fixtures.js';
import { testI18n } from '#web/test/i18n.js';
import { fakeApi, renderWithProviders } from '#web/test/render.js';
import { NotificationBell } from './notification-bell.js';
import { NotificationsView } from './notifications-view.js';

const business = aBusiness();
/** Read notifications: their titles carry no "unread" prefix for screen readers. */
const READ = '2026-03-02T10:00:00.000Z';

function serve(unread: number, items = unread > 0 ? [aNotification({ business_id: business.id })] : []) {
  fakeApi()
    .on('GET', API.notificationsUnreadCount(business.id), json({ unread }))
    .on('GET', API.notifications(business.id), json({ items, next_cursor: null }));
}

function inFrench(node: React.ReactNode) {
  return <I18nextProvider i18n={testI18n('fr')}>{node}</I18nextProvider>;
}

describe('Notifications, in French', () => {
  it('the bell counts unread notifications in French, and its panel speaks French', async () => {
    serve(2);
    const { user } = renderWithProviders(inFrench(<NotificationBell businessId={business.id} />), {
      url: `/w/${business.id}`,
      route: '/w/:businessId/*',
    });
    await user.click(await screen.findByRole('button', { name: 'Notifications, 2 non lues' }));
    const panel = screen.getByRole('region', { name: 'Notifications récentes' });
    expect(within(panel).getByRole('button', { name: 'Tout marquer comme lu' })).toBeTruthy();
    expect(within(panel).getByRole('link', { name: 'Tout voir' })).toBeTruthy();
    expect(await within(panel).findByText(/^Non lue :/)).toBeTruthy();
  });

  it('the page, empty, with the link to the email settings inside its sentence', async () => {
    serve(0);
    renderWithProviders(inFrench(<NotificationsView businessId={business.id} />), {
      url: `/w/${business.id}/notifications`,
      route: '/w/:businessId/*',
    });
    expect(await screen.findByText('Aucune notification pour l’instant')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Paramètres → Notifications' }).getAttribute('href')).toBe(
      `/w/${business.id}/settings/notifications`,
    );
  });

  it('says a notification kept with its facts in French, and one kept without them as it was written', async () => {
    serve(0, [
      aNotification({
        business_id: business.id,
        facts: { kind: 'review_requested', actor: 'Edie', item: 'Easter buns', channel: 'google_business' },
        read_at: READ,
      }),
      aNotification({
        business_id: business.id,
        kind: 'content_approved',
        title: 'Ada approved “Old post”',
        body: 'It can be scheduled now.',
        read_at: READ,
      }),
    ]);
    renderWithProviders(inFrench(<NotificationsView businessId={business.id} />), {
      url: `/w/${business.id}/notifications`,
      route: '/w/:businessId/*',
    });
    // Exact spaces: French puts no-break ones inside « », which the default matcher would fold away.
    const exactly = { normalizer: getDefaultNormalizer({ collapseWhitespace: false }) };
    expect(
      await screen.findByText('Edie demande une relecture de «\u00a0Easter buns\u00a0»', exactly),
    ).toBeTruthy();
    // The channel as the app names it everywhere, not its id.
    expect(
      screen.getByText('Une publication pour Google Business Profile attend d’être approuvée.'),
    ).toBeTruthy();
    // Written before the facts were kept: the stored English is all there is.
    expect(screen.getByText('Ada approved “Old post”')).toBeTruthy();
    expect(screen.getByText('It can be scheduled now.')).toBeTruthy();
  });
});
