import { describe, expect, it } from 'vitest';
import { telemetryBodySchema } from '../../src/shared/telemetry.schema.js';
import { newContext } from './support/browser.js';
import { sharedServerAndBrowser } from './support/environment.js';

const env = sharedServerAndBrowser();

describe('front-end monitoring', () => {
  it('reports uncaught errors and web vitals in batches the API accepts', async () => {
    const context = await newContext(env.browser, env.server.url);
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
