import { describe, expect, it } from 'vitest';
import { newContext } from './support/browser.js';
import { sharedServerAndBrowser } from './support/environment.js';
import { seedBusiness, seedUser } from './support/factories.js';

const env = sharedServerAndBrowser();

describe('keyboard only', () => {
  it('signs in and out without a mouse: skip link, form, account menu', async () => {
    const user = await seedUser(env.server.url);
    await seedBusiness(env.server.url, user, 'Keyboard Kitchen');
    const context = await newContext(env.browser, env.server.url);
    const page = await context.newPage();
    await page.goto('/sign-in');
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
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
