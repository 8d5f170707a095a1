import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { API } from '#shared/api-paths.js';
import { json, problem } from '#web/test/fake-api.js';
import { aBusiness } from '#web/test/fixtures.js';
import { fakeApi, renderWithProviders } from '#web/test/render.js';
import { TwoFactorRequirementCard } from './two-factor-requirement-card.js';

describe('TwoFactorRequirementCard', () => {
  it('is not shown to anyone but owners', () => {
    renderWithProviders(<TwoFactorRequirementCard business={aBusiness({ role: 'admin' })} />);
    expect(screen.queryByLabelText('Require two-factor sign-in for every member')).toBeNull();
  });

  it('lets an owner require it', async () => {
    const business = aBusiness({ role: 'owner' });
    const api = fakeApi().on(
      'PATCH',
      API.business(business.id),
      json({ ...business, require_two_factor: true }),
    );
    const { user } = renderWithProviders(<TwoFactorRequirementCard business={business} />);

    await user.click(screen.getByLabelText('Require two-factor sign-in for every member'));

    expect(
      await screen.findByText('Members now need two-factor sign-in to use this workspace.'),
    ).toBeTruthy();
    expect(api.sent('PATCH', API.business(business.id))[0]?.body).toEqual({ require_two_factor: true });
  });

  it('explains why an owner without two-factor sign-in cannot require it', async () => {
    const business = aBusiness({ role: 'owner' });
    fakeApi().on(
      'PATCH',
      API.business(business.id),
      problem(
        403,
        'two_factor_required',
        'Turn on two-factor sign-in for your own account (Profile → Two-factor sign-in) before requiring it of members',
      ),
    );
    const { user } = renderWithProviders(<TwoFactorRequirementCard business={business} />);

    await user.click(screen.getByLabelText('Require two-factor sign-in for every member'));

    expect((await screen.findByRole('alert')).textContent).toContain('for your own account');
  });
});
