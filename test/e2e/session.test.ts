import { describe, expect, it } from 'vitest';
import { type TelemetryEvent, telemetryBodySchema } from '#shared/telemetry.schema.js';
import { newContext } from './support/browser.js';
import { ownServerAndBrowser } from './support/environment.js';
import { seedBusiness, seedUser } from './support/factories.js';

const env = ownServerAndBrowser();

// Sending a signed-out visitor to sign in and back to the page they asked for is covered by
// sign-in-page.test.tsx; the form's refusals by sign-in-form.test.tsx.
describe('a session in a real browser', () => {
  it('reports an uncaught error and web vitals → signs in from the keyboard (skip link, form) → survives a reload through the refresh cookie, no token in storage → a banner while the server is down, gone when it is back → signs out from the keyboard (account menu) → the next person signs in to their own workspace, even through a stale link into the last one', async () => {
    const user = await seedUser(env.server.url);
    const { id: firstBusinessId } = await seedBusiness(env.server.url, user, 'Lighthouse Books');
    const context = await newContext(env.browser, env.server.url);
    const page = await context.newPage();
    // Every telemetry batch the page sends: events go out in batches 5 s after the first of each, so web
    // vitals may leave in a batch of their own before the error below, or with it.
    const telemetry: TelemetryEvent[] = [];
    const isTelemetry = (url: string) => url.endsWith('/api/telemetry');
    const scripts: string[] = [];
    page.on('request', (request) => {
      if (isTelemetry(request.url()))
        telemetry.push(...telemetryBodySchema.parse(request.postDataJSON()).events);
      if (request.resourceType() === 'script') scripts.push(new URL(request.url()).pathname);
    });
    const formChecksLoaded = () => scripts.some((script) => /\/login-checks-[\w-]+\.js$/.test(script));
    await page.goto('/sign-in');
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();

    // Front-end monitoring: what only a browser produces (web vitals, an uncaught error) reaches the API.
    const reported = page.waitForResponse(
      (response) =>
        isTelemetry(response.url()) && (response.request().postData() ?? '').includes('deliberate uncaught'),
    );
    await page.evaluate(() => {
      setTimeout(() => {
        throw new Error('e2e: deliberate uncaught error');
      });
    });
    const response = await reported;
    expect(response.status()).toBe(202);
    expect(telemetry).toContainEqual(
      expect.objectContaining({
        type: 'error',
        page: '/sign-in',
        message: expect.stringContaining('deliberate'),
      }),
    );
    expect(telemetry.some((event) => event.type === 'web-vital')).toBe(true);
    // Seconds after the page settled, nobody has started on the form: its checks (zod) are not downloaded.
    expect(formChecksLoaded()).toBe(false);

    // Keyboard only: the skip link first, then the form.
    const focused = () =>
      page.evaluate(
        () => document.activeElement?.getAttribute('aria-label') ?? document.activeElement?.textContent ?? '',
      );
    await page.keyboard.press('Tab');
    expect(await focused()).toBe('Skip to content');
    await page.keyboard.press('Tab');
    await page.keyboard.type(user.email);
    await expect.poll(formChecksLoaded).toBe(true);
    await page.keyboard.press('Tab');
    await page.keyboard.type(user.password);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Lighthouse Books', level: 1 }).waitFor();

    // A reload signs in again through the HttpOnly refresh cookie; the access token lives in memory only.
    const workspaceUrl = page.url();
    await page.reload();
    await page.getByRole('heading', { name: 'Lighthouse Books', level: 1 }).waitFor();
    expect(page.url()).toBe(workspaceUrl);
    const stored = await page.evaluate(() => JSON.stringify({ ...localStorage, ...sessionStorage }));
    expect(stored).not.toMatch(/eyJ[\w-]+\.[\w-]+/);
    const cookies = await context.cookies();
    expect(cookies.find((cookie) => cookie.name === 'mcc_refresh')?.httpOnly).toBe(true);

    // The server goes away: the settings screen is not loaded yet, its code and data both need the server.
    await env.server.stop();
    await page.getByRole('navigation', { name: 'Workspace' }).getByRole('link', { name: 'Settings' }).click();
    const banner = page.getByText("Can't reach the server — retrying…");
    await banner.waitFor();
    await env.server.start();
    await banner.waitFor({ state: 'detached', timeout: 30_000 });
    await page.getByRole('heading', { name: 'Settings' }).waitFor();
    expect(await page.getByLabel('Business name').inputValue()).toBe('Lighthouse Books');

    // The account menu: open with Enter, move with arrows, choose with Enter.
    await page.getByRole('button', { name: /^Account:/ }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('menu').waitFor();
    await page.keyboard.press('End');
    expect(await focused()).toBe('Sign out');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();

    // Another person signs in on the same browser: signing out left no `next` to the last workspace.
    expect(new URL(page.url()).pathname + new URL(page.url()).search).toBe('/sign-in');
    const nextPerson = await seedUser(env.server.url, 'next');
    await seedBusiness(env.server.url, nextPerson, 'Harbour Kiosk');
    const signInHere = async () => {
      await page.getByLabel('Email').fill(nextPerson.email);
      await page.getByLabel('Password').fill(nextPerson.password);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByRole('heading', { name: 'Harbour Kiosk', level: 1 }).waitFor();
    };
    await signInHere();

    // A link into a workspace they are not a member of (an expired session's `next`) opens their own.
    await context.clearCookies();
    await page.goto(`/sign-in?next=${encodeURIComponent(`/w/${firstBusinessId}/settings`)}`);
    await signInHere();
    expect(page.url()).not.toContain(firstBusinessId);
    await context.close();
  });
});
