import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';

/**
 * Where screenshots go for a person to look at. Unset (as in `npm test`), no screenshots are taken: they
 * assert nothing and each look of a full page costs about a second.
 */
export const SHOTS_DIR = process.env.SHOTS_DIR || undefined;

const LOOKS = [
  { name: 'desktop-light', colorScheme: 'light', viewport: { width: 1280, height: 800 } },
  { name: 'desktop-dark', colorScheme: 'dark', viewport: { width: 1280, height: 800 } },
  { name: 'mobile-light', colorScheme: 'light', viewport: { width: 390, height: 844 } },
  { name: 'mobile-dark', colorScheme: 'dark', viewport: { width: 390, height: 844 } },
] as const;

/** With `SHOTS_DIR` set, screenshots of the current page in every scheme and size, then back to light desktop. */
export async function shootAllLooks(page: Page, screen: string): Promise<void> {
  if (!SHOTS_DIR) return;
  mkdirSync(SHOTS_DIR, { recursive: true });
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

/** With `SHOTS_DIR` set, one full-page screenshot of the page as it is, named `screen`. */
export async function shootPage(page: Page, screen: string): Promise<void> {
  if (!SHOTS_DIR) return;
  mkdirSync(SHOTS_DIR, { recursive: true });
  await page.screenshot({
    path: path.join(SHOTS_DIR, `${screen}.png`),
    fullPage: true,
    animations: 'disabled',
  });
}
