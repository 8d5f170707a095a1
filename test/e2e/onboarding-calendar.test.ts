import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { newContext, watchPageErrors } from './support/browser.js';
import { sharedServerAndBrowser } from './support/environment.js';
import { newPersonDetails, type SeededUser, seedBusiness, seedUser } from './support/factories.js';
import { signInThroughForm, toast } from './support/flows.js';
import { shootAllLooks } from './support/screenshots.js';

const env = sharedServerAndBrowser();

/** Types a phrase into a tag input and presses Enter, as a person adds one tag. */
async function addTag(page: Page, label: string, tag: string): Promise<void> {
  const input = page.getByRole('textbox', { name: label });
  await input.fill(tag);
  await input.press('Enter');
}

/** Calls the API as `owner`, as the settings pages would, and expects success. */
async function asOwner(
  owner: SeededUser,
  method: 'POST' | 'PUT' | 'DELETE',
  path: string,
  body?: unknown,
): Promise<unknown> {
  const response = await fetch(`${env.server.url}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${owner.session.access_token}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  expect(response.status).toBeLessThan(300);
  return response.status === 204 ? undefined : response.json();
}

async function currentStep(page: Page): Promise<string> {
  return (await page.locator('[aria-current="step"]').textContent()) ?? '';
}

describe('Onboarding and AI calendar flow', () => {
  it('sign up → onboarding wizard (every step) → generate a 2-week calendar offline → items on the calendar → drag one to another day → edit it → submit for review → approve', async () => {
    const me = newPersonDetails('owner');
    const context = await newContext(env.browser, env.server.url, { timezoneId: 'Europe/Paris' });
    const page = await context.newPage();
    const errors = watchPageErrors(page);

    await page.goto('/sign-up');
    await page.getByLabel('Name').fill(me.name);
    await page.getByLabel('Email').fill(me.email);
    await page.getByLabel('Password').fill(me.password);
    await page.getByRole('button', { name: 'Create account' }).click();

    // Step 1: the business (time zone from the browser).
    await page.getByRole('heading', { name: 'Create your first business', level: 1 }).waitFor();
    expect(await currentStep(page)).toContain('Your business');
    expect(await page.getByLabel('Time zone').inputValue()).toBe('Europe/Paris');
    await page.getByLabel('Business name').fill('Bluebird Bakery');
    await page.getByLabel('Industry').fill('Bakery');
    await page.getByLabel('Website').fill('https://bluebird.example');
    await shootAllLooks(page, 'onboarding-business');
    await page.getByRole('button', { name: 'Create business' }).click();

    // Step 2: what it sells and to whom; an unnamed product is refused with the shared schema's rule.
    await page.getByRole('heading', { name: 'What you sell, and to whom', level: 1 }).waitFor();
    expect(await currentStep(page)).toContain('What you sell');
    await page.getByRole('button', { name: 'Add a product' }).click();
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByText('Name the product (up to 60 characters)').waitFor();
    await page.getByLabel('Product name').fill('Sourdough loaf');
    await page.getByLabel('Price').fill('€6.50');
    await page.getByLabel('What it is').fill('Slow-fermented for 36 hours, baked every morning.');
    await page.getByRole('button', { name: 'Add an audience' }).click();
    await page.getByLabel('Name', { exact: true }).fill('Busy parents');
    await addTag(page, 'Pains', 'no time for breakfast');
    await shootAllLooks(page, 'onboarding-offer');
    await page.getByRole('button', { name: 'Next' }).click();

    // Step 3: channels and goals.
    await page.getByRole('heading', { name: 'Where you post, and why', level: 1 }).waitFor();
    await addTag(page, 'Goals', 'fill weekday mornings');
    await page.getByLabel('Instagram').check();
    await page.getByLabel('Bluesky').check();
    await page.getByRole('button', { name: 'Next' }).click();

    // Step 4: the voice. Back first: step 3 kept what was saved.
    await page.getByRole('heading', { name: 'How you sound', level: 1 }).waitFor();
    await page.getByRole('button', { name: 'Back' }).click();
    await page.getByRole('heading', { name: 'Where you post, and why', level: 1 }).waitFor();
    expect(await page.getByLabel('Instagram').isChecked()).toBe(true);
    await page.getByRole('button', { name: 'Remove fill weekday mornings' }).waitFor();
    // Keyboard: Next is reachable and works from the keyboard.
    await page.getByRole('button', { name: 'Next' }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'How you sound', level: 1 }).waitFor();
    await page.getByRole('slider', { name: 'Formal to Casual' }).fill('75');
    await addTag(page, 'Personality', 'warm');
    await addTag(page, 'Words to use', 'fresh from the oven');
    await addTag(page, 'Words to avoid', 'cheap');
    await page.getByRole('button', { name: 'Add an example post' }).click();
    await page.getByLabel('Example 1').fill('The first loaves are out at 7. Come early, they go fast.');
    await shootAllLooks(page, 'onboarding-voice');
    await page.getByRole('button', { name: 'Finish' }).click();

    // The workspace, with the next step offered.
    await page.getByRole('heading', { name: 'Bluebird Bakery', level: 1 }).waitFor();
    const businessId = /\/w\/([0-9a-f-]{36})/.exec(page.url())?.[1] ?? '';
    await page.getByRole('link', { name: 'Generate your first calendar' }).click();

    // The dialog: channels from the brand profile, 2 weeks, a cadence for Instagram, Bluesky left to the AI.
    const dialog = page.getByRole('dialog', { name: 'Generate a calendar' });
    await dialog.waitFor();
    expect(await dialog.getByRole('checkbox', { name: 'Instagram' }).isChecked()).toBe(true);
    expect(await dialog.getByRole('checkbox', { name: 'Bluesky' }).isChecked()).toBe(true);
    const startDate = await dialog.getByLabel('Start date').inputValue();
    await dialog.getByLabel('Weeks').fill('2');
    await dialog.getByLabel('Instagram posts a week').fill('3');
    await addTag(page, 'Content pillars', 'Behind the scenes');
    await shootAllLooks(page, 'calendar-generate');
    // A double click sends one request key, so at most one job.
    const keys = new Set<string>();
    page.on('request', (request) => {
      if (request.method() === 'POST' && request.url().endsWith('/api/ai/strategy/generate-calendar')) {
        keys.add((request.postDataJSON() as { request_key: string }).request_key);
      }
    });
    await dialog.getByRole('button', { name: 'Generate calendar' }).dblclick();

    // The job's result: pillars with their share, the cadence, the reasoning.
    await dialog.getByRole('heading', { name: /items planned$/ }).waitFor({ timeout: 30_000 });
    expect(keys.size).toBe(1);
    await dialog.getByText('Offline writer').waitFor();
    const pillars = dialog.getByRole('region', { name: 'Pillars' });
    await pillars.getByText('Behind the scenes', { exact: true }).waitFor();
    await pillars
      .getByText(/^\d+%$/)
      .first()
      .waitFor();
    await dialog.getByRole('region', { name: 'Cadence' }).getByText('Instagram: 3 a week').waitFor();
    await dialog.getByRole('region', { name: 'Reasoning' }).waitFor();
    const planned = Number(
      /^(\d+)/.exec((await dialog.getByRole('heading', { level: 3 }).textContent()) ?? '')?.[1],
    );
    expect(planned).toBeGreaterThanOrEqual(6);
    await shootAllLooks(page, 'calendar-generated');
    await dialog.getByRole('button', { name: 'Show the calendar' }).click();
    await dialog.waitFor({ state: 'hidden' });

    // The calendar's first week (week view) holds the new ideas.
    await page.goto(`/w/${businessId}/calendar?view=week&date=${startDate}`);
    const day = (date: string) => page.locator(`[data-date="${date}"]`);
    const chips = page.locator('.cal-chip');
    await chips.first().waitFor();
    const week = await page
      .locator('[data-date]')
      .evaluateAll((cells) => cells.map((cell) => cell.getAttribute('data-date') ?? ''));
    const from =
      (await chips.first().evaluate((chip) => chip.closest('[data-date]')?.getAttribute('data-date'))) ?? '';
    const target = week.find((date) => date !== from && date >= startDate) ?? '';
    const chip = day(from).locator('.cal-chip').first();
    const href = (await chip.getAttribute('href')) ?? '';
    expect(href).toMatch(/\/content\//);
    await chip.dragTo(day(target));
    await toast(page, 'Moved');
    const moved = day(target).locator(`.cal-chip[href="${href}"]`);
    await moved.waitFor();
    await shootAllLooks(page, 'calendar-generated-week');

    // Open the moved item, edit it, turn the idea into a draft, submit it and approve it.
    await moved.click();
    await page.getByRole('heading', { level: 1 }).waitFor();
    await page.getByLabel('Call to action').fill('Order ahead online.');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await toast(page, /^Saved$/);
    await page.getByRole('button', { name: 'Turn into a draft' }).click();
    await page.getByRole('button', { name: 'Submit for review' }).click();
    await toast(page, 'Submitted for review: now in review');
    await page.getByRole('button', { name: 'Approve' }).click();
    await toast(page, 'Approved: now approved');
    const history = page.getByRole('region', { name: 'History' });
    await history.getByText('Approved', { exact: true }).waitFor();
    expect(await page.getByLabel('Call to action').inputValue()).toBe('Order ahead online.');

    expect(errors).toEqual([]);
    await context.close();
  });
  it('a calendar job that fails shows why, and Try again starts a new job that succeeds', async () => {
    const owner = await seedUser(env.server.url, 'owner');
    const business = await seedBusiness(env.server.url, owner, 'Harbour Books');
    // A paid provider with a budget of $0: every AI call is refused (402) before a token is spent, so the
    // job fails on the worker, not at the request.
    await asOwner(owner, 'PUT', `/api/business/${business.id}/ai-provider`, {
      model: 'gpt-4o-mini',
      api_key: 'sk-e2e-never-used-1234',
    });
    await asOwner(owner, 'PUT', `/api/business/${business.id}/ai-budget`, { monthly_limit_micro_usd: 0 });
    const context = await newContext(env.browser, env.server.url, { timezoneId: 'Europe/Paris' });
    const page = await context.newPage();
    const errors = watchPageErrors(page);
    await signInThroughForm(page, owner);
    await page.getByRole('heading', { name: 'Harbour Books', level: 1 }).waitFor();

    await page.goto(`/w/${business.id}/calendar`);
    await page.getByRole('button', { name: 'Generate a calendar' }).click();
    const dialog = page.getByRole('dialog', { name: 'Generate a calendar' });
    // No channel in the brand profile yet: the shared schema asks for one.
    await dialog.getByRole('button', { name: 'Generate calendar' }).click();
    await dialog.getByText('Pick at least one channel').waitFor();
    await dialog.getByRole('checkbox', { name: 'LinkedIn' }).check();
    await dialog.getByLabel('Weeks').fill('1');
    await dialog.getByRole('button', { name: 'Generate calendar' }).click();

    // The first attempt fails and is retried by the queue; the second is the last.
    const failure = dialog.getByRole('alert').filter({ hasText: 'The calendar could not be generated' });
    await failure.waitFor({ timeout: 60_000 });
    await failure.getByText(/^This workspace has spent its monthly AI budget/).waitFor();
    await shootAllLooks(page, 'calendar-generate-failed');

    // Back to the offline writer and no limit: a new job (a new request key) succeeds.
    await asOwner(owner, 'DELETE', `/api/business/${business.id}/ai-provider`);
    await asOwner(owner, 'PUT', `/api/business/${business.id}/ai-budget`, { monthly_limit_micro_usd: null });
    await dialog.getByRole('button', { name: 'Try again' }).click();
    await dialog.getByRole('heading', { name: /items planned$/ }).waitFor({ timeout: 30_000 });
    await dialog
      .getByRole('region', { name: 'Cadence' })
      .getByText(/^LinkedIn: \d+ a week$/)
      .waitFor();
    await dialog.getByRole('button', { name: 'Show the calendar' }).click();
    await page.locator('.cal-chip').first().waitFor();

    // The budget refusal surfaces as failed job requests only in the job, never as a page error.
    expect(errors).toEqual([]);
    await context.close();
  }, 120_000);
  it('a campaign plans its own calendar: its channels and objective, the campaign fixed, its items filtered', async () => {
    const owner = await seedUser(env.server.url, 'owner');
    const business = await seedBusiness(env.server.url, owner, 'Corner Cycles');
    const campaign = (await asOwner(owner, 'POST', '/api/campaign/', {
      business_id: business.id,
      name: 'Spring tune-ups',
      objective: 'sales',
      channels: ['facebook', 'email'],
      start_date: '2026-03-01',
      end_date: '2026-05-31',
    })) as { id: string };
    const context = await newContext(env.browser, env.server.url, { timezoneId: 'Europe/Paris' });
    const page = await context.newPage();
    const errors = watchPageErrors(page);
    await signInThroughForm(page, owner);
    await page.getByRole('heading', { name: 'Corner Cycles', level: 1 }).waitFor();

    await page.goto(`/w/${business.id}/campaigns/${campaign.id}`);
    await page.getByRole('heading', { name: 'Spring tune-ups', level: 1 }).waitFor();
    await page.getByRole('button', { name: 'Generate a calendar' }).click();
    const dialog = page.getByRole('dialog', { name: 'Generate a calendar' });
    await dialog.getByText('Spring tune-ups').waitFor();
    expect(await dialog.getByRole('combobox', { name: 'Campaign' }).count()).toBe(0);
    expect(await dialog.getByRole('checkbox', { name: 'Facebook' }).isChecked()).toBe(true);
    expect(await dialog.getByRole('checkbox', { name: 'Email' }).isChecked()).toBe(true);
    expect(await dialog.getByRole('checkbox', { name: 'Instagram' }).isChecked()).toBe(false);
    expect(await dialog.getByLabel('Objective').inputValue()).toBe('sales');
    await dialog.getByLabel('Weeks').fill('1');
    await dialog.getByRole('radio', { name: 'Full drafts' }).check({ force: true });
    await dialog.getByRole('button', { name: 'Generate calendar' }).click();
    await dialog.getByRole('heading', { name: /items planned$/ }).waitFor({ timeout: 60_000 });
    await dialog.getByRole('button', { name: 'Show the calendar' }).click();

    // The calendar opens on the first day, filtered to the campaign; the items are full drafts.
    await page.getByRole('heading', { name: 'Calendar', level: 1 }).waitFor();
    expect(new URL(page.url()).searchParams.get('campaign')).toBe(campaign.id);
    await page.locator('.cal-chip').first().waitFor();
    expect(await page.locator('.cal-chip').filter({ hasText: 'Idea' }).count()).toBe(0);
    await page.locator('.cal-chip').filter({ hasText: 'Draft' }).first().waitFor();

    expect(errors).toEqual([]);
    await context.close();
  }, 120_000);
});
