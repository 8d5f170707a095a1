import { screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { API } from '#shared/api-paths.js';
import { getSessionState } from '#web/lib/auth/session-store.js';
import { fieldProblem, json, problem } from '#web/test/fake-api.js';
import { aSession, aUser } from '#web/test/fixtures.js';
import { fakeApi, renderWithProviders } from '#web/test/render.js';
import { SignInForm } from './sign-in-form.js';

// The browser's WebAuthn prompt: what the person's authenticator would answer (the server checks it;
// test/integration/passkeys.test.ts and test/e2e/passkeys.test.ts cover the real ceremony).
const startAuthentication = vi.hoisted(() => vi.fn());
vi.mock('@simplewebauthn/browser', () => ({ startAuthentication }));

function renderForm() {
  const onSignedIn = vi.fn();
  const rendered = renderWithProviders(<SignInForm onSignedIn={onSignedIn} />, { signedIn: null });
  const fill = async (email: string, password: string) => {
    await rendered.user.type(screen.getByLabelText('Email'), email);
    await rendered.user.type(screen.getByLabelText('Password'), password);
    await rendered.user.click(screen.getByRole('button', { name: 'Sign in' }));
  };
  return { ...rendered, onSignedIn, fill };
}

describe('SignInForm', () => {
  it('asks for an email and a password before sending anything', async () => {
    const api = fakeApi();
    const { user, onSignedIn } = renderForm();

    await user.click(screen.getByRole('button', { name: 'Sign in' }));

    expect(await screen.findByText('Enter a valid email address')).toBeTruthy();
    expect(screen.getByText('Enter your password')).toBeTruthy();
    expect(screen.getByLabelText('Email').getAttribute('aria-invalid')).toBe('true');
    expect(api.requests).toEqual([]);
    expect(onSignedIn).not.toHaveBeenCalled();
  });

  it('checks a field once it is left, then as it is corrected, and focuses the first one to fix', async () => {
    fakeApi();
    const { user } = renderForm();
    const email = screen.getByLabelText('Email');

    await user.type(email, 'ada@');
    expect(screen.queryByText('Enter a valid email address')).toBeNull();
    await user.tab();
    expect(await screen.findByText('Enter a valid email address')).toBeTruthy();
    await user.type(email, 'example.com');
    await vi.waitFor(() => expect(screen.queryByText('Enter a valid email address')).toBeNull());
    expect(email.getAttribute('aria-invalid')).toBeNull();

    await user.clear(email);
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByText('Enter a valid email address')).toBeTruthy();
    expect(document.activeElement).toBe(email);
  });

  it('signs in with the trimmed, lower-cased email and keeps the session', async () => {
    const person = aUser({ email: 'ada@example.com' });
    const api = fakeApi().on('POST', API.login, json(aSession(person)));
    const { fill, onSignedIn } = renderForm();

    await fill('  Ada@Example.com ', 'amber-lighthouse-meadow');

    await vi.waitFor(() => expect(onSignedIn).toHaveBeenCalledOnce());
    expect(api.sent('POST', API.login)[0]?.body).toEqual({
      email: 'ada@example.com',
      password: 'amber-lighthouse-meadow',
    });
    expect(getSessionState()).toMatchObject({ status: 'authenticated', user: { name: person.name } });
  });

  it('shows the server’s explanation when the credentials do not match', async () => {
    fakeApi().on(
      'POST',
      API.login,
      problem(401, 'invalid_credentials', 'That email and password do not match an account.'),
    );
    const { fill, onSignedIn } = renderForm();

    await fill('ada@example.com', 'wrong-password');

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toBe('That email and password do not match an account.');
    expect(onSignedIn).not.toHaveBeenCalled();
    expect(getSessionState().status).toBe('anonymous');
  });

  it('says how long to wait when sign-in attempts are rate limited', async () => {
    fakeApi().on(
      'POST',
      API.login,
      problem(429, 'rate_limited', 'Too many sign-in attempts', undefined, { 'retry-after': '30' }),
    );
    const { fill } = renderForm();

    await fill('ada@example.com', 'amber-lighthouse-meadow');

    expect((await screen.findByRole('alert')).textContent).toBe('Too many attempts, try again in 30 s.');
  });

  it('puts the server’s field errors beside their fields', async () => {
    fakeApi().on('POST', API.login, fieldProblem({ email: 'This address cannot sign in here' }));
    const { fill } = renderForm();

    await fill('ada@example.com', 'amber-lighthouse-meadow');

    expect(await screen.findByText('This address cannot sign in here')).toBeTruthy();
    expect(screen.getByLabelText('Email').getAttribute('aria-invalid')).toBe('true');
    expect(screen.queryByRole('alert')).toBeNull();
  });

  describe('with two-factor sign-in', () => {
    const challenge = {
      status: 'two_factor_required',
      challenge: 'signed-challenge',
      expires_in: 300,
      message: 'Enter the 6-digit code from your authenticator app, or a recovery code',
      passkey: false,
    };

    it('asks for the code after the password, then signs in with it', async () => {
      const person = aUser({ email: 'ada@example.com' });
      const api = fakeApi()
        .on('POST', API.login, json(challenge, 202))
        .on('POST', API.loginTwoFactor, json(aSession(person)));
      const { fill, user, onSignedIn } = renderForm();

      await fill('ada@example.com', 'amber-lighthouse-meadow');
      expect(getSessionState().status).not.toBe('authenticated');
      await user.type(await screen.findByLabelText('Code'), '123 456');
      await user.click(screen.getByRole('button', { name: 'Verify' }));

      await vi.waitFor(() => expect(onSignedIn).toHaveBeenCalledOnce());
      expect(api.sent('POST', API.loginTwoFactor)[0]?.body).toEqual({
        challenge: 'signed-challenge',
        code: '123 456',
      });
      expect(getSessionState()).toMatchObject({ status: 'authenticated', user: { name: person.name } });
    });

    it('says when a code is wrong, and starts over when the challenge expired', async () => {
      let attempts = 0;
      fakeApi()
        .on('POST', API.login, json(challenge, 202))
        .on('POST', API.loginTwoFactor, () =>
          ++attempts === 1
            ? problem(401, 'invalid_two_factor_code', 'That code is not correct, or it was already used')
            : problem(401, 'two_factor_challenge_expired'),
        );
      const { fill, user, onSignedIn } = renderForm();

      await fill('ada@example.com', 'amber-lighthouse-meadow');
      await user.type(await screen.findByLabelText('Code'), '000000');
      await user.click(screen.getByRole('button', { name: 'Verify' }));
      expect(await screen.findByText(/That code is not correct/)).toBeTruthy();
      expect(screen.getByLabelText('Code').getAttribute('aria-invalid')).toBe('true');

      await user.click(screen.getByRole('button', { name: 'Verify' }));
      expect(await screen.findByRole('alert')).toBeTruthy();
      expect(screen.getByText(/took too long/)).toBeTruthy();
      expect(screen.getByLabelText('Password')).toBeTruthy();
      expect(onSignedIn).not.toHaveBeenCalled();
    });

    it('checks the code’s shape before sending it', async () => {
      const api = fakeApi().on('POST', API.login, json(challenge, 202));
      const { fill, user } = renderForm();

      await fill('ada@example.com', 'amber-lighthouse-meadow');
      await user.type(await screen.findByLabelText('Code'), '12');
      await user.click(screen.getByRole('button', { name: 'Verify' }));

      expect(await screen.findByText(/6-digit code/, { selector: '.field__error' })).toBeTruthy();
      expect(api.sent('POST', API.loginTwoFactor)).toEqual([]);
    });

    it('offers a passkey when the account has one, and signs in with it', async () => {
      const person = aUser({ email: 'ada@example.com' });
      const options = { challenge: 'webauthn-challenge', rpId: 'localhost', allowCredentials: [] };
      const signed = {
        id: 'cred',
        rawId: 'cred',
        type: 'public-key',
        response: { clientDataJSON: 'e30', authenticatorData: 'AA', signature: 'AA' },
        clientExtensionResults: {},
      };
      startAuthentication.mockResolvedValueOnce(signed);
      const api = fakeApi()
        .on('POST', API.login, json({ ...challenge, passkey: true }, 202))
        .on('POST', API.loginPasskeyOptions, json(options))
        .on('POST', API.loginPasskey, json(aSession(person)));
      const { fill, user, onSignedIn } = renderForm();

      await fill('ada@example.com', 'amber-lighthouse-meadow');
      await user.click(await screen.findByRole('button', { name: 'Use a passkey' }));

      await vi.waitFor(() => expect(onSignedIn).toHaveBeenCalledOnce());
      expect(api.sent('POST', API.loginPasskeyOptions)[0]?.body).toEqual({ challenge: 'signed-challenge' });
      expect(startAuthentication).toHaveBeenCalledWith({ optionsJSON: options });
      expect(api.sent('POST', API.loginPasskey)[0]?.body).toEqual({
        challenge: 'signed-challenge',
        response: signed,
      });
      expect(getSessionState()).toMatchObject({ status: 'authenticated', user: { name: person.name } });
    });

    it('says so when the person cancels the passkey prompt, and still takes a code', async () => {
      startAuthentication.mockRejectedValueOnce(new DOMException('cancelled', 'NotAllowedError'));
      fakeApi()
        .on('POST', API.login, json({ ...challenge, passkey: true }, 202))
        .on('POST', API.loginPasskeyOptions, json({ challenge: 'webauthn-challenge' }));
      const { fill, user } = renderForm();

      await fill('ada@example.com', 'amber-lighthouse-meadow');
      await user.click(await screen.findByRole('button', { name: 'Use a passkey' }));

      expect(await screen.findByText(/The passkey was not used/)).toBeTruthy();
      expect(screen.getByLabelText('Code')).toBeTruthy();
    });
  });
});
