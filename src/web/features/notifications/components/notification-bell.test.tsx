import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { API } from '#shared/api-paths.js';
import type { Notification } from '#shared/notifications.schema.js';
import { json } from '#web/test/fake-api.js';
import { aBusiness, aNotification } from '#web/test/fixtures.js';
import { fakeApi, renderWithProviders } from '#web/test/render.js';
import { NotificationBell } from './notification-bell.js';

const business = aBusiness();

/** A server holding `items`: it answers the count and the list, and marks them read as asked. */
function serve(items: Notification[]) {
  const state = items.map((item) => ({ ...item }));
  const unread = () => state.filter((item) => item.read_at === null).length;
  const api = fakeApi()
    .on('GET', API.notificationsUnreadCount(business.id), () => json({ unread: unread() }))
    .on('GET', API.notifications(business.id), () => json({ items: state, next_cursor: null }))
    .on('POST', API.notificationsReadAll(business.id), () => {
      const marked = unread();
      for (const item of state) item.read_at ??= '2026-03-02T10:00:00.000Z';
      return json({ marked });
    });
  for (const item of state) {
    api.on('POST', API.notificationRead(business.id, item.id), () => {
      item.read_at ??= '2026-03-02T10:00:00.000Z';
      return json(item);
    });
  }
  return api;
}

function renderBell() {
  return renderWithProviders(<NotificationBell businessId={business.id} />, {
    url: `/w/${business.id}`,
    // The bell stays in the frame whatever page a notification leads to.
    route: '/w/:businessId/*',
  });
}

describe('NotificationBell', () => {
  const review = aNotification({ business_id: business.id });
  const failed = aNotification({
    business_id: business.id,
    kind: 'publish_failed',
    title: '“Saturday bake” could not be published',
    body: 'No publishing connector is set up for facebook.',
  });
  const old = aNotification({
    business_id: business.id,
    kind: 'content_approved',
    title: 'Olive approved “Spring sale”',
    body: 'It can be scheduled now.',
    read_at: '2026-03-01T09:00:00.000Z',
  });

  it('shows how many are unread, and says so to screen readers', async () => {
    serve([review, failed, old]);
    renderBell();
    const bell = await screen.findByRole('button', { name: 'Notifications, 2 unread' });
    expect(bell.textContent).toContain('2');
    expect(bell.getAttribute('aria-expanded')).toBe('false');
  });

  it('opens a panel of the newest, unread ones marked; following one marks it read and leads there', async () => {
    const api = serve([review, failed, old]);
    const { user, location } = renderBell();
    await user.click(await screen.findByRole('button', { name: 'Notifications, 2 unread' }));
    const panel = await screen.findByRole('region', { name: 'Recent notifications' });
    const links = within(panel).getAllByRole('link');
    expect(links.map((link) => link.textContent)).toEqual([
      expect.stringContaining('Unread: Edie asked for a review of “Easter buns”'),
      expect.stringContaining('Unread: “Saturday bake” could not be published'),
      expect.stringContaining('Olive approved “Spring sale”'),
      'See all',
      'Email settings',
    ]);
    expect(links[2]?.textContent).not.toContain('Unread');

    await user.click(within(panel).getByRole('link', { name: /could not be published/ }));
    expect(location()).toBe(failed.link);
    expect(api.sent('POST', API.notificationRead(business.id, failed.id))).toHaveLength(1);
    expect(screen.queryByRole('region', { name: 'Recent notifications' })).toBeNull();
    expect(await screen.findByRole('button', { name: 'Notifications, 1 unread' })).toBeTruthy();
  });

  it('marks all read at once', async () => {
    const api = serve([review, failed]);
    const { user } = renderBell();
    await user.click(await screen.findByRole('button', { name: 'Notifications, 2 unread' }));
    const panel = await screen.findByRole('region', { name: 'Recent notifications' });
    await user.click(within(panel).getByRole('button', { name: 'Mark all read' }));
    expect(await screen.findByRole('button', { name: 'Notifications' })).toBeTruthy();
    expect(api.sent('POST', API.notificationsReadAll(business.id))).toHaveLength(1);
    expect(within(panel).queryByText(/Unread:/)).toBeNull();
    expect((within(panel).getByRole('button', { name: 'Mark all read' }) as HTMLButtonElement).disabled).toBe(
      true,
    );
  });

  it('says when there is nothing yet, and closes on Escape with focus back on the bell', async () => {
    serve([]);
    const { user } = renderBell();
    const bell = await screen.findByRole('button', { name: 'Notifications' });
    await user.click(bell);
    const panel = await screen.findByRole('region', { name: 'Recent notifications' });
    expect(await within(panel).findByText(/Nothing yet/)).toBeTruthy();
    expect(within(panel).getByRole('link', { name: 'See all' }).getAttribute('href')).toBe(
      `/w/${business.id}/notifications`,
    );
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('region', { name: 'Recent notifications' })).toBeNull();
    expect(document.activeElement).toBe(bell);
  });

  it('never leads outside the workspace, whatever a link says', async () => {
    serve([{ ...review, link: 'https://evil.example/phish' }]);
    const { user } = renderBell();
    await user.click(await screen.findByRole('button', { name: 'Notifications, 1 unread' }));
    const panel = await screen.findByRole('region', { name: 'Recent notifications' });
    expect(
      within(panel)
        .getByRole('link', { name: /asked for a review/ })
        .getAttribute('href'),
    ).toBe(`/w/${business.id}`);
  });
});
