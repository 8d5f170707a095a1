import { describe, expect, it } from 'vitest';
import { newContext, watchPageErrors } from './support/browser.js';
import { sharedServerAndBrowser } from './support/environment.js';
import { seedBusiness, seedUser } from './support/factories.js';
import { signInThroughForm, toast } from './support/flows.js';

const env = sharedServerAndBrowser();

// The members screen's refusals (an unknown email, someone already a member), its role rules and its
// loading and failed states are covered by its component test (members-card.test.tsx).
describe('team workspace flow', () => {
  it('sign in → Settings → Members: invite an existing user as editor → change their role → the dashboard’s team shows them, and the new role sticks', async () => {
    const colleague = await seedUser(env.server.url, 'colleague');
    const owner = await seedUser(env.server.url, 'owner');
    await seedBusiness(env.server.url, owner, 'Bluebird Bakery');
    const context = await newContext(env.browser, env.server.url, { timezoneId: 'Europe/Paris' });
    const page = await context.newPage();
    const errors = watchPageErrors(page);
    await signInThroughForm(page, owner);
    await page.getByRole('heading', { name: 'Bluebird Bakery', level: 1 }).waitFor();

    // Invite the existing user as an editor.
    const workspaceNav = page.getByRole('navigation', { name: 'Workspace' });
    await workspaceNav.getByRole('link', { name: 'Settings' }).click();
    await page.getByRole('navigation', { name: 'Settings' }).getByRole('link', { name: 'Members' }).click();
    await page.getByLabel('Email address').fill(colleague.email);
    await page.getByLabel('Role', { exact: true }).selectOption('editor');
    await page.getByRole('button', { name: 'Invite' }).click();
    await toast(page, `${colleague.name} joined as editor`);
    const colleagueRole = page.getByLabel(`Role of ${colleague.name}`);
    expect(await colleagueRole.inputValue()).toBe('editor');

    // Change their role.
    await colleagueRole.selectOption('admin');
    await toast(page, `${colleague.name} is now admin`);

    // The dashboard lists the team; Manage leads back to the member and their new role.
    await workspaceNav.getByRole('link', { name: 'Dashboard' }).click();
    await page.getByRole('heading', { name: 'Bluebird Bakery', level: 1 }).waitFor();
    await page.getByRole('region', { name: 'Team' }).getByText(colleague.name).waitFor();
    await page.reload();
    await page.getByRole('link', { name: 'Manage' }).click();
    expect(await page.getByLabel(`Role of ${colleague.name}`).inputValue()).toBe('admin');

    expect(errors).toEqual([]);
    await context.close();
  });
});
