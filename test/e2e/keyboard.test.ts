import { describe, expect, it } from 'vitest';
import { telemetryBodySchema } from '#shared/telemetry.schema.js';
import { newContext } from './support/browser.js';
import { sharedServerAndBrowser } from './support/environment.js';
import { seedBusiness, seedUser } from './support/factories.js';

const env = sharedServerAndBrowser();

describe('the sign-in page in a real browser', () => {
  it('reports an uncaught error and web vitals in a batch the API accepts, then signs in and out without a mouse: skip link, form, account menu', async () => {
    const user = await seedUser(env.server.url);
    await seedBusiness(env.server.url, user, 'Keyboard Kitchen');
    const context = await newContext(env.browser, env.server.url);
    const page = await context.newPage();
    await page.goto('/sign-in');
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();

    // Front-end monitoring: what only a browser produces (web vitals, an uncaught error) reaches the API.
    const reported = page.waitForResponse((response) => response.url().endsWith('/api/telemetry'));
    await page.evaluate(() => {
      setTimeout(() => {
        throw new Error('e2e: deliberate uncaught error');
      });
    });
    const response = await reported;
    expect(response.status()).toBe(202);
    const body = telemetryBodySchema.parse(response.request().postDataJSON());
    expect(body.events).toContainEqual(
      expect.objectContaining({
        type: 'error',
        page: '/sign-in',
        message: expect.stringContaining('deliberate'),
      }),
    );
    expect(body.events.some((event) => event.type === 'web-vital')).toBe(true);

    // Keyboard only: the skip link first, then the form, then the account menu.
    const focused = () =>
      page.evaluate(
        () => document.activeElement?.getAttribute('aria-label') ?? document.activeElement?.textContent ?? '',
      );
    await page.keyboard.press('Tab');
    expect(await focused()).toBe('Skip to content');
    await page.keyboard.press('Tab');
    await page.keyboard.type(user.email);
    await page.keyboard.press('Tab');
    await page.keyboard.type(user.password);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Keyboard Kitchen', level: 1 }).waitFor();

    // The account menu: open with Enter, move with arrows, choose with Enter.
    await page.getByRole('button', { name: /^Account:/ }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('menu').waitFor();
    await page.keyboard.press('End');
    expect(await focused()).toBe('Sign out');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    await context.close();
  });
});
