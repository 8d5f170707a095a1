import { screen, within } from '@testing-library/react';
import { getI18n } from 'react-i18next';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { API } from '#shared/api-paths.js';
import { startI18n } from '#web/lib/i18n/i18n.js';
import { getLanguagePreference, initialLanguage } from '#web/lib/i18n/languages.js';
import { json } from '#web/test/fake-api.js';
import { aBusiness, aUser } from '#web/test/fixtures.js';
import { testI18n } from '#web/test/i18n.js';
import { fakeApi } from '#web/test/render.js';
import { renderApp, serveWorkspace } from '#web/test/render-app.js';

afterEach(async () => {
  await getI18n().changeLanguage('en');
});

describe('The interface in French', () => {
  it('is one choice away in the account menu, which this browser then remembers', {
    timeout: 40_000,
  }, async () => {
    const business = aBusiness({ name: 'Harbour Books', role: 'viewer' });
    const ada = aUser({ name: 'Ada' });
    const api = fakeApi().on('PATCH', API.me, json({ ...ada, language: 'fr' }));
    serveWorkspace(api, business);
    const { user } = renderApp(`/w/${business.id}/settings`, { signedIn: ada });
    // The first render compiles the lazy settings page: allow a busy machine more than the usual 5 s.
    await screen.findByRole('navigation', { name: 'Settings' }, { timeout: 20_000 });

    await user.click(screen.getByRole('button', { name: /^Account:/ }));
    await user.click(await screen.findByRole('menuitem', { name: 'Français' }));

    const sidebar = await screen.findByRole('navigation', { name: 'Espace de travail' });
    expect(within(sidebar).getByRole('link', { name: 'Tableau de bord' })).toBeTruthy();
    const tabs = screen.getByRole('navigation', { name: 'Paramètres' });
    expect(
      within(tabs)
        .getAllByRole('link')
        .map((link) => link.textContent),
    ).toEqual(['Général', 'Membres', 'Notifications', 'File d’attente']);
    expect(screen.getByRole('button', { name: /^Compte\u00a0:/ })).toBeTruthy();
    expect(getLanguagePreference()).toBe('fr');
    // The account keeps it too: its emails follow, and so does a browser where it signs in next.
    await vi.waitFor(() => expect(api.sent('PATCH', API.me)[0]?.body).toEqual({ language: 'fr' }));

    await user.click(screen.getByRole('button', { name: /^Compte\u00a0:/ }));
    expect(await screen.findByRole('menuitem', { name: 'Français (sélectionné)' })).toBeTruthy();
  });

  it('starts in the remembered language, fetching its strings, and <html lang> follows the language', async () => {
    localStorage.setItem('mcc.language', 'fr');
    const i18n = await startI18n(initialLanguage());
    try {
      expect(document.documentElement.lang).toBe('fr');
      expect(i18n.t('nav.inbox')).toBe('Messagerie');
      expect(i18n.t('tags.atMost', { count: 2 })).toBe('2 au maximum');
      await i18n.changeLanguage('en');
      expect(document.documentElement.lang).toBe('en');
      expect(i18n.t('nav.inbox')).toBe('Inbox');
    } finally {
      // Back to the English instance every other test renders with.
      testI18n('en', { global: true });
    }
  });
});
