import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { newContext, watchPageErrors } from './support/browser.js';
import { sharedServerAndBrowser } from './support/environment.js';
import { callApiAs, seedBusiness, seedUser } from './support/factories.js';
import { signInThroughForm, toast } from './support/flows.js';
import { shootAllLooks } from './support/screenshots.js';

const env = sharedServerAndBrowser();

async function openSettingsAi(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: 'Workspace' }).getByRole('link', { name: 'Settings' }).click();
  await page
    .getByRole('navigation', { name: 'Settings' })
    .getByRole('link', { name: 'AI', exact: true })
    .click();
}

// The jobs panel's states (empty, the state filter, Cancel, a role without Retry), the job page's result and
// the AI settings forms' rules are covered by component tests (job-list, job-detail, ai-settings-view).
describe('Jobs flow', () => {
  it('Settings → AI: own model and a $0 budget → an AI calendar job fails on the budget (live toasts, reason in the jobs panel) → back to the server default → Retry in the panel → finished toast → the job page', async () => {
    const owner = await seedUser(env.server.url, 'owner');
    const business = await seedBusiness(env.server.url, owner, 'Harbour Books');
    const context = await newContext(env.browser, env.server.url, { timezoneId: 'Europe/Paris' });
    const page = await context.newPage();
    const errors = watchPageErrors(page);
    await signInThroughForm(page, owner);
    await page.getByRole('heading', { name: 'Harbour Books', level: 1 }).waitFor();

    // The workspace's own model, its key write-only, and a budget of $0: every AI call fails before any
    // token is spent (and before any request leaves the machine), a failure the job cannot get past.
    await openSettingsAi(page);
    const provider = page.getByRole('region', { name: 'AI provider' });
    await provider.getByLabel('Model').fill('gpt-4o-mini');
    await provider.getByLabel('API key').fill('sk-e2e-never-shown-1234');
    await provider.getByRole('button', { name: 'Save provider' }).click();
    await toast(page, 'AI provider saved');
    await provider.getByText('•••• 1234').waitFor();
    expect(await page.content()).not.toContain('sk-e2e-never-shown');
    const budget = page.getByRole('region', { name: 'Monthly budget' });
    await budget.getByLabel('No limit').uncheck();
    await budget.getByLabel('Monthly limit (US dollars)').fill('0');
    await budget.getByRole('button', { name: 'Save budget' }).click();
    await toast(page, 'AI budget set to $0.00 a month');
    await budget.getByText(/^AI requests are paused/).waitFor();
    await shootAllLooks(page, 'ai-settings-exceeded');

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
    await toast(
      page,
      /Content calendar failed: This workspace has spent its monthly AI budget .* It will be retried\./,
    );
    const jobs = page.getByRole('region', { name: 'Recent jobs' }).getByRole('table');
    const row = jobs.getByRole('row').filter({ hasText: 'Content calendar' });
    await row.getByText('Failed, will retry').waitFor();
    await row.getByText(/spent its monthly AI budget of \$0\.00/).waitFor();

    // The second and last attempt (a second later on the test server) fails too: the job is dead, and says so once more.
    const notifications = page.getByRole('region', { name: 'Notifications' });
    await notifications.getByText(/Settings → AI\. View job$/).waitFor({ timeout: 20_000 });
    await row.getByText('Failed', { exact: true }).waitFor();
    expect(await row.getByText('Attempt 2 of 2').count()).toBe(1);
    await shootAllLooks(page, 'jobs-failed');

    // Fixed the way an owner would: back to the server default, the offline writer, which has no cost.
    await openSettingsAi(page);
    await provider.getByRole('button', { name: 'Use the server default' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Use the server default' }).click();
    await toast(page, 'This workspace now uses the server default');
    await provider.getByText('Offline writer — built in, no key, no cost', { exact: false }).waitFor();

    await page.getByRole('navigation', { name: 'Workspace' }).getByRole('link', { name: 'Jobs' }).click();
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
