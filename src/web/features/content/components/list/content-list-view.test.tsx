import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { API } from '#shared/api-paths.js';
import type { Business } from '#shared/business.schema.js';
import type { ContentItem } from '#shared/content.schema.js';
import { json, problem } from '#web/test/fake-api.js';
import { aBusiness, aContentItem, anId } from '#web/test/fixtures.js';
import { fakeApi, renderWithProviders } from '#web/test/render.js';
import { ContentListView } from './content-list-view.js';

const CAMPAIGN = { id: anId(), name: 'Winter menu' };

function setUp(business: Business, items: ContentItem[], query = '') {
  const api = fakeApi().on('GET', API.contentItems, json({ items, next_cursor: null }));
  const rendered = renderWithProviders(<ContentListView business={business} campaigns={[CAMPAIGN]} />, {
    url: `/w/${business.id}/content${query}`,
    route: '/w/:businessId/content',
  });
  return { api, ...rendered };
}

describe('ContentListView', () => {
  it('shows a composed post’s variants as one post: each row names the other networks', async () => {
    const business = aBusiness();
    const group = anId();
    const items = (['x', 'linkedin'] as const).map((channel) =>
      aContentItem({ business_id: business.id, channel, title: `Poetry night`, post_group: group }),
    );
    const alone = aContentItem({ business_id: business.id, channel: 'bluesky', title: 'Opening hours' });
    setUp(business, [...items, alone]);
    const rows = await screen.findAllByRole('link', { name: 'Poetry night' });
    expect(rows.map((link) => link.closest('tr')?.textContent)).toEqual([
      expect.stringContaining('X · also LinkedIn'),
      expect.stringContaining('LinkedIn · also X'),
    ]);
    const other = screen.getByRole('link', { name: 'Opening hours' }).closest('tr') as HTMLElement;
    expect(other.textContent).not.toContain('also');
  });

  it('asks the API for the filters in the address, in the workspace’s days, and searches on Enter', async () => {
    const business = aBusiness({ time_zone: 'America/New_York' });
    const item = aContentItem({
      business_id: business.id,
      title: 'Gift cards',
      status: 'in_review',
      campaign_id: CAMPAIGN.id,
      scheduled_at: '2026-12-10T14:00:00.000Z',
    });
    const { api, user, location } = setUp(
      business,
      [item],
      '?status=in_review&from=2026-12-01&to=2026-12-31',
    );

    const row = (await screen.findByRole('link', { name: 'Gift cards' })).closest('tr') as HTMLElement;
    expect(row.textContent).toContain('Winter menu');
    expect(row.textContent).toContain('In review');
    expect(Object.fromEntries(api.sent('GET', API.contentItems)[0]?.query ?? [])).toMatchObject({
      business_id: business.id,
      status: 'in_review',
      // Midnight in New York, and the midnight after the last day.
      from: '2026-12-01T05:00:00.000Z',
      to: '2027-01-01T05:00:00.000Z',
    });

    await user.type(screen.getByRole('searchbox', { name: 'Search' }), 'gift{Enter}');
    await waitFor(() => expect(api.sent('GET', API.contentItems).at(-1)?.query.get('q')).toBe('gift'));
    expect(new URL(location(), 'http://app.test').searchParams.get('q')).toBe('gift');
    expect(new URL(location(), 'http://app.test').searchParams.get('status')).toBe('in_review');
  });

  it('approves the ticked items, and names each refused item when the server refuses', async () => {
    const business = aBusiness({ role: 'owner' });
    const first = aContentItem({ business_id: business.id, title: 'Gift cards', status: 'in_review' });
    const second = aContentItem({ business_id: business.id, title: 'Advent', status: 'draft' });
    const { api, user } = setUp(business, [first, second]);
    api.on('POST', API.contentBulk, () =>
      problem(422, 'bulk_failed', '1 of 2 items cannot change', [
        { path: 'body.ids.1', code: 'invalid_transition', message: 'A draft goes to review first' },
      ]),
    );

    await user.click(await screen.findByRole('checkbox', { name: 'Select all items shown' }));
    const bar = screen.getByRole('region', { name: 'Change the selected items' });
    expect(bar.textContent).toContain('2 items selected');
    await user.click(within(bar).getByRole('button', { name: 'Approve' }));

    expect(api.sent('POST', API.contentBulk)[0]?.body).toEqual({
      business_id: business.id,
      ids: [first.id, second.id],
      action: 'set_status',
      to: 'approved',
    });
    const alert = await within(bar).findByRole('alert');
    expect(alert.textContent).toContain('Nothing was changed. 1 of 2 items cannot change');
    expect(within(alert).getByRole('listitem').textContent).toBe('“Advent”: A draft goes to review first');
    // Nothing changed, so the selection stays for another try.
    expect((screen.getByRole('checkbox', { name: 'Select “Gift cards”' }) as HTMLInputElement).checked).toBe(
      true,
    );
  });

  it('deletes the ticked items and offers Undo, which restores exactly those', async () => {
    const business = aBusiness({ role: 'admin' });
    const first = aContentItem({ business_id: business.id, title: 'Gift cards' });
    const second = aContentItem({ business_id: business.id, title: 'Advent' });
    const { api, user } = setUp(business, [first, second]);
    api.on('POST', API.contentBulk, (request) => {
      const body = request.body as { action: string; ids: string[] };
      return json({
        action: body.action,
        items: body.action === 'restore' ? [second] : [],
        deleted_ids: body.action === 'delete' ? body.ids : [],
      });
    });

    await user.click(await screen.findByRole('checkbox', { name: 'Select “Advent”' }));
    await user.click(screen.getByRole('button', { name: 'Delete' }));
    const toasts = screen.getByRole('region', { name: 'Notifications' });
    expect((await within(toasts).findByText('Deleted 1 item')).textContent).toBe('Deleted 1 item');
    expect(screen.queryByRole('region', { name: 'Change the selected items' })).toBeNull();

    await user.click(within(toasts).getByRole('button', { name: 'Undo' }));
    await within(toasts).findByText('Restored: 1 item');
    expect(api.sent('POST', API.contentBulk).map((request) => request.body)).toEqual([
      { business_id: business.id, ids: [second.id], action: 'delete' },
      { business_id: business.id, ids: [second.id], action: 'restore' },
    ]);
  });

  it('offers each role only what it can do, and a viewer no checkboxes', async () => {
    const editor = aBusiness({ role: 'editor' });
    const item = aContentItem({ business_id: editor.id, title: 'Gift cards' });
    const { user } = setUp(editor, [item]);
    await user.click(await screen.findByRole('checkbox', { name: 'Select “Gift cards”' }));
    const bar = screen.getByRole('region', { name: 'Change the selected items' });
    const buttons = within(bar)
      .getAllByRole('button')
      .map((button) => button.textContent);
    expect(buttons).toContain('Send to review');
    expect(buttons).not.toContain('Approve');
    expect(buttons).not.toContain('Delete');
  });

  it('shows a viewer the table without checkboxes', async () => {
    const viewer = aBusiness({ role: 'viewer' });
    setUp(viewer, [aContentItem({ business_id: viewer.id, title: 'Gift cards' })]);
    expect(await screen.findByRole('link', { name: 'Gift cards' })).toBeTruthy();
    expect(screen.queryByRole('checkbox')).toBeNull();
  });
});
