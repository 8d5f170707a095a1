import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Attention, AttentionItem } from '#shared/attention.schema.js';
import type { Business } from '#shared/business.schema.js';
import { aBusiness, anAttention, anId } from '#web/test/fixtures.js';
import { renderWithProviders } from '#web/test/render.js';
import { AttentionBoard } from './attention-board.js';

const NOW = '2026-12-07T12:00:00.000Z';

function anItem(overrides: Partial<AttentionItem>): AttentionItem {
  return {
    id: anId(),
    title: 'Winter menu',
    channel: 'instagram',
    status: 'in_review',
    scheduled_at: null,
    updated_at: NOW,
    waiting_since: null,
    publish_error: null,
    ...overrides,
  };
}

function renderBoard(business: Business, overrides: Partial<Attention>) {
  const attention = anAttention({
    business_id: business.id,
    first_run: false,
    generated_at: NOW,
    ...overrides,
  });
  return renderWithProviders(<AttentionBoard business={business} attention={attention} />, {
    url: `/w/${business.id}`,
    route: '/w/:businessId',
  });
}

describe('AttentionBoard', () => {
  it('counts the items in review, names the one waiting longest, and links to it', async () => {
    const business = aBusiness();
    // Waiting since it was submitted, though edited since.
    const oldest = anItem({
      title: 'Gift cards',
      waiting_since: '2026-12-05T09:00:00.000Z',
      updated_at: NOW,
    });
    const { user, location } = renderBoard(business, {
      approvals: { count: 3, oldest: [oldest, anItem({ waiting_since: '2026-12-07T09:30:00.000Z' })] },
    });

    const card = screen.getByRole('region', { name: 'Waiting for approval' });
    expect(within(card).getByRole('heading', { level: 2, name: 'Waiting for approval' })).toBeTruthy();
    expect(card.textContent).toContain('3 items in review');
    const rows = within(card).getAllByRole('listitem');
    expect(rows[0]?.textContent).toContain('Instagram · waiting 2 days');
    expect(rows[1]?.textContent).toContain('waiting 2 hours');
    // Items in review often have no date: the list, filtered, shows them all.
    expect(within(card).getByRole('link', { name: 'All items in review' }).getAttribute('href')).toBe(
      `/w/${business.id}/content?status=in_review`,
    );
    await user.click(within(card).getByRole('link', { name: 'Gift cards' }));
    expect(location()).toBe(`/w/${business.id}/content/${oldest.id}`);
  });

  it('gives publishing times on the workspace’s clock, whatever the browser’s', () => {
    const at = '2026-12-07T15:00:00.000Z';
    const next = { count: 1, items: [anItem({ status: 'scheduled', channel: 'x', scheduled_at: at })] };
    const newYork = aBusiness({ time_zone: 'America/New_York', locale: 'en-US' });
    const { unmount } = renderBoard(newYork, { next_up: next });
    const time = screen.getByRole('region', { name: 'Going out next' }).querySelector('time');
    expect(time?.getAttribute('datetime')).toBe(at);
    expect(time?.textContent).toMatch(/10:00\sAM/);
    unmount();

    renderBoard(aBusiness({ time_zone: 'Asia/Tokyo', locale: 'en-GB' }), { next_up: next });
    expect(screen.getByRole('region', { name: 'Going out next' }).querySelector('time')?.textContent).toMatch(
      /Tue.*8 Dec.*00:00/,
    );
  });

  it('shows failed publications with why, as a warning', () => {
    const business = aBusiness();
    renderBoard(business, {
      failed: {
        count: 1,
        items: [anItem({ status: 'failed', title: 'Sale', publish_error: 'Mastodon refused the token' })],
      },
    });
    const card = screen.getByRole('region', { name: 'Failed to publish' });
    expect(card.className).toContain('card--danger');
    expect(card.textContent).toContain('1 publication failed');
    expect(card.textContent).toContain('Mastodon refused the token');
    expect(within(card).getByRole('link', { name: 'All failed items' }).getAttribute('href')).toBe(
      `/w/${business.id}/content?status=failed`,
    );
  });

  it('links each inbox count to the inbox filtered that way', () => {
    const business = aBusiness();
    renderBoard(business, { inbox: { open: 9, unanswered: 4, urgent: 2, negative: 1 } });
    const card = screen.getByRole('region', { name: 'Inbox' });
    expect(card.textContent).toContain('4 waiting for a reply');
    const href = (name: string) => within(card).getByRole('link', { name }).getAttribute('href');
    expect(href('2 urgent conversations')).toBe(`/w/${business.id}/inbox?priority=urgent`);
    expect(href('1 negative conversation')).toBe(`/w/${business.id}/inbox?sentiment=negative`);
    expect(href('9 open conversations in all')).toBe(`/w/${business.id}/inbox`);
  });

  it('reads a campaign as its most worrying KPI, with each KPI’s chance and costs in its currency', () => {
    const business = aBusiness({ locale: 'en-GB' });
    const campaignId = anId();
    renderBoard(business, {
      campaigns: {
        more: false,
        items: [
          {
            campaign_id: campaignId,
            name: 'Winter sale',
            start_date: '2026-12-01',
            end_date: '2026-12-24',
            days_elapsed: 7,
            days_total: 24,
            currency: 'EUR',
            kpis: [
              {
                metric: 'clicks',
                forecast_metric: 'clicks',
                target: 1000,
                actual: 120,
                probability: 0.62,
                status: 'behind',
              },
              {
                metric: 'cpa',
                forecast_metric: 'cpa',
                target: 500,
                actual: 450,
                probability: null,
                status: 'on_track',
              },
            ],
          },
        ],
      },
    });
    const card = screen.getByRole('region', { name: 'Campaigns running' });
    expect(within(card).getByRole('link', { name: 'Winter sale' }).getAttribute('href')).toBe(
      `/w/${business.id}/campaigns/${campaignId}`,
    );
    expect(card.textContent).toContain('Day 7 of 24');
    const [clicks, cpa] = within(card).getAllByRole('listitem').slice(1);
    expect(clicks?.textContent).toBe('clicks 120 of 1,000 · Behind · 62% chance');
    expect(cpa?.textContent).toBe('cpa €4.50 of €5.00 · On track');
    // The campaign's badge is its worst KPI.
    expect(within(card).getAllByText('Behind')).toHaveLength(1);
  });

  it('says plainly when nothing waits', () => {
    renderBoard(aBusiness(), {});
    expect(screen.getByRole('region', { name: 'Waiting for approval' }).textContent).toContain(
      '0 items in review',
    );
    expect(screen.getByRole('region', { name: 'Campaigns running' }).textContent).toContain(
      'No active campaign runs today.',
    );
    expect(screen.queryByRole('link', { name: 'All items in review' })).toBeNull();
  });
});
