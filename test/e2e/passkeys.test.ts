import type { CDPSession } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { newContext, watchPageErrors } from './support/browser.js';
import { ownServerAndBrowser } from './support/environment.js';
import { seedBusiness, seedUser } from './support/factories.js';
import { chooseFromAccountMenu, signInThroughForm } from './support/flows.js';

// WebAuthn needs a domain for its relying party: the server runs on localhost, which is also PUBLIC_URL.
const env = ownServerAndBrowser({ localhost: true });

interface VirtualCredential {
  credentialId: string;
  isResidentCredential: boolean;
  signCount: number;
}

/**
 * Chromium's virtual authenticator (Chrome DevTools Protocol, WebAuthn domain) on this page: a platform
 * authenticator with resident keys and user verification, which answers every prompt as if the person
 * had touched it.
 */
async function addVirtualAuthenticator(cdp: CDPSession): Promise<string> {
  await cdp.send('WebAuthn.enable');
  const { authenticatorId } = await cdp.send('WebAuthn.addVirtualAuthenticator', {
    options: {
      protocol: 'ctap2',
      transport: 'internal',
      hasResidentKey: true,
      hasUserVerification: true,
      isUserVerified: true,
      automaticPresenceSimulation: true,
    },
  });
  return authenticatorId;
}

describe('passkeys in a real browser', () => {
  it('adds a passkey in Profile (two-factor turns on, recovery codes shown once) → signs out → signs in with the password and the passkey', async () => {
    const user = await seedUser(env.server.url);
    await seedBusiness(env.server.url, user, 'Harbour Books');
    const context = await newContext(env.browser, env.server.url);
    const page = await context.newPage();
    const errors = watchPageErrors(page);
    const cdp = await context.newCDPSession(page);
    const authenticatorId = await addVirtualAuthenticator(cdp);

    await signInThroughForm(page, user);
    await page.getByRole('heading', { name: 'Harbour Books', level: 1 }).waitFor();
    await chooseFromAccountMenu(page, 'Profile');
    await page.getByRole('heading', { name: 'Passkeys' }).waitFor();
    await page.getByLabel('Passkey name').fill('Virtual laptop');
    await page.getByRole('button', { name: 'Add a passkey' }).click();

    const codes = page.getByRole('list', { name: 'Recovery codes' }).getByRole('listitem');
    await codes.first().waitFor();
    expect(await codes.count()).toBe(10);
    await page.getByRole('button', { name: 'I have saved them' }).click();
    await page.getByRole('list', { name: 'Passkeys' }).getByText('Virtual laptop', { exact: true }).waitFor();
    await page.getByText(/Signing in asks for a passkey\. 10 of 10 recovery codes left/).waitFor();

    const { credentials } = (await cdp.send('WebAuthn.getCredentials', { authenticatorId })) as {
      credentials: VirtualCredential[];
    };
    expect(credentials).toHaveLength(1);
    expect(credentials[0]?.isResidentCredential).toBe(true);

    await chooseFromAccountMenu(page, 'Sign out');
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    await signInThroughForm(page, user);
    // The password alone no longer signs in: the second step offers the passkey, and codes as before.
    await page.getByLabel('Code').waitFor();
    await page.getByRole('button', { name: 'Use a passkey' }).click();
    await page.getByRole('heading', { name: 'Harbour Books', level: 1 }).waitFor();

    const after = (await cdp.send('WebAuthn.getCredentials', { authenticatorId })) as {
      credentials: VirtualCredential[];
    };
    expect(after.credentials[0]?.signCount).toBeGreaterThan(credentials[0]?.signCount ?? 0);
    await chooseFromAccountMenu(page, 'Profile');
    await page.getByText(/last used/).waitFor();
    expect(errors).toEqual([]);
    await context.close();
  });
});
