import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { API } from '#shared/api-paths.js';
import { json } from '#web/test/fake-api.js';
import { aBusiness, aContentItem } from '#web/test/fixtures.js';
import { fakeApi, renderWithProviders } from '#web/test/render.js';
import { AlsoOnCard } from './also-on-card.js';

const GROUP = '0190d7a4-0000-7000-8000-00000000ab01';

describe('AlsoOnCard', () => {
  it('links the other networks’ variants and moves every unpublished one to one time', async () => {
    const business = aBusiness({ role: 'owner', time_zone: 'Europe/Paris' });
    const at = '2027-04-01T07:30:00.000Z';
    const [x, linkedin, bluesky] = (['x', 'linkedin', 'bluesky'] as const).map((channel) =>
      aContentItem({
        business_id: business.id,
        channel,
        post_group: GROUP,
        status: 'scheduled',
        scheduled_at: at,
      }),
    );
    if (!x || !linkedin || !bluesky) throw new Error('three items');
    const published = { ...bluesky, status: 'published' as const };
    const api = fakeApi()
      .on('GET', API.contentItems, json({ items: [x, linkedin, published], next_cursor: null }))
      .on('POST', API.contentBulk, json({ action: 'reschedule', items: [x, linkedin], deleted_ids: [] }));
    const { user } = renderWithProviders(
      <AlsoOnCard item={{ ...x, post_group: GROUP }} business={business} />,
      {
        url: `/w/${business.id}/content/${x.id}`,
        route: '/w/:businessId/content/:itemId',
      },
    );

    const card = await screen.findByRole('region', { name: 'Also on' });
    expect(within(card).getByRole('link', { name: 'LinkedIn' }).getAttribute('href')).toBe(
      `/w/${business.id}/content/${linkedin.id}`,
    );
    expect(within(card).getByRole('link', { name: 'Bluesky' })).toBeTruthy();
    expect(within(card).queryByRole('link', { name: 'X' })).toBeNull();
    expect(Object.fromEntries(api.sent('GET', API.contentItems)[0]?.query ?? [])).toMatchObject({
      post_group: GROUP,
    });

    await user.type(within(card).getByLabelText('Move every network to'), '2027-04-02T10:00');
    await user.click(within(card).getByRole('button', { name: 'Move all' }));
    expect(await within(card).findByText('Moved 2 variants.')).toBeTruthy();
    // 10:00 in Paris (summer time) is 08:00 UTC; the published Bluesky post stays where it went out.
    expect(api.sent('POST', API.contentBulk)[0]?.body).toEqual({
      business_id: business.id,
      action: 'reschedule',
      ids: [x.id, linkedin.id],
      scheduled_at: '2027-04-02T08:00:00.000Z',
    });
  });
});
