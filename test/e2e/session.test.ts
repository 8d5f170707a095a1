import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newContext } from './support/browser.js';
import { seedBusiness, seedUser } from './support/factories.js';
import { signInThroughForm } from './support/flows.js';
import { type BuiltServer, startBuiltServer } from './support/server.js';

let server: BuiltServer;
let browser: Browser;

beforeAll(async () => {
  server = await startBuiltServer();
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.dispose();
});

describe('session', () => {
  it('survives a reload through the refresh cookie, with the access token never in storage', async () => {
    const user = await seedUser(server.url);
    await seedBusiness(server.url, user, 'Harbour Coffee');
    const context = await newContext(browser, server.url);
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
    const user = await seedUser(server.url);
    const business = await seedBusiness(server.url, user, 'Return Trip');
    const context = await newContext(browser, server.url);
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
    const user = await seedUser(server.url);
    await seedBusiness(server.url, user, 'Lighthouse Books');
    const context = await newContext(browser, server.url);
    const page = await context.newPage();
    await signInThroughForm(page, user);
    await page.getByRole('heading', { name: 'Lighthouse Books', level: 1 }).waitFor();

    await server.stop();
    // The settings screen is not loaded yet: its code and data both need the server.
    await page.getByRole('navigation', { name: 'Workspace' }).getByRole('link', { name: 'Settings' }).click();
    const banner = page.getByText("Can't reach the server — retrying…");
    await banner.waitFor();

    await server.start();
    await banner.waitFor({ state: 'detached', timeout: 30_000 });
    await page.getByRole('heading', { name: 'Settings' }).waitFor();
    expect(await page.getByLabel('Business name').inputValue()).toBe('Lighthouse Books');
    await context.close();
  });
});
