import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations } from './support/accessibility.js';
import { newContext, watchPageErrors } from './support/browser.js';
import { sharedServerAndBrowser } from './support/environment.js';
import { callApiAs, type SeededUser, seedBusiness, seedMember, seedUser } from './support/factories.js';
import { signInThroughForm } from './support/flows.js';
import { shootPage } from './support/screenshots.js';

// Two looks between them cover both colour schemes and both layouts (sidebar and drawer); each screen's
// states are checked by the component tests (src/web/**/*.test.tsx).
const VARIANTS = [
  { name: 'desktop-light', colorScheme: 'light', viewport: { width: 1440, height: 900 } },
  { name: 'mobile-dark', colorScheme: 'dark', viewport: { width: 390, height: 844 } },
] as const;

const env = sharedServerAndBrowser();
let owner: SeededUser;
let businessId: string;
let lisbonId: string;
let tokyoId: string;

beforeAll(async () => {
  const { server } = env;
  owner = await seedUser(server.url, 'owner');
  businessId = (await seedBusiness(server.url, owner, 'Bluebird Bakery')).id;
  await seedMember(server.url, owner, businessId, await seedUser(server.url, 'editor'), 'editor');
  await seedMember(server.url, owner, businessId, await seedUser(server.url, 'viewer'), 'viewer');
  lisbonId = (
    await seedBusiness(server.url, owner, 'Lisbon Tiles', { time_zone: 'Europe/Lisbon', locale: 'en-GB' })
  ).id;
  tokyoId = (await seedBusiness(server.url, owner, 'Tokyo Tea', { time_zone: 'Asia/Tokyo', locale: 'en' }))
    .id;
});

