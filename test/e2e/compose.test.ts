import { describe, expect, it } from 'vitest';
import { seriousViolations } from './support/accessibility.js';
import { newContext, watchPageErrors } from './support/browser.js';
import { sharedServerAndBrowser } from './support/environment.js';
import { callApiAs, seedBusiness, seedUser } from './support/factories.js';
import { signInThroughForm } from './support/flows.js';

const env = sharedServerAndBrowser();

// The composer's rules (counts, checks, the server's refusals on their tab, each role's choices) are
// covered by compose-view.test.tsx and the API's by test/integration/content-compose.routes.test.ts; here a
// person composes one post in a browser and finds it on the calendar.
describe('Compose flow', () => {
  it('calendar → New post to 3 networks → tailor X with the offline writer → schedule all at one time → the calendar shows the 3 variants, and each lists its siblings', async () => {
    const owner = await seedUser(env.server.url, 'owner');
    const business = await seedBusiness(env.server.url, owner, 'Harbour Books');
    await callApiAs(env.server.url, owner, 'PATCH', `/api/business/${business.id}`, {
      brand: { channels: ['x', 'linkedin', 'bluesky'] },
    });
    // Three days ahead, 09:30 in Paris: always in the future, and the same day on the server and the page.
    const day = new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10);

    const context = await newContext(env.browser, env.server.url, { timezoneId: 'Europe/Paris' });
    const page = await context.newPage();
    const errors = watchPageErrors(page);
    await signInThroughForm(page, owner);
    await page.getByRole('heading', { name: 'Harbour Books', level: 1 }).waitFor();
    await page.goto(`/w/${business.id}/calendar`);
    await page.getByRole('link', { name: 'New post' }).click();
    await page.getByRole('heading', { name: 'New post', level: 1 }).waitFor();

    await page.getByLabel('Title').fill('Poetry night');
    await page
      .getByLabel('Base text')
      .fill(
        'Poetry night is back this Thursday at 7pm: local poets, warm tea and a corner full of new books. Bring a poem of your own if you like, the open mic is after the break. #PoetryNight #Books #Reading #Local',
      );
    const tabs = page.getByRole('tablist', { name: 'Networks' });
    for (const name of ['X', 'LinkedIn', 'Bluesky']) await tabs.getByRole('tab', { name }).waitFor();
    expect(await page.getByLabel('Text for X').inputValue()).toContain('#Local');

    await page.getByRole('button', { name: 'Tailor with AI' }).click();
    await page.getByText('Tailored by the offline writer').waitFor();
    const tailored = await page.getByLabel('Text for X').inputValue();
    expect(tailored).toContain('#PoetryNight');
    expect(tailored).not.toContain('#Local');

    await tabs.getByRole('tab', { name: 'LinkedIn' }).click();
    expect(await page.getByLabel('Text for LinkedIn').inputValue()).toContain('#Local');
    expect(await seriousViolations(page), 'the composer').toEqual([]);

    await page.getByRole('radio', { name: 'Schedule at one time' }).check();
    await page.getByLabel('Publish at').fill(`${day}T09:30`);
    await page.getByRole('button', { name: 'Schedule all (3)' }).click();
    await page.getByText('3 variants scheduled:').waitFor();

    await page.getByRole('link', { name: 'See the calendar' }).click();
    await page.getByRole('heading', { name: 'Calendar', level: 1 }).waitFor();
    const chip = (network: string) =>
      page
        .locator(`[data-date="${day}"] .cal-chip`, {
          has: page.locator('.cal-chip__channel', { hasText: new RegExp(`^${network}$`) }),
        })
        .filter({ hasText: 'Poetry night' });
    for (const network of ['X', 'LinkedIn', 'Bluesky']) {
      await chip(network).getByText('09:30').waitFor();
      expect(await chip(network).textContent()).toContain('Scheduled');
    }

    await chip('X').click();
    const alsoOn = page.getByRole('region', { name: 'Also on' });
    await alsoOn.getByRole('link', { name: 'LinkedIn' }).waitFor();
    await alsoOn.getByRole('link', { name: 'Bluesky' }).waitFor();

    expect(errors).toEqual([]);
    await context.close();
  });
});
