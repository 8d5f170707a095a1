import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { API } from '#shared/api-paths.js';
import type { SharedReview } from '#shared/review-links.schema.js';
import { json, problem } from '#web/test/fake-api.js';
import { fakeApi, renderWithProviders } from '#web/test/render.js';
import { SharedReviewView } from './shared-review-view.js';

const review: SharedReview = {
  workspace_name: 'Bluebird Bakery',
  locale: 'en-GB',
  time_zone: 'Europe/Paris',
  label: 'Acme agency',
  expires_at: '2026-03-31T00:00:00.000Z',
  from: '2026-02-01T00:00:00.000Z',
  to: '2026-08-01T00:00:00.000Z',
  items: [
    {
      channel: 'linkedin',
      format: 'post',
      status: 'in_review',
      scheduled_at: '2026-03-07T08:30:00.000Z',
      title: 'Spring sale',
      body: 'Everything 25% off.',
      thread: [],
      hashtags: ['spring'],
      call_to_action: 'Visit us',
    },
  ],
};

describe('SharedReviewView', () => {
  it('shows the shared calendar by day, read-only, to a visitor holding the token', async () => {
    const api = fakeApi().on('GET', API.sharedReview, json(review));
    renderWithProviders(<SharedReviewView token="t0k" />, { signedIn: null });
    expect(await screen.findByRole('heading', { name: 'Spring sale' })).toBeTruthy();
    expect(screen.getByText(/shared with Acme agency/)).toBeTruthy();
    expect(screen.getByText('In review')).toBeTruthy();
    expect(screen.getByText('#spring')).toBeTruthy();
    // As the workspace writes dates (en-GB, Paris), whatever the visitor's browser is set to.
    expect(screen.getByRole('heading', { name: '7 Mar 2026' })).toBeTruthy();
    expect(screen.getByText(/^7 Mar 2026, 09:30 · LinkedIn/)).toBeTruthy();
    expect(screen.queryByRole('button')).toBeNull();
    const [sent] = api.sent('GET', API.sharedReview);
    expect(sent?.query.get('token')).toBe('t0k');
    expect(sent?.headers.get('authorization')).toBeNull();
  });

  it('says the link does not work once it expired or was revoked', async () => {
    fakeApi().on('GET', API.sharedReview, problem(404, 'not_found', 'No such review link'));
    renderWithProviders(<SharedReviewView token="gone" />, { signedIn: null });
    expect(await screen.findByText('This review link does not work')).toBeTruthy();
  });
});
