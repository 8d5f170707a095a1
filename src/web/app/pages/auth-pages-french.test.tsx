import { screen } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import { API } from '#shared/api-paths.js';
import { json } from '#web/test/fake-api.js';
import { testI18n } from '#web/test/i18n.js';
import { fakeApi, renderWithProviders } from '#web/test/render.js';
import { ResetPasswordPage } from './reset-password-page.js';
import { SignInPage } from './sign-in-page.js';
import { SignUpPage } from './sign-up-page.js';

function inFrench(page: React.ReactNode) {
  return <I18nextProvider i18n={testI18n('fr')}>{page}</I18nextProvider>;
}

describe('Signing in and up, in French', () => {
  it('the sign-in page', () => {
    renderWithProviders(inFrench(<SignInPage />), { signedIn: null, url: '/sign-in' });
    expect(screen.getByRole('heading', { name: 'Connexion', level: 1 })).toBeTruthy();
    expect(screen.getByLabelText('E-mail')).toBeTruthy();
    expect(screen.getByLabelText('Mot de passe')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Se connecter' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Créer un compte' }).getAttribute('href')).toBe('/sign-up');
    expect(screen.getByRole('link', { name: 'Mot de passe oublié\u00a0?' })).toBeTruthy();
  });

  it('the password rules, counting in French as the password grows', async () => {
    // The form follows the server's sign-up mode (sign-up-page.test.tsx covers each).
    fakeApi().on('GET', API.authOptions, json({ mail: 'smtp', sign_up: 'confirm_by_email' }));
    const { user } = renderWithProviders(inFrench(<SignUpPage />), { signedIn: null, url: '/sign-up' });
    expect(screen.getByRole('heading', { name: 'Créer votre compte', level: 1 })).toBeTruthy();
    await user.type(await screen.findByLabelText(/^Mot de passe/), 'abcdefghi');
    expect(screen.getByText('Au moins 10 caractères (encore 1)')).toBeTruthy();
    await user.type(screen.getByLabelText(/^Mot de passe/), 'j');
    expect(screen.getByText('Au moins 10 caractères')).toBeTruthy();
    expect(screen.getByText('(fait)')).toBeTruthy();
  });

  it('a dead reset link, with the way to a new one inside the sentence', () => {
    renderWithProviders(inFrench(<ResetPasswordPage />), { signedIn: null, url: '/reset-password' });
    const ask = screen.getByRole('link', { name: 'Demandez-en un nouveau' });
    expect(ask.getAttribute('href')).toBe('/forgot-password');
    expect(ask.parentElement?.textContent).toBe(
      'Un lien de réinitialisation est valable une fois, pendant 30 minutes. Demandez-en un nouveau.',
    );
  });
});
