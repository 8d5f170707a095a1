import { describe, expect, it } from 'vitest';
import { newContext, watchPageErrors } from './support/browser.js';
import { sharedServerAndBrowser } from './support/environment.js';
import { newPersonDetails, seedUser } from './support/factories.js';
import { chooseFromAccountMenu, createFirstBusiness, signInThroughForm, toast } from './support/flows.js';

const env = sharedServerAndBrowser();

describe('team workspace flow', () => {
  it('sign up → create workspace → invite an existing user as editor → change their role → sign out → sign in → all still there', async () => {
    const colleague = await seedUser(env.server.url, 'colleague');
    const me = newPersonDetails('owner');
    const context = await newContext(env.browser, env.server.url, { timezoneId: 'Europe/Paris' });
    const page = await context.newPage();
    const errors = watchPageErrors(page);

    // Sign up, with the password hint reacting while typing.
    await page.goto('/sign-up');
    await page.getByLabel('Name').fill(me.name);
    await page.getByLabel('Email').fill(me.email);
    await page.getByLabel('Password').fill('short');
    await page.getByText('(5 to go)').waitFor();
    await page.getByLabel('Password').fill(me.password);
    await page.getByRole('button', { name: 'Create account' }).click();

    // No workspace yet: onboarding, with the browser's time zone preselected.
    await page.getByRole('heading', { name: 'Create your first business' }).waitFor();
    expect(await page.getByLabel('Time zone').inputValue()).toBe('Europe/Paris');
    await createFirstBusiness(page, {
      name: 'Bluebird Bakery',
      industry: 'Bakery',
      website: 'https://bluebird.example',
    });
    expect(page.url()).toMatch(/\/w\/[0-9a-f-]{36}$/);

    // Invite the existing user as an editor.
    await page.getByRole('navigation', { name: 'Workspace' }).getByRole('link', { name: 'Settings' }).click();
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

    // Sign out, then back in.
    await chooseFromAccountMenu(page, 'Sign out');
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    await signInThroughForm(page, me);

    // Straight back to the workspace, with the member and their new role.
    await page.getByRole('heading', { name: 'Bluebird Bakery', level: 1 }).waitFor();
    const team = page.getByRole('region', { name: 'Team' });
    await team.getByText(colleague.name).waitFor();
    await page.getByRole('link', { name: 'Manage' }).click();
    expect(await page.getByLabel(`Role of ${colleague.name}`).inputValue()).toBe('admin');

    expect(errors).toEqual([]);
    await context.close();
  });

  it('explains that an invitee must sign up first', async () => {
    const owner = await seedUser(env.server.url, 'owner');
    const context = await newContext(env.browser, env.server.url);
    const page = await context.newPage();
    await signInThroughForm(page, owner);
    await createFirstBusiness(page, { name: 'Solo Studio' });

    await page.goto(`${new URL(page.url()).pathname}/settings/members`);
    await page.getByLabel('Email address').fill('nobody.here@example.com');
    await page.getByRole('button', { name: 'Invite' }).click();
    await page.getByText('No account uses this email. Ask them to sign up first').waitFor();
    await context.close();
  });
});
