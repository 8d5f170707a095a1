import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { API } from '#shared/api-paths.js';
import type { ContentItem } from '#shared/content.schema.js';
import type { Role } from '#shared/roles.js';
import { json, problem } from '#web/test/fake-api.js';
import { aBusiness, aContentItem } from '#web/test/fixtures.js';
import { fakeApi, renderWithProviders } from '#web/test/render.js';
import { QueueCard } from './queue-card.js';

function renderCard(role: Role, fields: Partial<ContentItem> = {}) {
  const business = aBusiness({ role, time_zone: 'Europe/Paris' });
  const item = aContentItem({ business_id: business.id, channel: 'linkedin', ...fields });
  const api = fakeApi();
  const rendered = renderWithProviders(<QueueCard item={item} business={business} />, {
    workspace: business,
  });
  const card = () => screen.getByRole('region', { name: 'Queue' });
  return { ...rendered, api, business, item, card };
}

describe('QueueCard', () => {
  it('plans a draft at the next free slot and says when, in the workspace’s time', async () => {
    const { user, api, item, card } = renderCard('editor');
    api.on('POST', API.contentQueue(item.id), () =>
      json({ ...item, scheduled_at: '2027-03-30T07:00:00.000Z', version: 2 }),
    );
    await user.click(within(card()).getByRole('button', { name: 'Add to queue' }));
    expect(await screen.findByText(/Planned for .*30.*2027.*\b0?9:00/)).toBeTruthy();
    expect(api.sent('POST', API.contentQueue(item.id))[0]?.body).toEqual({ version: 1 });
  });

  it('shows why the queue is full, and offers an editor no “Add to queue” on approved work', async () => {
    const { user, api, item, card } = renderCard('owner', { status: 'approved' });
    api.on('POST', API.contentQueue(item.id), () =>
      problem(
        409,
        'queue_full',
        'No free linkedin slot in the next 90 days; add slots in Settings → Queue or pick a time',
      ),
    );
    await user.click(within(card()).getByRole('button', { name: 'Add to queue' }));
    expect(await within(card()).findByText(/No free linkedin slot in the next 90 days/)).toBeTruthy();

    const editor = renderCard('editor', { status: 'approved' });
    const cards = screen.getAllByRole('region', { name: 'Queue' });
    expect(within(cards[1] as HTMLElement).queryByRole('button', { name: 'Add to queue' })).toBeNull();
    expect(within(cards[1] as HTMLElement).getByRole('button', { name: 'Duplicate' })).toBeTruthy();
    editor.unmount();
  });

  it('duplicates into a new draft and opens it; makes the item evergreen with its gap', async () => {
    const { user, api, business, item, card, location } = renderCard('editor');
    const copy = { ...item, id: '0190d7a4-0000-7000-8000-00000000c0de' };
    api
      .on('POST', API.contentDuplicate(item.id), () => json(copy, 201))
      .on('PATCH', API.contentItem(item.id), ({ body }) =>
        json({ ...item, ...(body as object), version: 2 }),
      );

    const gap = within(card()).getByLabelText('At most once every (days)');
    await user.clear(gap);
    await user.type(gap, '0');
    await user.click(within(card()).getByRole('checkbox', { name: 'Evergreen' }));
    expect(within(card()).getByText('A whole number of days from 1 to 365')).toBeTruthy();
    await user.clear(gap);
    await user.type(gap, '14');
    await user.click(within(card()).getByRole('checkbox', { name: 'Evergreen' }));
    expect(await screen.findByText('Evergreen: back in the queue 14 days after it goes out')).toBeTruthy();
    expect(api.sent('PATCH', API.contentItem(item.id))[0]?.body).toEqual({ version: 1, evergreen_days: 14 });

    await user.click(within(card()).getByRole('button', { name: 'Duplicate' }));
    expect(await screen.findByText('Duplicated as a new draft')).toBeTruthy();
    expect(location()).toBe(`/w/${business.id}/content/${copy.id}`);
  });
});
