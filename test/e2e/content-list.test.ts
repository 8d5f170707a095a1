import { describe, expect, it } from 'vitest';
import { newContext, watchPageErrors } from './support/browser.js';
import { sharedServerAndBrowser } from './support/environment.js';
import { callApiAs, seedBusiness, seedUser } from './support/factories.js';
import { signInThroughForm, toast } from './support/flows.js';
import { shootAllLooks } from './support/screenshots.js';

const env = sharedServerAndBrowser();

// The bar's role rules, refusals and the filters' URL are covered by component tests
// (content-list-view.test.tsx) and the API's by test/integration/content-list.routes.test.ts; here a person
// goes through it once in a browser, on a desktop and a phone.
describe('Content list flow', () => {
  it('dashboard → the list of items in review → search → tick with the keyboard → approve → delete → Undo brings it back; a phone never runs off the side', async () => {
    const owner = await seedUser(env.server.url, 'owner');
    const business = await seedBusiness(env.server.url, owner, 'Corner Café');
    for (const body of ['Our winter menu is here', 'Gift cards for the holidays', 'New opening hours']) {
      const item = await callApiAs<{ id: string; version: number }>(
        env.server.url,
        owner,
        'POST',
        '/api/content',
        {
          business_id: business.id,
          channel: 'bluesky',
          body,
        },
      );
      await callApiAs(env.server.url, owner, 'POST', `/api/content/${item.id}/transition`, {
        to: 'in_review',
        version: item.version,
      });
    }
    const context = await newContext(env.browser, env.server.url, { timezoneId: 'Europe/Paris' });
    const page = await context.newPage();
    const errors = watchPageErrors(page);
    await signInThroughForm(page, owner);
    await page.getByRole('heading', { name: 'Corner Café', level: 1 }).waitFor();

    await page.getByRole('link', { name: 'All items in review' }).click();
    await page.getByRole('heading', { name: 'Content', level: 1 }).waitFor();
    expect(new URL(page.url()).searchParams.get('status')).toBe('in_review');
    const table = page.getByRole('table', { name: 'Content items' });
    await table.getByRole('link', { name: 'Gift cards for the holidays' }).waitFor();
    expect(await table.getByRole('row').count()).toBe(4);

    await page.getByRole('searchbox', { name: 'Search' }).fill('WINTER');
    await page.getByRole('searchbox', { name: 'Search' }).press('Enter');
    await table.getByRole('link', { name: 'Gift cards for the holidays' }).waitFor({ state: 'detached' });
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await table.getByRole('link', { name: 'New opening hours' }).waitFor();

    // Keyboard only: focus the first row's box, Space ticks it.
    await table.getByRole('checkbox', { name: 'Select “Our winter menu is here”' }).focus();
    await page.keyboard.press('Space');
    const bar = page.getByRole('region', { name: 'Change the selected items' });
    await bar.getByText('1 item selected').waitFor();
    await bar.getByRole('button', { name: 'Approve' }).click();
    await toast(page, 'Approved: 1 item');
    await table
      .getByRole('row')
      .filter({ hasText: 'Our winter menu is here' })
      .getByText('Approved')
      .waitFor();
    await shootAllLooks(page, 'content-list');

    await table.getByRole('checkbox', { name: 'Select all items shown' }).check();
    await bar.getByText('3 items selected').waitFor();
    await bar.getByRole('button', { name: 'Delete' }).click();
    await toast(page, 'Deleted 3 items');
    await page.getByText('Ideas and drafts you save appear here.').waitFor();
    await page.getByRole('region', { name: 'Notifications' }).getByRole('button', { name: 'Undo' }).click();
    await toast(page, 'Restored: 3 items');
    await table.getByRole('link', { name: 'Gift cards for the holidays' }).waitFor();
    expect(await table.getByRole('row').count()).toBe(4);

    await page.setViewportSize({ width: 390, height: 844 });
    await table.getByRole('checkbox', { name: 'Select all items shown' }).check();
    await bar.waitFor();
    expect(
      await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth),
    ).toBe(true);
    await shootAllLooks(page, 'content-list-selected');

    expect(errors).toEqual([]);
    await context.close();
  });
});