describe('main screens', () => {
  // One test per look: each stays well inside the test timeout when files share the machine.
  it.each(VARIANTS)('render without console or CSP errors: $name', async (variant) => {
    const { server, browser } = env;
    const context = await newContext(browser, server.url, {
      colorScheme: variant.colorScheme,
      viewport: variant.viewport,
      timezoneId: 'Europe/Paris',
    });
    const page = await context.newPage();
    const errors = watchPageErrors(page);
    // Pictures for a person to look at (SHOTS_DIR); the test asserts on errors, not pixels.
    const shoot = (screen: string) => shootPage(page, `${screen}-${variant.name}`);
    // A screen the app links to is opened through its link (no reload: a reload per screen cost the app's
    // start-up every time), the others by address.
    const visit = async (url: string, heading: string, screen: string) => {
      if (!(await followAppLink(page, url))) await page.goto(url);
      await page.getByRole('heading', { name: heading, level: 1 }).waitFor();
      await page.getByRole('status', { name: /^Loading/ }).waitFor({ state: 'detached' });
      expect(await seriousViolations(page), `${screen} (${variant.name})`).toEqual([]);
      await shoot(screen);
    };

    await visit('/sign-up', 'Create your account', 'sign-up');
    await visit('/sign-in', 'Sign in', 'sign-in');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await shoot('sign-in-errors');

    const newcomer = await seedUser(server.url, 'newcomer');
    await signInThroughForm(page, newcomer);
    await page.getByRole('heading', { name: 'Create your first business' }).waitFor();
    await shoot('onboarding');
    await context.clearCookies();

    await signInThroughForm(page, owner);
    await page.getByRole('heading', { name: 'Bluebird Bakery', level: 1 }).waitFor();
    await visit(`/w/${businessId}`, 'Bluebird Bakery', 'dashboard');
    await visit(`/w/${businessId}/settings`, 'Settings', 'settings-general');
    await visit(`/w/${businessId}/settings/members`, 'Settings', 'settings-members');
    await visit(`/w/${businessId}/settings/api-keys`, 'Settings', 'settings-api-keys');
    await createApiKey(page);
    await shoot('api-key-secret');
    await page.getByRole('button', { name: 'I have stored it' }).click();
    await visit(`/w/${businessId}/settings/audit-log`, 'Settings', 'settings-audit-log');
    // The settings tabs never grow a vertical scrollbar; on a phone, where they scroll sideways, the hidden
    // side is marked.
    const tabs = page.getByRole('navigation', { name: 'Settings' });
    const row = await tabs.evaluate((nav) => ({
      verticalOverflow: nav.scrollHeight > nav.clientHeight,
      sideways: nav.scrollWidth > nav.clientWidth,
      more: nav.getAttribute('data-more'),
      mask: getComputedStyle(nav).maskImage,
    }));
    expect(row.verticalOverflow, variant.name).toBe(false);
    if (row.sideways) {
      expect(['end', 'both'], variant.name).toContain(row.more);
      expect(row.mask, variant.name).toContain('gradient');
    }
    expect(row.sideways).toBe(variant.viewport.width < 768);
    if (variant.viewport.width >= 768) {
      // A long page: the sidebar's column runs down to its end, not just the first screen.
      await visit(`/w/${businessId}/settings/inbox`, 'Settings', 'settings-inbox');
      const column = await page.evaluate(() => ({
        sidebar: document.querySelector('#sidebar')?.getBoundingClientRect().height ?? 0,
        page: document.documentElement.scrollHeight,
      }));
      expect(column.page).toBeGreaterThan(900);
      expect(column.sidebar).toBeGreaterThanOrEqual(column.page - 1);
    }
    // Eight result tiles in full rows: none is left alone on a row.
    await visit(`/w/${businessId}/analytics`, 'Analytics', 'analytics-empty');
    const perRow = await page.locator('.analytics-stat').evaluateAll((tiles) => {
      const rows = new Map<number, number>();
      for (const tile of tiles) {
        const top = Math.round(tile.getBoundingClientRect().top);
        rows.set(top, (rows.get(top) ?? 0) + 1);
      }
      return [...rows.values()];
    });
    expect(perRow.reduce((sum, count) => sum + count, 0)).toBe(8);
    expect(Math.min(...perRow), `${variant.name}: ${perRow.join(', ')}`).toBeGreaterThan(1);
    await visit('/profile', 'Profile', 'profile');

    if (variant.name === 'desktop-light') {
      // Names on screen are words: the jobs list (a "new member" email went out for each member seeded),
      // and the audit log (a list of changed fields, the first inbound secret created, not rotated).
      await callApiAs(server.url, owner, 'PATCH', `/api/business/${businessId}`, { locale: 'en-GB' });
      await callApiAs(server.url, owner, 'POST', '/api/inbox/inbound-secret', { business_id: businessId });
      await visit(`/w/${businessId}/jobs`, 'Jobs', 'jobs');
      const jobs = page.getByRole('main');
      await jobs.getByText('New member email').first().waitFor();
      expect(await jobs.getByText('mail.member_added').count()).toBe(0);
      await visit(`/w/${businessId}/settings/audit-log`, 'Settings', 'settings-audit-log-words');
      const audit = page.getByRole('main');
      await audit.getByText('Inbound webhook secret created').waitFor();
      await audit.getByText('changed: language').waitFor();
      expect(await audit.textContent()).not.toMatch(/rotated|[[\]{}"]/);

      // The interface in French: one choice in the account menu, kept across a reload, then back.
      await page.getByRole('button', { name: /^Account:/ }).click();
      await page.getByRole('menuitem', { name: 'Français' }).click();
      await page.getByRole('navigation', { name: 'Paramètres' }).waitFor();
      expect(await page.locator('html').getAttribute('lang')).toBe('fr');
      await page.reload();
      await page.getByRole('link', { name: 'Tableau de bord' }).waitFor();
      expect(await seriousViolations(page), 'settings in French').toEqual([]);
      await shoot('settings-french');
      await page.getByRole('button', { name: /^Compte :/ }).click();
      await page.getByRole('menuitem', { name: 'English' }).click();
      await page.getByRole('navigation', { name: 'Settings' }).waitFor();
      expect(await page.locator('html').getAttribute('lang')).toBe('en');

      // The API documentation: linked from the account menu, and in mcc's name and mark.
      await page.getByRole('button', { name: /^Account:/ }).click();
      expect(await page.getByRole('menuitem', { name: 'API documentation' }).getAttribute('href')).toBe(
        '/docs',
      );
      await page.keyboard.press('Escape');
      await page.goto('/docs');
      await page.locator('#swagger-ui .topbar img').waitFor();
      expect(await page.title()).toBe('Marketing Command Center API');
      expect(await page.locator('#swagger-ui .topbar img').getAttribute('src')).toMatch(
        /^data:image\/svg\+xml;base64,/,
      );

      // Money and months are the workspace's: a Lisbon workspace in British English plans in euros, and
      // a Tokyo workspace's AI budget month is Tokyo's (in this Paris browser it began the day before).
      await visit(`/w/${lisbonId}/campaigns/new`, 'New campaign', 'campaign-new');
      expect(await page.getByLabel('Currency').inputValue()).toBe('EUR');
      await visit(`/w/${tokyoId}/settings/ai`, 'Settings', 'settings-ai');
      const tokyoMonth = new Intl.DateTimeFormat('en', { month: 'long', timeZone: 'Asia/Tokyo' }).format(
        new Date(),
      );
      await page.getByText(`Spending in ${tokyoMonth}, from midnight on`).waitFor();
      expect(await page.getByText(/^Spending in/).textContent()).toContain('in Asia/Tokyo.');
    }
    if (variant.viewport.width < 768) {
      await page.getByRole('button', { name: 'Open navigation' }).click();
      await shoot('navigation-drawer');
    } else {
      await page.getByRole('button', { name: /^Workspace:/ }).click();
      await shoot('workspace-switcher');
    }

    expect(errors, variant.name).toEqual([]);
    await context.close();
  });
});

/**
 * Follow the app's navigation link to `url` when the page has one (the drawer's too, closed on a phone) and
 * wait until it is the current page: the route, its code loaded, has rendered. False when there is none.
 */
async function followAppLink(page: Page, url: string): Promise<boolean> {
  const link = page.locator(`nav a[href="${url}"]`).first();
  if ((await link.count()) === 0) return false;
  await link.evaluate((anchor: HTMLAnchorElement) => anchor.click());
  await page.locator(`nav a[href="${url}"][aria-current="page"]`).first().waitFor({ state: 'attached' });
  return true;
}

async function createApiKey(page: Page): Promise<void> {
  await page.getByLabel('Key name').fill(`Zapier ${Date.now()}`);
  await page.getByRole('button', { name: 'Create key' }).click();
  await page.getByRole('dialog').waitFor();
}
