import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { API } from '#shared/api-paths.js';
import { type FakeReply, json } from '#web/test/fake-api.js';
import { aBusiness, aContentItem } from '#web/test/fixtures.js';
import { fakeApi, renderWithProviders } from '#web/test/render.js';
import { CalendarView } from './calendar-view.js';

describe('the calendar while its items load', () => {
  it('marks the grid busy until they arrive, so a phone shows no day that the items would push down', async () => {
    const business = aBusiness({ time_zone: 'Europe/Paris' });
    const item = aContentItem({
      business_id: business.id,
      title: 'Friday pastries',
      status: 'scheduled',
      scheduled_at: '2026-12-11T09:00:00.000Z',
    });
    let answer: (reply: FakeReply) => void = () => undefined;
    fakeApi().on('GET', API.contentItems, () => new Promise<FakeReply>((resolve) => (answer = resolve)));
    const { container } = renderWithProviders(<CalendarView business={business} campaigns={[]} />, {
      url: '/?date=2026-12-07',
    });
    const grid = container.querySelector('.cal-grid');
    expect(grid?.getAttribute('aria-busy')).toBe('true');
    expect(grid?.classList.contains('cal-grid--loading')).toBe(true);

    answer(json({ items: [item], next_cursor: null }));
    expect(await screen.findByText('Friday pastries')).toBeTruthy();
    expect(grid?.hasAttribute('aria-busy')).toBe(false);
    expect(grid?.classList.contains('cal-grid--loading')).toBe(false);
  });
});
