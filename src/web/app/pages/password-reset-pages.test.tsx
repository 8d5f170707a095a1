import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { API } from '#shared/api-paths.js';
import { fieldProblem, json, noContent, problem } from '#web/test/fake-api.js';
import { fakeApi, renderWithProviders } from '#web/test/render.js';
import { ForgotPasswordPage } from './forgot-password-page.js';
import { ResetPasswordPage } from './reset-password-page.js';

const TOKEN = 'k3y_Abcdefghijklmnopqrstuvwxyz0123456789-_';

describe('ForgotPasswordPage', () => {
  it('sends the address and shows the same answer whatever it is', async () => {
    const message = 'If an account uses this address, we sent it a link to choose a new password.';
    const api = fakeApi().on('POST', API.forgotPassword, json({ status: 'check_email', message }, 202));
    const { user } = renderWithProviders(<ForgotPasswordPage />, { signedIn: null, url: '/forgot-password' });

    await user.type(screen.getByLabelText('Email'), ' Ada@Example.com ');
    await user.click(screen.getByRole('button', { name: 'Send the link' }));

    expect(await screen.findByText(message)).toBeTruthy();
    expect(api.sent('POST', API.forgotPassword)[0]?.body).toEqual({ email: 'ada@example.com' });
    expect(screen.queryByLabelText('Email')).toBeNull();
  });

  it('says so when the server cannot send email', async () => {
    fakeApi().on(
      'POST',
      API.forgotPassword,
      problem(
        503,
        'mail_unavailable',
        'This server cannot send email yet; an administrator needs to set SMTP_URL and MAIL_FROM',
      ),
    );
    const { user } = renderWithProviders(<ForgotPasswordPage />, { signedIn: null, url: '/forgot-password' });

    await user.type(screen.getByLabelText('Email'), 'ada@example.com');
    await user.click(screen.getByRole('button', { name: 'Send the link' }));

    expect((await screen.findByRole('alert')).textContent).toMatch(/cannot send email/);
  });
});

describe('ResetPasswordPage', () => {
  const renderAt = (url: string) =>
    renderWithProviders(<ResetPasswordPage />, { signedIn: null, url, route: '/reset-password' });

  it('checks the link, refuses a weak password field by field, then sets the new one', async () => {
    const api = fakeApi()
      .on('POST', API.resetPasswordCheck, noContent())
      .on('POST', API.resetPassword, ({ body }) =>
        (body as { new_password: string }).new_password === 'password1234'
          ? fieldProblem({ new_password: 'This password is too common' })
          : noContent(),
      );
    const { user } = renderAt(`/reset-password#token=${TOKEN}`);

    const field = await screen.findByLabelText('New password');
    expect(api.sent('POST', API.resetPasswordCheck)[0]?.body).toEqual({ token: TOKEN });
    await user.type(field, 'password1234');
    await user.click(screen.getByRole('button', { name: 'Set the new password' }));
    expect(await screen.findByText('This password is too common')).toBeTruthy();

    await user.clear(field);
    await user.type(field, 'amber-lighthouse-meadow');
    await user.click(screen.getByRole('button', { name: 'Set the new password' }));

    expect(await screen.findByText('Your password is changed')).toBeTruthy();
    expect(api.sent('POST', API.resetPassword)[1]?.body).toEqual({
      token: TOKEN,
      new_password: 'amber-lighthouse-meadow',
    });
  });

  it('explains a used or expired link and offers a new one', async () => {
    fakeApi().on('POST', API.resetPasswordCheck, problem(410, 'link_expired'));
    renderAt(`/reset-password#token=${TOKEN}`);

    expect(await screen.findByText('This link no longer works')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Ask for a new one' }).getAttribute('href')).toBe(
      '/forgot-password',
    );
    expect(screen.queryByLabelText('New password')).toBeNull();
  });

  it('explains a link without its token', async () => {
    const api = fakeApi();
    renderAt('/reset-password');

    expect(await screen.findByText('This link no longer works')).toBeTruthy();
    expect(api.requests).toEqual([]);
  });
});
