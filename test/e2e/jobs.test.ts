import { describe, expect, it } from 'vitest';
import { newContext, watchPageErrors } from './support/browser.js';
import { sharedServerAndBrowser } from './support/environment.js';
import { callApiAs, seedBusiness, seedUser } from './support/factories.js';
import { signInThroughForm, toast } from './support/flows.js';
import { shootAllLooks } from './support/screenshots.js';

const env = sharedServerAndBrowser();

// The jobs panel's states (empty, the state filter, Cancel, a role without Retry), the job page's result and
// the AI settings screen (a write-only key, a $0 budget pausing AI, back to the server default) are covered by
// component tests (job-list, job-detail, ai-settings-view); here the settings are made through the API.
describe('Jobs flow', () => {
  it('own model and a $0 budget → an AI calendar job fails on the budget (live toasts, reason in the jobs panel) → back to the server default → Retry in the panel → finished toast → the job page', async () => {
    const owner = await seedUser(env.server.url, 'owner');
    const business = await seedBusiness(env.server.url, owner, 'Harbour Books');
    const context = await newContext(env.browser, env.server.url, { timezoneId: 'Europe/Paris' });
    const page = await context.newPage();
    const errors = watchPageErrors(page);
    await signInThroughForm(page, owner);
    await page.getByRole('heading', { name: 'Harbour Books', level: 1 }).waitFor();

    // The workspace's own model and a budget of $0: every AI call fails before any token is spent (and
    // before any request leaves the machine), a failure the job cannot get past.
    await callApiAs(env.server.url, owner, 'PUT', `/api/business/${business.id}/ai-provider`, {
      model: 'gpt-4o-mini',
      api_key: 'sk-e2e-never-used-1234',
    });
    await callApiAs(env.server.url, owner, 'PUT', `/api/business/${business.id}/ai-budget`, {
      monthly_limit_micro_usd: 0,
    });

    await page.getByRole('navigation', { name: 'Workspace' }).getByRole('link', { name: 'Jobs' }).click();
    await page.getByRole('heading', { name: 'Jobs', level: 1 }).waitFor();
    await page.getByText('No jobs yet').waitFor();

    // Started elsewhere (the API, another tab): the open panel learns of it over the WebSocket.
    await callApiAs(env.server.url, owner, 'POST', '/api/ai/strategy/generate-calendar', {
      business_id: business.id,
      start_date: new Date().toISOString().slice(0, 10),
      weeks: 1,
      channels: ['instagram'],
    });
    // The budget refuses the plan. Another attempt could not succeed until someone raises it, so the job
    // ends at once and says why (a paused provider or a database hiccup would be retried instead).
    const notifications = page.getByRole('region', { name: 'Notifications' });
    await notifications
      .getByText(
        /Content calendar failed: This workspace has spent its monthly AI budget .*Settings → AI\. View job$/,
      )
      .waitFor({ timeout: 20_000 });
    const jobs = page.getByRole('region', { name: 'Recent jobs' }).getByRole('table');
    const row = jobs.getByRole('row').filter({ hasText: 'Content calendar' });
    await row.getByText('Failed', { exact: true }).waitFor();
    await row.getByText(/spent its monthly AI budget of \$0\.00/).waitFor();
    expect(await row.getByText('Attempt 1 of 2').count()).toBe(1);
    await shootAllLooks(page, 'jobs-failed');

    // Fixed: back to the server default, the offline writer, which has no cost.
    await callApiAs(env.server.url, owner, 'DELETE', `/api/business/${business.id}/ai-provider`);
    await row.getByRole('button', { name: /^Retry Content calendar/ }).click();
    await toast(page, 'Content calendar queued again');
    await toast(page, 'Content calendar finished.');
    await row.getByText('Completed').waitFor();
    expect(await row.getByRole('button', { name: /^Retry/ }).count()).toBe(0);
    await shootAllLooks(page, 'jobs');

    // The toast's link opens the job.
    await notifications.getByRole('link', { name: 'View job' }).last().click();
    await page.getByRole('heading', { name: 'Content calendar', level: 1 }).waitFor();
    await page
      .getByRole('region', { name: 'Result' })
      .getByText(/\d+ items? saved\./)
      .waitFor();
    await shootAllLooks(page, 'job');

    expect(errors).toEqual([]);
    await context.close();
  });
});
