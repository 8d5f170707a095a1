import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { API } from '#shared/api-paths.js';
import { json } from '#web/test/fake-api.js';
import { aBusiness, anAttention, aUser } from '#web/test/fixtures.js';
import { fakeApi } from '#web/test/render.js';
import { renderApp, serveWorkspace } from '#web/test/render-app.js';

describe('Dashboard page', () => {
  it('shows what needs attention in a busy workspace, with AI spend against the budget', async () => {
    const business = aBusiness({ name: 'Harbour Books', locale: 'en-GB' });
    const api = serveWorkspace(fakeApi(), business).on(
      'GET',
      API.attention(business.id),
      json(
        anAttention({
          business_id: business.id,
          first_run: false,
          inbox: { open: 3, unanswered: 2, urgent: 1, negative: 0 },
          ai_spend: {
            monthly_limit_micro_usd: 10_000_000,
            spent_this_month_micro_usd: 2_500_000,
            remaining_micro_usd: 7_500_000,
            month_start: '2026-12-01T00:00:00.000Z',
            exceeded: false,
          },
        }),
      ),
    );
    renderApp(`/w/${business.id}`, { signedIn: aUser() });

    const inbox = await screen.findByRole('region', { name: 'Inbox' });
    expect(inbox.textContent).toContain('2 waiting for a reply');
    const spend = screen.getByRole('region', { name: 'AI spend' });
    expect(within(spend).getByRole('meter', { name: 'Monthly AI budget used' })).toBeTruthy();
    expect(spend.textContent).toContain('US$2.50');
    // The first steps belong to an empty workspace only.
    expect(screen.queryByRole('region', { name: 'Team' })).toBeNull();
    expect(api.unhandled).toEqual([]);

    expect(within(spend).getByRole('link', { name: 'AI usage and budget' }).getAttribute('href')).toBe(
      `/w/${business.id}/ai-usage`,
    );
  });

  it('shows the first steps while the workspace is empty', async () => {
    const business = aBusiness({ name: 'Harbour Books', role: 'viewer' });
    serveWorkspace(fakeApi(), business).on('GET', API.members(business.id), json({ items: [] }));
    renderApp(`/w/${business.id}`, { signedIn: aUser() });

    expect(await screen.findByRole('region', { name: 'Team' })).toBeTruthy();
    expect(screen.queryByRole('region', { name: 'Inbox' })).toBeNull();
  });
});
