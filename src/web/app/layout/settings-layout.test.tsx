import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Role } from '#shared/roles.js';
import { aBusiness, aUser } from '#web/test/fixtures.js';
import { fakeApi } from '#web/test/render.js';
import { renderApp, serveWorkspace } from '#web/test/render-app.js';

async function settingsTabs(role: Role): Promise<string[]> {
  const business = aBusiness({ role });
  serveWorkspace(fakeApi(), business);
  renderApp(`/w/${business.id}/settings`, { signedIn: aUser() });
  const nav = await screen.findByRole('navigation', { name: 'Settings' });
  return within(nav)
    .getAllByRole('link')
    .map((link) => link.textContent ?? '');
}

describe('Settings tabs', () => {
  it('shows an owner every tab', async () => {
    expect(await settingsTabs('owner')).toEqual([
      'General',
      'Members',
      'Notifications',
      'API keys',
      'Audit log',
      'AI',
      'Publishing',
      'Channels',
      'Queue',
      'Inbox',
      'Webhooks',
    ]);
  });

  it('shows a viewer only the tabs their role can use: no inbox settings', async () => {
    expect(await settingsTabs('viewer')).toEqual(['General', 'Members', 'Notifications', 'Queue']);
  });

  it('says there are more tabs on the side they are hidden, when they do not fit', async () => {
    const business = aBusiness({ role: 'owner' });
    serveWorkspace(fakeApi(), business);
    renderApp(`/w/${business.id}/settings`, { signedIn: aUser() });
    const nav = await screen.findByRole('navigation', { name: 'Settings' });
    expect(nav.getAttribute('data-more')).toBeNull();

    // A phone: 818 px of tabs in 358 px.
    let scrollLeft = 0;
    Object.defineProperty(nav, 'scrollWidth', { configurable: true, get: () => 818 });
    Object.defineProperty(nav, 'clientWidth', { configurable: true, get: () => 358 });
    Object.defineProperty(nav, 'scrollLeft', { configurable: true, get: () => scrollLeft });
    fireEvent.scroll(nav);
    expect(nav.getAttribute('data-more')).toBe('end');
    scrollLeft = 200;
    fireEvent.scroll(nav);
    expect(nav.getAttribute('data-more')).toBe('both');
    scrollLeft = 460;
    fireEvent.scroll(nav);
    expect(nav.getAttribute('data-more')).toBe('start');
  });
});
