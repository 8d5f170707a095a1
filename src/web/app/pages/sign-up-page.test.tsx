import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { API } from '#shared/api-paths.js';
import { json } from '#web/test/fake-api.js';
import { aSession, aUser } from '#web/test/fixtures.js';
import { fakeApi } from '#web/test/render.js';
import { renderApp } from '#web/test/render-app.js';

describe('Sign-up page', () => {
  it('explains that sign-up is closed, without a form, when the server takes invitations only', async () => {
    fakeApi().on('GET', API.authOptions, json({ mail: 'smtp', sign_up: 'closed' }));
    renderApp('/sign-up', { signedIn: null });

    expect(await screen.findByText('Sign-up is closed on this server')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Create account' })).toBeNull();
  });

  it('on a development server, says where the confirmation email is', async () => {
    const message = 'Check your email: we sent a link to finish signing up. It works for 24 hours.';
    fakeApi()
      .on('GET', API.authOptions, json({ mail: 'outbox', sign_up: 'confirm_by_email' }))
      .on('POST', API.register, json({ status: 'check_email', message }, 202));
    const { user } = renderApp('/sign-up', { signedIn: null });

    await user.type(await screen.findByLabelText('Name'), 'Ada');
    await user.type(screen.getByLabelText('Email'), 'ada@example.com');
    await user.type(screen.getByLabelText('Password'), 'amber-lighthouse-meadow');
    await user.click(screen.getByRole('button', { name: 'Create account' }));

    expect(
      await screen.findByText('We sent a link to finish signing up. It works for 24 hours.'),
    ).toBeTruthy();
    expect(screen.queryByText(message)).toBeNull();
    expect(screen.getByRole('link', { name: 'dev outbox' }).getAttribute('href')).toBe('/dev/outbox');
  });

  it('signs in at once when the server says so (immediate)', async () => {
    fakeApi()
      .on('GET', API.authOptions, json({ mail: 'none', sign_up: 'immediate' }))
      .on('POST', API.register, json(aSession(aUser({ email: 'ada@example.com' })), 201))
      .on('GET', API.businesses, json({ items: [] }));
    const { user, location } = renderApp('/sign-up', { signedIn: null });

    await user.type(await screen.findByLabelText('Name'), 'Ada');
    await user.type(screen.getByLabelText('Email'), 'ada@example.com');
    await user.type(screen.getByLabelText('Password'), 'amber-lighthouse-meadow');
    await user.click(screen.getByRole('button', { name: 'Create account' }));

    expect(await screen.findByRole('heading', { name: 'Create your first business' })).toBeTruthy();
    expect(location()).toBe('/onboarding');
  });
});
