import { fireEvent, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { API } from '#shared/api-paths.js';
import { brandProfileSchema } from '#shared/brand.schema.js';
import type { Business } from '#shared/business.schema.js';
import { json } from '#web/test/fake-api.js';
import { aBusiness, aUser } from '#web/test/fixtures.js';
import { fakeApi } from '#web/test/render.js';
import { renderApp, serveWorkspace } from '#web/test/render-app.js';

describe('Brand page', () => {
  it('saves the whole profile: words to avoid as tags (Enter or a comma ends one), personality, tone, an audience and channels', async () => {
    const business = aBusiness({ name: 'Bluebird Bakery' });
    const api = serveWorkspace(fakeApi(), business).on('PATCH', API.business(business.id), ({ body }) =>
      json({ ...business, ...(body as Partial<Business>), updated_at: '2026-03-03T09:00:00.000Z' }),
    );
    const { user } = renderApp(`/w/${business.id}/brand`, { signedIn: aUser() });

    await screen.findByRole('heading', { name: 'Brand', level: 1 });
    await user.type(screen.getByRole('textbox', { name: 'Words to avoid' }), 'cheap{Enter}synergy, delve,');
    await user.type(screen.getByRole('textbox', { name: 'Personality' }), 'warm{Enter}');
    fireEvent.change(screen.getByRole('slider', { name: 'Formal to Casual' }), { target: { value: '75' } });
    await user.click(screen.getByRole('checkbox', { name: 'Instagram' }));
    await user.click(screen.getByRole('button', { name: 'Add an audience' }));
    await user.type(screen.getByLabelText('Name', { exact: true }), 'Busy parents');
    await user.click(screen.getByRole('button', { name: 'Save brand profile' }));

    expect(await screen.findByText('Brand profile saved')).toBeTruthy();
    expect(api.sent('PATCH', API.business(business.id))[0]?.body).toMatchObject({
      brand: {
        voice: {
          tone: { formal_casual: 75 },
          personality: ['warm'],
          words_to_avoid: ['cheap', 'synergy', 'delve'],
        },
        audiences: [{ name: 'Busy parents' }],
        channels: ['instagram'],
      },
    });
    // The saved profile is shown again, as the server stored it.
    for (const word of ['cheap', 'synergy', 'delve', 'warm']) {
      expect(await screen.findByRole('button', { name: `Remove ${word}` })).toBeTruthy();
    }
    expect(screen.getByText('All changes saved')).toBeTruthy();
  });

  it('shows an editor the profile without a way to change it', async () => {
    const business = aBusiness({
      role: 'editor',
      brand: brandProfileSchema.parse({ voice: { words_to_avoid: ['cheap'] } }),
    });
    serveWorkspace(fakeApi(), business);
    renderApp(`/w/${business.id}/brand`, { signedIn: aUser() });

    expect(await screen.findByText('Only owners and admins can change the brand profile.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Save brand profile' })).toBeNull();
  });
});
