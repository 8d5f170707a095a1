import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { API } from '#shared/api-paths.js';
import type { ReviewLink } from '#shared/review-links.schema.js';
import { json, noContent } from '#web/test/fake-api.js';
import { aBusiness, anId } from '#web/test/fixtures.js';
import { fakeApi, renderWithProviders } from '#web/test/render.js';
import { ShareCalendarDialog } from './share-calendar-dialog.js';

const CREATED = '2026-03-01T09:00:00.000Z';

function aReviewLink(overrides: Partial<ReviewLink> = {}): ReviewLink {
  return {
    id: anId(),
    label: 'Acme agency',
    created_by: null,
    created_at: CREATED,
    expires_at: '2999-01-01T00:00:00.000Z',
    revoked_at: null,
    ...overrides,
  };
}

describe('ShareCalendarDialog', () => {
  it('makes a feed URL to copy, once', async () => {
    const business = aBusiness({ role: 'editor' });
    const api = fakeApi()
      .on('GET', API.calendarFeeds(business.id), json({ items: [] }))
      .on(
        'POST',
        API.calendarFeeds(business.id),
        json({ id: anId(), url: '/api/content/calendar.ics?token=s3cret', token: 's3cret' }, 201),
      );
    const { user } = renderWithProviders(<ShareCalendarDialog business={business} open onClose={() => {}} />);
    await user.click(await screen.findByRole('button', { name: 'Create a feed URL' }));
    const url = (await screen.findByLabelText('Calendar feed URL')) as HTMLInputElement;
    expect(url.value).toMatch(/^https?:\/\/[^/]+\/api\/content\/calendar\.ics\?token=s3cret$/);
    expect(api.sent('POST', API.calendarFeeds(business.id))).toHaveLength(1);
    // An editor may not make review links: that section is not offered (and not fetched).
    expect(screen.queryByRole('heading', { name: 'Review link for a client' })).toBeNull();
  });

  it('lets an owner make, list and revoke review links', async () => {
    const business = aBusiness({ role: 'owner' });
    const old = aReviewLink({ label: 'Old client', expires_at: '2020-01-01T00:00:00.000Z' });
    const server = { links: [old] };
    const api = fakeApi()
      .on('GET', API.calendarFeeds(business.id), json({ items: [] }))
      .on('GET', API.reviewLinks(business.id), () => json({ items: server.links }))
      .on('POST', API.reviewLinks(business.id), ({ body }) => {
        const { label } = body as { label: string };
        const link = aReviewLink({ label });
        server.links = [link, ...server.links];
        return json({ ...link, token: 't0k', url: '/review#token=t0k' }, 201);
      });
    const { user } = renderWithProviders(<ShareCalendarDialog business={business} open onClose={() => {}} />);
    const list = await screen.findByRole('list', { name: 'Review links' });
    expect(within(list).getByText(/expired/)).toBeTruthy();
    expect(within(list).queryByRole('button', { name: /Revoke/ })).toBeNull();

    await user.type(screen.getByLabelText('Who it is for'), 'Acme agency');
    await user.selectOptions(screen.getByLabelText('Expires after'), '30');
    await user.click(screen.getByRole('button', { name: 'Create link' }));
    const link = (await screen.findByLabelText('Review link for Acme agency')) as HTMLInputElement;
    expect(link.value).toMatch(/\/review#token=t0k$/);
    expect(api.sent('POST', API.reviewLinks(business.id))[0]?.body).toEqual({
      label: 'Acme agency',
      expires_in_days: 30,
    });

    const created = server.links[0] as ReviewLink;
    api.on('DELETE', API.reviewLink(business.id, created.id), () => {
      server.links = server.links.map((entry) =>
        entry.id === created.id ? { ...entry, revoked_at: CREATED } : entry,
      );
      return noContent();
    });
    await user.click(await screen.findByRole('button', { name: 'Revoke the link for Acme agency' }));
    expect(await within(list).findByText(/revoked/)).toBeTruthy();
  });
});
