import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { API } from '#shared/api-paths.js';
import { addDays, todayIn } from '#shared/zoned-time.js';
import { json, never } from '#web/test/fake-api.js';
import { aBusiness, aCalendarJobResult, aCampaign, aJob, aUser } from '#web/test/fixtures.js';
import { fakeApi } from '#web/test/render.js';
import { renderApp, serveWorkspace } from '#web/test/render-app.js';

describe('Campaign page', () => {
  it('plans a calendar of full drafts for the campaign, then opens the calendar on its first day, filtered to it', async () => {
    const business = aBusiness();
    const today = todayIn(business.time_zone);
    const campaign = aCampaign({
      business_id: business.id,
      start_date: addDays(today, 10),
      end_date: addDays(today, 40),
    });
    const job = aJob({
      business_id: business.id,
      state: 'succeeded',
      progress: 100,
      result: aCalendarJobResult(3),
    });
    const api = fakeApi()
      .on('GET', API.campaign(campaign.id), json(campaign))
      .on('GET', API.campaigns, json({ items: [campaign], next_cursor: null }))
      .on('GET', API.contentItems, json({ items: [], next_cursor: null }))
      .on('GET', API.analyticsCampaign(campaign.id), never)
      .on('POST', API.generateCalendar, json({ job_id: job.id }, 202))
      .on('GET', API.job(job.id), json(job));
    serveWorkspace(api, business);
    const { user, location } = renderApp(`/w/${business.id}/campaigns/${campaign.id}`, { signedIn: aUser() });

    await user.click(await screen.findByRole('button', { name: 'Generate a calendar' }));
    const dialog = screen.getByRole('dialog', { name: 'Generate a calendar' });
    await user.click(within(dialog).getByRole('radio', { name: 'Full drafts' }));
    await user.click(within(dialog).getByRole('button', { name: 'Generate calendar' }));
    await user.click(await within(dialog).findByRole('button', { name: 'Show the calendar' }));

    expect(await screen.findByRole('heading', { name: 'Calendar', level: 1 })).toBeTruthy();
    const address = new URL(location(), 'http://app.test');
    expect(address.pathname).toBe(`/w/${business.id}/calendar`);
    expect(address.searchParams.get('campaign')).toBe(campaign.id);
    expect(address.searchParams.get('date')).toBe(campaign.start_date);
    expect(api.sent('POST', API.generateCalendar)[0]?.body).toMatchObject({
      campaign_id: campaign.id,
      // The campaign's 31 days, from its first.
      start_date: campaign.start_date,
      weeks: 5,
      channels: ['facebook', 'email'],
      objective: 'sales',
      detail: 'drafts',
    });
  });
});
