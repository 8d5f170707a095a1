import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { newContext, watchPageErrors } from './support/browser.js';
import { sharedServerAndBrowser } from './support/environment.js';
import { seedUser } from './support/factories.js';
import { createFirstBusiness, signInThroughForm, toast } from './support/flows.js';
import { shootAllLooks } from './support/screenshots.js';

const env = sharedServerAndBrowser();

async function openScreen(page: Page, name: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Workspace' }).getByRole('link', { name }).click();
}

describe('Content calendar flow', () => {
  it('create workspace → brand (words to avoid) → campaign → studio (2 variants, offline) → save a draft → give it a time in the editor → calendar → move it to another day and back → submit → approve → schedule', async () => {
    const me = await seedUser(env.server.url, 'owner');
    const context = await newContext(env.browser, env.server.url, { timezoneId: 'America/New_York' });
    const page = await context.newPage();
    const errors = watchPageErrors(page);

    await signInThroughForm(page, me);
    await createFirstBusiness(page, { name: 'Bluebird Bakery', industry: 'Bakery' });

    // Brand: words to avoid are tags; the whole profile is saved with the shared schema.
    await openScreen(page, 'Brand');
    await page.getByRole('heading', { name: 'Brand', level: 1 }).waitFor();
    const avoid = page.getByRole('textbox', { name: 'Words to avoid' });
    await avoid.fill('cheap');
    await avoid.press('Enter');
    await avoid.fill('synergy, delve,');
    await page.getByRole('textbox', { name: 'Personality' }).fill('warm');
    await page.getByRole('textbox', { name: 'Personality' }).press('Enter');
    await page.getByRole('slider', { name: 'Formal to Casual' }).fill('75');
    await page.getByLabel('Instagram').check();
    await page.getByRole('button', { name: 'Add an audience' }).click();
    await page.getByLabel('Name', { exact: true }).fill('Busy parents');
    await page.getByRole('button', { name: 'Save brand profile' }).click();
    await toast(page, 'Brand profile saved');
    await page.getByRole('button', { name: 'Remove delve' }).waitFor();
    await shootAllLooks(page, 'brand');
    await page.reload();
    await page.getByRole('button', { name: 'Remove synergy' }).waitFor();

    // Campaign: a draft with channels, a budget and a KPI; only the allowed status moves are offered.
    await openScreen(page, 'Campaigns');
    await page.getByRole('heading', { name: 'Campaigns', level: 1 }).waitFor();
    await page.getByText('No campaign yet').waitFor();
    await page.getByRole('link', { name: 'New campaign' }).click();
    await page.getByLabel('Name').fill('Spring menu launch');
    await page.getByLabel('Objective').selectOption('sales');
    await page.getByLabel('Instagram').check();
    await page.getByLabel('Bluesky').check();
    await page.getByLabel('Budget').fill('1,500.50');
    await page.getByLabel('Currency').selectOption('EUR');
    await page.getByRole('button', { name: 'Add a KPI' }).click();
    await page.getByLabel('KPI 1 metric').fill('Orders');
    await page.getByLabel('KPI 1 target').fill('120');
    await page.getByRole('button', { name: 'Create campaign' }).click();
    await toast(page, 'Campaign “Spring menu launch” created');
    await page.getByRole('heading', { name: 'Spring menu launch', level: 1 }).waitFor();
    await page.getByText('€1,500.50').waitFor();
    expect(await page.getByRole('button', { name: 'Pause' }).count()).toBe(0);
    await page.getByRole('button', { name: 'Activate' }).click();
    await toast(page, 'Campaign is now active');
    await page.getByRole('button', { name: 'Pause' }).waitFor();
    await shootAllLooks(page, 'campaign');
    await openScreen(page, 'Campaigns');
    await page.getByRole('link', { name: 'Spring menu launch' }).waitFor();
    await shootAllLooks(page, 'campaigns');

    // Studio: two variants streamed by the offline writer, each previewed with its count; save the second.
    await openScreen(page, 'Studio');
    await page.getByRole('heading', { name: 'Content studio', level: 1 }).waitFor();
    await page.getByLabel('Channel').selectOption('bluesky');
    await page.getByLabel('Campaign').selectOption({ label: 'Spring menu launch' });
    await page
      .getByLabel('Brief')
      .fill('Our spring menu launches Friday: three new pastries, 10% off the first weekend.');
    const streamed = page.waitForResponse((response) => response.url().endsWith('/api/content/generate'));
    await page.getByRole('button', { name: 'Write variants' }).click();
    expect((await streamed).headers()['content-type']).toContain('text/event-stream');
    const variants = page.getByRole('list', { name: 'Variants' }).getByRole('article', { name: /^Variant/ });
    await variants.nth(1).waitFor();
    expect(await variants.count()).toBe(2);
    for (const variant of await variants.all()) {
      await variant.getByText('Offline writer').waitFor();
      await variant.getByText(/ \/ 300 characters \(graphemes\)/).waitFor();
    }
    await shootAllLooks(page, 'studio');
    await page.getByRole('button', { name: 'Save variant 2 as draft' }).click();
    await toast(page, 'Variant 2 saved as a draft');
    await page.getByRole('link', { name: 'Open draft 2' }).click();

    // Editor: give it a publishing time (tomorrow, 09:30 local) so it shows in the calendar.
    const businessId = /\/w\/([^/]+)\//.exec(page.url())?.[1] ?? '';
    await page.getByRole('heading', { level: 1 }).waitFor();
    const tomorrow = await page.evaluate(() => {
      const date = new Date(Date.now() + 86_400_000);
      return new Intl.DateTimeFormat('en-CA', { timeZone: 'America/New_York' }).format(date);
    });
    await page.getByLabel('Publish at').fill(`${tomorrow}T09:30`);
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await toast(page, /^Saved$/);
    await page.getByRole('article', { name: 'Bluesky preview' }).waitFor();
    await shootAllLooks(page, 'editor');

    // Calendar (week view): the draft sits on its day; drag it to another day of the week, at the same time.
    await page.goto(`/w/${businessId}/calendar?view=week&date=${tomorrow}`);
    const day = (date: string) => page.locator(`[data-date="${date}"]`);
    const chip = page.locator('.cal-chip');
    await day(tomorrow).locator('.cal-chip').waitFor();
    const week = await page
      .locator('[data-date]')
      .evaluateAll((cells) => cells.map((cell) => cell.getAttribute('data-date') ?? ''));
    const target = week.find((date) => date !== tomorrow) ?? '';
    await chip.dragTo(day(target));
    await toast(page, 'Moved');
    await day(target).locator('.cal-chip').getByText('09:30').waitFor();
    await shootAllLooks(page, 'calendar-week');

    // Keyboard: arrow keys pick a day, Enter moves it back.
    const steps = week.indexOf(tomorrow) - week.indexOf(target);
    await day(target).locator('.cal-chip').focus();
    for (let step = 0; step < Math.abs(steps); step += 1)
      await page.keyboard.press(steps > 0 ? 'ArrowRight' : 'ArrowLeft');
    await page.keyboard.press('Enter');
    await day(tomorrow).locator('.cal-chip').getByText('09:30').waitFor();
    await page.goto(`/w/${businessId}/calendar?date=${tomorrow}`);
    await day(tomorrow).locator('.cal-chip').waitFor();
    await shootAllLooks(page, 'calendar-month');

    // Open it from the calendar: the editor's rules (channel limits, a save refused because someone else
    // saved first, each role's moves) are covered by its component test (content-editor.test.tsx).
    await day(tomorrow).locator('.cal-chip').click();
    await page.getByRole('heading', { level: 1 }).waitFor();

    // Review and schedule: submit, approve as the owner, then schedule it at the time it was given.
    await page.getByRole('button', { name: 'Submit for review' }).click();
    await toast(page, 'Submitted for review: now in review');
    await page.getByRole('button', { name: 'Approve' }).click();
    await toast(page, 'Approved: now approved');
    await page.getByRole('button', { name: 'Schedule' }).click();
    await toast(page, 'Scheduled: now scheduled');
    const history = page.getByRole('region', { name: 'History' });
    await history.getByText('Scheduled', { exact: true }).waitFor();
    await history.getByText('Approved', { exact: true }).waitFor();
    await history.getByText('Submitted for review').waitFor();
    await shootAllLooks(page, 'editor-approved');

    expect(errors).toEqual([]);
    await context.close();
  });
});
