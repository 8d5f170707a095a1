import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { API } from '#shared/api-paths.js';
import { json, problem } from '#web/test/fake-api.js';
import { fakeApi } from '#web/test/render.js';
import { renderApp } from '#web/test/render-app.js';

describe('Dev outbox page', () => {
  it('lists the kept emails newest first, with their links to follow, without signing in', async () => {
    fakeApi().on(
      'GET',
      API.devOutbox,
      json({
        items: [
          {
            id: 1,
            to: 'ana@example.com',
            subject: 'Confirm your address',
            text: 'Welcome. Confirm: http://localhost:8000/sign-up/confirm?token=abc\n',
            html: '<p>Welcome</p>',
            sent_at: '2026-12-06T10:00:00.000Z',
          },
          {
            id: 2,
            to: 'ana@example.com',
            subject: 'Reset your password',
            text: 'Choose a new password: http://localhost:8000/reset-password?token=xyz (30 minutes).',
            html: '<p>Reset</p>',
            sent_at: '2026-12-06T11:00:00.000Z',
          },
        ],
      }),
    );
    const { user } = renderApp('/dev/outbox', { signedIn: null });

    const list = await screen.findByRole('list', { name: 'Emails' });
    const subjects = within(list)
      .getAllByRole('group')
      .map((details) => details.querySelector('strong')?.textContent);
    expect(subjects).toEqual(['Reset your password', 'Confirm your address']);
    await user.click(screen.getByText('Reset your password'));
    expect(
      screen
        .getByRole('link', { name: 'http://localhost:8000/reset-password?token=xyz' })
        .getAttribute('href'),
    ).toBe('http://localhost:8000/reset-password?token=xyz');
  });

  it('says there is no outbox when the server sends over SMTP or the page is opened from elsewhere', async () => {
    fakeApi().on('GET', API.devOutbox, problem(404, 'not_found'));
    renderApp('/dev/outbox', { signedIn: null });
    expect(
      await screen.findByText(
        'There is no outbox here: this server sends email over SMTP, or you are not on its machine.',
      ),
    ).toBeTruthy();
  });
});
