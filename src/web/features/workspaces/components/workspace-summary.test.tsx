import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { API } from '#shared/api-paths.js';
import { json } from '#web/test/fake-api.js';
import { aBusiness, aMember } from '#web/test/fixtures.js';
import { fakeApi, renderWithProviders } from '#web/test/render.js';
import { WorkspaceSummary } from './workspace-summary.js';

describe('WorkspaceSummary', () => {
  it('lists the team with each role, and Manage leads to the members settings', async () => {
    const business = aBusiness({ role: 'owner' });
    fakeApi().on(
      'GET',
      API.members(business.id),
      json({
        items: [
          aMember({ name: 'Ada Lovelace', email: 'ada@example.com', role: 'owner' }),
          aMember({ name: 'Grace Hopper', email: 'grace@example.com', role: 'admin' }),
        ],
      }),
    );
    const { user, location } = renderWithProviders(<WorkspaceSummary business={business} />, {
      url: `/w/${business.id}`,
    });

    const team = screen.getByRole('region', { name: 'Team' });
    const grace = (await within(team).findByText('Grace Hopper')).closest('li') as HTMLElement;
    expect(within(grace).getByText('Admin')).toBeTruthy();
    expect(within(team).getAllByRole('listitem')).toHaveLength(2);
    await user.click(within(team).getByRole('link', { name: 'Manage' }));

    expect(location()).toBe(`/w/${business.id}/settings/members`);
  });

  it('shows six members and counts the rest', async () => {
    const business = aBusiness();
    const team = Array.from({ length: 8 }, (_, index) =>
      aMember({ name: `Member ${index + 1}`, email: `member${index + 1}@example.com` }),
    );
    fakeApi().on('GET', API.members(business.id), json({ items: team }));
    renderWithProviders(<WorkspaceSummary business={business} />);

    expect(await screen.findByText('and 2 more')).toBeTruthy();
    expect(within(screen.getByRole('region', { name: 'Team' })).getAllByRole('listitem')).toHaveLength(6);
  });
});
