import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { API } from '#shared/api-paths.js';
import type { Campaign } from '#shared/campaign.schema.js';
import { json, never } from '#web/test/fake-api.js';
import { aBusiness, aCampaign, anId, aUser } from '#web/test/fixtures.js';
import { fakeApi } from '#web/test/render.js';
import { renderApp, serveWorkspace } from '#web/test/render-app.js';

describe('New campaign', () => {
  it('plans a draft with channels, a budget in euros and a KPI, then offers only the moves a draft allows', async () => {
    const business = aBusiness();
    const id = anId();
    let stored: Campaign | undefined;
    const api = serveWorkspace(fakeApi(), business)
      .on('GET', API.campaigns, () => json({ items: stored ? [stored] : [], next_cursor: null }))
      .on('POST', API.campaigns, ({ body }) => {
        stored = aCampaign({ ...(body as Partial<Campaign>), id, business_id: business.id });
        return json(stored, 201);
      })
      .on('GET', API.campaign(id), () => json(stored))
      .on('PATCH', API.campaign(id), ({ body }) => {
        stored = { ...(stored as Campaign), ...(body as Partial<Campaign>) };
        return json(stored);
      })
      .on('GET', API.analyticsCampaign(id), never)
      .on('GET', API.contentItems, json({ items: [], next_cursor: null }));
    const { user, location } = renderApp(`/w/${business.id}/campaigns`, { signedIn: aUser() });

    expect(await screen.findByText('No campaign yet')).toBeTruthy();
    await user.click(screen.getByRole('link', { name: 'New campaign' }));
    await user.type(await screen.findByLabelText('Name'), 'Spring menu launch');
    await user.selectOptions(screen.getByLabelText('Objective'), 'sales');
    await user.click(screen.getByRole('checkbox', { name: 'Instagram' }));
    await user.click(screen.getByRole('checkbox', { name: 'Bluesky' }));
    await user.type(screen.getByLabelText('Budget'), '1,500.50');
    await user.selectOptions(screen.getByLabelText('Currency'), 'EUR');
    await user.click(screen.getByRole('button', { name: 'Add a KPI' }));
    await user.type(screen.getByLabelText('KPI 1 metric'), 'Orders');
    await user.type(screen.getByLabelText('KPI 1 target'), '120');
    await user.click(screen.getByRole('button', { name: 'Create campaign' }));

    expect(await screen.findByText('Campaign “Spring menu launch” created')).toBeTruthy();
    expect(api.sent('POST', API.campaigns)[0]?.body).toMatchObject({
      business_id: business.id,
      name: 'Spring menu launch',
      objective: 'sales',
      channels: ['instagram', 'bluesky'],
      budget_minor: 150_050,
      currency: 'EUR',
      kpis: [{ metric: 'Orders', target: 120 }],
    });
    expect(location()).toBe(`/w/${business.id}/campaigns/${id}`);
    expect(await screen.findByRole('heading', { name: 'Spring menu launch', level: 1 })).toBeTruthy();
    expect(screen.getByText('€1,500.50')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Pause' })).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Activate' }));

    expect(await screen.findByText('Campaign is now active')).toBeTruthy();
    expect(await screen.findByRole('button', { name: 'Pause' })).toBeTruthy();
    expect(api.sent('PATCH', API.campaign(id))[0]?.body).toEqual({ status: 'active' });
  });

  it('prices a new campaign in the workspace’s currency: euros for a Lisbon workspace in English', async () => {
    const business = aBusiness({ time_zone: 'Europe/Lisbon', locale: 'en-GB' });
    serveWorkspace(fakeApi(), business);
    renderApp(`/w/${business.id}/campaigns/new`, { signedIn: aUser() });

    expect((await screen.findByLabelText<HTMLSelectElement>('Currency')).value).toBe('EUR');
  });

  it('starts on the brand’s channels', async () => {
    const business = aBusiness({ brand: { ...aBusiness().brand, channels: ['instagram', 'email'] } });
    serveWorkspace(fakeApi(), business);
    renderApp(`/w/${business.id}/campaigns/new`, { signedIn: aUser() });

    const checked = async (name: string) =>
      (await screen.findByRole<HTMLInputElement>('checkbox', { name })).checked;
    expect(await checked('Instagram')).toBe(true);
    expect(await checked('Email')).toBe(true);
    expect(await checked('Bluesky')).toBe(false);
  });
});
