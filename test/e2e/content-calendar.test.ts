import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newContext, watchPageErrors } from './support/browser.js';
import { newPersonDetails } from './support/factories.js';
import { toast } from './support/flows.js';
import { type BuiltServer, startBuiltServer } from './support/server.js';

const SHOTS_DIR = process.env.SHOTS_DIR ?? '/tmp/shots';
const LOOKS = [
  { name: 'desktop-light', colorScheme: 'light', viewport: { width: 1280, height: 800 } },
  { name: 'desktop-dark', colorScheme: 'dark', viewport: { width: 1280, height: 800 } },
  { name: 'mobile-light', colorScheme: 'light', viewport: { width: 390, height: 844 } },
  { name: 'mobile-dark', colorScheme: 'dark', viewport: { width: 390, height: 844 } },
] as const;

let server: BuiltServer;
let browser: Browser;

beforeAll(async () => {
  server = await startBuiltServer();
  browser = await launchBrowser();
  mkdirSync(SHOTS_DIR, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  await server?.dispose();
});

/** Screenshots of the current page in every scheme and size, for a person to look at. */
async function shootAllLooks(page: Page, screen: string): Promise<void> {
  for (const look of LOOKS) {
    await page.emulateMedia({ colorScheme: look.colorScheme });
    await page.setViewportSize(look.viewport);
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({
      path: path.join(SHOTS_DIR, `${screen}-${look.name}.png`),
      fullPage: true,
      animations: 'disabled',
    });
  }
  await page.emulateMedia({ colorScheme: 'light' });
  await page.setViewportSize({ width: 1280, height: 800 });
}

async function openScreen(page: Page, name: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Workspace' }).getByRole('link', { name }).click();
}

describe('Content calendar flow', () => {
  it('create workspace → brand (words to avoid) → campaign → studio (2 variants, offline) → save a draft → schedule it in the editor → calendar → move it to another day → submit → approve', async () => {
    const me = newPersonDetails('owner');
    const context = await newContext(browser, server.url, { timezoneId: 'America/New_York' });
    const page = await context.newPage();
    const errors = watchPageErrors(page);

    await page.goto('/sign-up');
    await page.getByLabel('Name').fill(me.name);
    await page.getByLabel('Email').fill(me.email);
    await page.getByLabel('Password').fill(me.password);
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.getByRole('heading', { name: 'Create your first business' }).waitFor();
    await page.getByLabel('Business name').fill('Bluebird Bakery');
    await page.getByLabel('Industry').fill('Bakery');
    await page.getByRole('button', { name: 'Create business' }).click();
    await page.getByRole('heading', { name: 'Bluebird Bakery', level: 1 }).waitFor();

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

    expect(errors).toEqual([]);
    await context.close();
  });
});
