import { screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { API } from '#shared/api-paths.js';
import { getSessionState } from '#web/lib/auth/session-store.js';
import { fieldProblem, json, problem } from '#web/test/fake-api.js';
import { aSession, aUser } from '#web/test/fixtures.js';
import { fakeApi, renderWithProviders } from '#web/test/render.js';
import { SignUpForm } from './sign-up-form.js';

function renderForm(mail?: 'smtp' | 'outbox' | 'none') {
  const onSignedUp = vi.fn();
  const rendered = renderWithProviders(<SignUpForm onSignedUp={onSignedUp} mail={mail} />, {
    signedIn: null,
  });
  const fill = async (details: { name: string; email: string; password: string }) => {
    await rendered.user.type(screen.getByLabelText('Name'), details.name);
    await rendered.user.type(screen.getByLabelText('Email'), details.email);
    await rendered.user.type(screen.getByLabelText('Password'), details.password);
    await rendered.user.click(screen.getByRole('button', { name: 'Create account' }));
  };
  return { ...rendered, onSignedUp, fill };
}

const ADA = { name: 'Ada Lovelace', email: 'ada@example.com', password: 'amber-lighthouse-meadow' };

describe('SignUpForm', () => {
  it('says to check the email when the server confirms addresses, without signing in', async () => {
    const message = 'Check your email: we sent a link to finish signing up. It works for 24 hours.';
    fakeApi().on('POST', API.register, json({ status: 'check_email', message }, 202));
    const { fill, onSignedUp } = renderForm();

    await fill(ADA);

    expect(
      await screen.findByText('We sent a link to finish signing up. It works for 24 hours.'),
    ).toBeTruthy();
    expect(screen.queryByText(message)).toBeNull();
    expect(onSignedUp).not.toHaveBeenCalled();
    expect(getSessionState().status).toBe('anonymous');
  });

  it('on a server without SMTP, says the email waits in the dev outbox and links to it', async () => {
    const message = 'Check your email: we sent a link to finish signing up. It works for 24 hours.';
    fakeApi().on('POST', API.register, json({ status: 'check_email', message }, 202));
    const { fill } = renderForm('outbox');

    await fill(ADA);

    expect(await screen.findByText(/This server has no SMTP/)).toBeTruthy();
    expect(screen.getByRole('link', { name: 'dev outbox' }).getAttribute('href')).toBe('/dev/outbox');
  });

  it('says nothing of an outbox when the server sends real email', async () => {
    const message = 'Check your email: we sent a link to finish signing up. It works for 24 hours.';
    fakeApi().on('POST', API.register, json({ status: 'check_email', message }, 202));
    const { fill } = renderForm('smtp');

    await fill(ADA);

    expect(
      await screen.findByText('We sent a link to finish signing up. It works for 24 hours.'),
    ).toBeTruthy();
    expect(screen.queryByText(message)).toBeNull();
    expect(screen.queryByText(/dev outbox/)).toBeNull();
  });

  it('shows the server’s sentence when sign-up needs email it cannot send', async () => {
    const detail =
      'Sign-up confirms addresses by email, and this server cannot send any yet. An administrator can set SMTP_URL and MAIL_FROM, or create your account (mcc user create); a workspace owner can then add you.';
    fakeApi().on('POST', API.register, problem(503, 'mail_unavailable', detail));
    const { fill, onSignedUp } = renderForm('none');

    await fill(ADA);

    expect(await screen.findByText(detail)).toBeTruthy();
    expect(onSignedUp).not.toHaveBeenCalled();
  });

  it('signs up through an invitation with its fixed address and token', async () => {
    const person = aUser({ email: 'invitee@example.com' });
    const api = fakeApi().on('POST', API.register, json(aSession(person), 201));
    const onSignedUp = vi.fn();
    const { user } = renderWithProviders(
      <SignUpForm
        onSignedUp={onSignedUp}
        invitation={{ token: 'invite-token-0123456789abcdef', email: person.email }}
      />,
      { signedIn: null },
    );

    expect(screen.getByLabelText<HTMLInputElement>('Email').readOnly).toBe(true);
    await user.type(screen.getByLabelText('Name'), 'Invitee');
    await user.type(screen.getByLabelText('Password'), ADA.password);
    await user.click(screen.getByRole('button', { name: 'Create account' }));

    await vi.waitFor(() => expect(onSignedUp).toHaveBeenCalledOnce());
    expect(api.sent('POST', API.register)[0]?.body).toEqual({
      name: 'Invitee',
      email: person.email,
      password: ADA.password,
      // The page's language: the account's, and its emails'.
      language: 'en',
      invitation_token: 'invite-token-0123456789abcdef',
    });
  });

  it('counts down the password length while typing', async () => {
    fakeApi();
    const { user } = renderForm();

    await user.type(screen.getByLabelText('Password'), 'short');
    expect(screen.getByText(/\(5 to go\)/)).toBeTruthy();

    await user.type(screen.getByLabelText('Password'), '-and-long');
    expect(screen.queryByText(/to go\)/)).toBeNull();
    expect(screen.getByText(/At least 10 characters/).textContent).toContain('(done)');
  });

  it('explains each field the shared schema refuses, without calling the server', async () => {
    const api = fakeApi();
    const { user } = renderForm();

    await user.type(screen.getByLabelText('Email'), 'not-an-email');
    await user.type(screen.getByLabelText('Password'), 'short');
    await user.click(screen.getByRole('button', { name: 'Create account' }));

    expect(await screen.findByText('Enter your name')).toBeTruthy();
    expect(screen.getByText('Enter a valid email address')).toBeTruthy();
    expect(screen.getByText('Use at least 10 characters')).toBeTruthy();
    expect(api.requests).toEqual([]);
  });

  it('creates the account and signs it in', async () => {
    const api = fakeApi().on('POST', API.register, json(aSession(aUser(ADA)), 201));
    const { fill, onSignedUp } = renderForm();

    await fill(ADA);

    await vi.waitFor(() => expect(onSignedUp).toHaveBeenCalledOnce());
    expect(api.sent('POST', API.register)[0]?.body).toEqual({ ...ADA, language: 'en' });
  });

  it('points to sign-in when the email already has an account', async () => {
    fakeApi().on('POST', API.register, problem(409, 'conflict', 'Email already registered'));
    const { fill, onSignedUp } = renderForm();

    await fill(ADA);

    expect(await screen.findByText('An account already uses this email. Sign in instead.')).toBeTruthy();
    expect(onSignedUp).not.toHaveBeenCalled();
  });

  it('shows the server’s password policy message on the password field', async () => {
    fakeApi().on(
      'POST',
      API.register,
      fieldProblem({ password: 'This password is too common; a short phrase is easy to remember' }),
    );
    const { fill } = renderForm();

    await fill({ ...ADA, password: 'password123' });

    expect(
      await screen.findByText('This password is too common; a short phrase is easy to remember'),
    ).toBeTruthy();
    expect(screen.getByLabelText('Password').getAttribute('aria-invalid')).toBe('true');
  });
});
