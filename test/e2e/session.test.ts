import { describe, expect, it } from 'vitest';
import { newContext } from './support/browser.js';
import { sharedServerAndBrowser } from './support/environment.js';
import { seedBusiness, seedUser } from './support/factories.js';
import { signInThroughForm } from './support/flows.js';

const env = sharedServerAndBrowser();

describe('session', () => {
  it('survives a reload through the refresh cookie, with the access token never in storage', async () => {
    const user = await seedUser(env.server.url);
    await seedBusiness(env.server.url, user, 'Harbour Coffee');
    const context = await newContext(env.browser, env.server.url);
    const page = await context.newPage();

    await signInThroughForm(page, user);
    await page.getByRole('heading', { name: 'Harbour Coffee', level: 1 }).waitFor();
    const workspaceUrl = page.url();

    await page.reload();
    await page.getByRole('heading', { name: 'Harbour Coffee', level: 1 }).waitFor();
    expect(page.url()).toBe(workspaceUrl);

    const stored = await page.evaluate(() => JSON.stringify({ ...localStorage, ...sessionStorage }));
    expect(stored).not.toMatch(/eyJ[\w-]+\.[\w-]+/);
    const cookies = await context.cookies();
    expect(cookies.find((cookie) => cookie.name === 'mcc_refresh')?.httpOnly).toBe(true);
    await context.close();
  });

  it('sends a signed-out visitor to sign in and back to the page they asked for', async () => {
    const user = await seedUser(env.server.url);
    const business = await seedBusiness(env.server.url, user, 'Return Trip');
    const context = await newContext(env.browser, env.server.url);
    const page = await context.newPage();

    await page.goto(`/w/${business.id}/settings/members`);
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    await page.getByLabel('Email').fill(user.email);
    await page.getByLabel('Password').fill(user.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Settings' }).waitFor();
    expect(new URL(page.url()).pathname).toBe(`/w/${business.id}/settings/members`);
    await context.close();
  });

  it('shows a connectivity banner while the server is down and clears it when it is back', async () => {
    const user = await seedUser(env.server.url);
    await seedBusiness(env.server.url, user, 'Lighthouse Books');
    const context = await newContext(env.browser, env.server.url);
    const page = await context.newPage();
    await signInThroughForm(page, user);
    await page.getByRole('heading', { name: 'Lighthouse Books', level: 1 }).waitFor();

    await env.server.stop();
    // The settings screen is not loaded yet: its code and data both need the env.server.
    await page.getByRole('navigation', { name: 'Workspace' }).getByRole('link', { name: 'Settings' }).click();
    const banner = page.getByText("Can't reach the server — retrying…");
    await banner.waitFor();

    await env.server.start();
    await banner.waitFor({ state: 'detached', timeout: 30_000 });
    await page.getByRole('heading', { name: 'Settings' }).waitFor();
    expect(await page.getByLabel('Business name').inputValue()).toBe('Lighthouse Books');
    await context.close();
  });
});
