import type { Page } from 'playwright-core';

/** Signs in through the form, as a person would. */
export async function signInThroughForm(
  page: Page,
  credentials: { email: string; password: string },
): Promise<void> {
  await page.goto('/sign-in');
  await page.getByLabel('Email').fill(credentials.email);
  await page.getByLabel('Password').fill(credentials.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

/** Opens the account menu in the top bar and chooses an item. */
export async function chooseFromAccountMenu(page: Page, item: string): Promise<void> {
  await page.getByRole('button', { name: /^Account:/ }).click();
  await page.getByRole('menuitem', { name: item }).click();
}

/** Resolves when a toast containing `text` is shown. */
export async function toast(page: Page, text: string | RegExp): Promise<void> {
  await page.getByRole('region', { name: 'Notifications' }).getByText(text).waitFor();
}

/** The onboarding wizard's headings, step by step after the first ("Create your first business"). */
export const ONBOARDING_HEADINGS = ['What you sell, and to whom', 'Where you post, and why', 'How you sound'];

/**
 * Onboarding as a hurried person goes through it: step 1 creates the business, then "Skip for now" on each
 * brand step lands on the new workspace's dashboard.
 */
export async function createFirstBusiness(
  page: Page,
  business: { name: string; industry?: string; website?: string },
): Promise<void> {
  await page.getByRole('heading', { name: 'Create your first business' }).waitFor();
  await page.getByLabel('Business name').fill(business.name);
  if (business.industry) await page.getByLabel('Industry').fill(business.industry);
  if (business.website) await page.getByLabel('Website').fill(business.website);
  await page.getByRole('button', { name: 'Create business' }).click();
  for (const heading of ONBOARDING_HEADINGS) {
    await page.getByRole('heading', { name: heading, level: 1 }).waitFor();
    await page.getByRole('button', { name: 'Skip for now' }).click();
  }
  await page.getByRole('heading', { name: business.name, level: 1 }).waitFor();
}
