import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { telemetryBodySchema } from '../../src/shared/telemetry.schema.js';
import { launchBrowser, newContext } from './support/browser.js';
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

describe('front-end monitoring', () => {
  it('reports uncaught errors and web vitals in batches the API accepts', async () => {
    const context = await newContext(browser, server.url);
    const page = await context.newPage();
    await page.goto('/sign-in');
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();

    const reported = page.waitForResponse((response) => response.url().endsWith('/api/telemetry'));
    await page.evaluate(() => {
      setTimeout(() => {
        throw new Error('e2e: deliberate uncaught error');
      });
    });
    const response = await reported;

    expect(response.status()).toBe(202);
    const body = telemetryBodySchema.parse(response.request().postDataJSON());
    expect(body.events).toContainEqual(
      expect.objectContaining({
        type: 'error',
        page: '/sign-in',
        message: expect.stringContaining('deliberate'),
      }),
    );
    expect(body.events.some((event) => event.type === 'web-vital')).toBe(true);
    await context.close();
  });
});
